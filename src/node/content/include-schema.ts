import { z } from 'zod';

/** A content folder takes shared slides from at most this many folders. */
export const MAX_INCLUDES = 4;

const folderPath = z
  .string({ error: 'must be a folder of the repository, written from this one, such as ../common' })
  .trim()
  .min(1, { error: 'is empty: write the folder after the colon, such as ../common, or remove the line' });

/** `include: ../common` in kiosk.yaml, or a list of such folders. */
export const includeSchema = z.union(
  [
    folderPath,
    z
      .array(folderPath, { error: 'must be a folder such as ../common, or a list of them' })
      .min(1, { error: 'is empty: list at least one folder, such as [../common], or remove the line' })
      .max(MAX_INCLUDES, {
        error: `lists too many folders: a content folder takes slides from at most ${MAX_INCLUDES}`,
      }),
  ],
  { error: 'must be a folder such as ../common, or a list of them such as [../common, ../campaigns]' },
);
