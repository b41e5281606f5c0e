/** The only pictures a slide may show; the app's protocol and the preview serve nothing else. */
const PICTURE_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

/** The only recordings a slide may have (its `audio:`): sounds every Chromium plays. */
const AUDIO_TYPES: Readonly<Record<string, string>> = {
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
};

/** The only kinds of file the kiosk's page ever loads; anything else is served as plain bytes. */
const PAGE_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  ...PICTURE_TYPES,
};

function typeByExtension(types: Readonly<Record<string, string>>, fileName: string): string | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot === -1 ? undefined : types[fileName.slice(dot).toLowerCase()];
}

export function pictureType(fileName: string): string | undefined {
  return typeByExtension(PICTURE_TYPES, fileName);
}

export function audioType(fileName: string): string | undefined {
  return typeByExtension(AUDIO_TYPES, fileName);
}

/** What the page may load from the content folder (its checked copy): a picture, a recording, or the clinic's font. */
export function contentFileType(fileName: string): string | undefined {
  return (
    pictureType(fileName) ?? audioType(fileName) ?? (/\.woff2$/i.test(fileName) ? 'font/woff2' : undefined)
  );
}

/** The type of one of the page's own files, or undefined for a kind of file the page never loads. */
export function knownMimeType(fileName: string): string | undefined {
  return typeByExtension(PAGE_TYPES, fileName);
}

export function mimeType(fileName: string): string {
  return knownMimeType(fileName) ?? 'application/octet-stream';
}
