import { z } from 'zod';
import { DEFAULT_ACCESS, type AccessSettings } from '../../shared/content';

/**
 * `accessibility:` in kiosk.yaml: what staff decide about the kiosk's help for patients who
 * cannot read the screen well. Listen (reading aloud) is there unless a kiosk has nothing to
 * play sound through; its volume starts where staff set it and a patient may change it only
 * between the quietest and loudest staff allow; the loop may invite patients to listen; and the
 * slides may change without motion for everyone, as they do for those who ask the computer.
 */

const percent = z
  .number({ error: 'must be a number from 0 to 100: per cent of the computer’s own volume' })
  .int({ error: 'must be a whole number from 0 to 100' })
  .min(0, { error: 'must be at least 0' })
  .max(100, { error: 'must be at most 100: per cent of the computer’s own volume' });

/** YAML reads yes and no as words, true and false as booleans: staff may write either. */
const yesOrNo = z
  .union([z.boolean(), z.enum(['yes', 'no'], { error: 'must be yes or no' })], { error: 'must be yes or no' })
  .transform((value) => value === true || value === 'yes');

const accessibilityShape = z.strictObject({
  listen: z
    .enum(['show', 'hide'], {
      error:
        'must be show (patients can have the screen read aloud) or hide (for a kiosk with no speaker or headphone socket)',
    })
    .default('show'),
  volume: percent.default(DEFAULT_ACCESS.volume.start),
  quietest: percent.default(DEFAULT_ACCESS.volume.lowest),
  loudest: percent.default(DEFAULT_ACCESS.volume.highest),
  invite_to_listen: yesOrNo.default(DEFAULT_ACCESS.inviteToListen),
  /** Left out, the slides move as the computer's own setting asks (Windows' or the desktop's). */
  motion: z
    .enum(['full', 'reduced'], {
      error: 'must be reduced (slides change without moving) or full (they fade from one to the next)',
    })
    .optional(),
});

export const ACCESSIBILITY_SETTINGS = Object.keys(accessibilityShape.shape);

export const accessibilitySchema = accessibilityShape
  .superRefine((settings, context) => {
    // A number already refused is told once, on its own.
    const levels = [settings.volume, settings.quietest, settings.loudest];
    if (!levels.every((level) => Number.isInteger(level) && level >= 0 && level <= 100)) return;
    if (settings.quietest > settings.loudest) {
      context.addIssue({
        code: 'custom',
        path: ['quietest'],
        message: `is louder than loudest (${settings.loudest}): make it the smaller number`,
      });
    } else if (settings.volume < settings.quietest || settings.volume > settings.loudest) {
      context.addIssue({
        code: 'custom',
        path: ['volume'],
        message: `must be between quietest (${settings.quietest}) and loudest (${settings.loudest}), where patients may set it`,
      });
    }
  })
  .transform((settings): AccessSettings => ({
    listen: settings.listen === 'show',
    volume: { start: settings.volume, lowest: settings.quietest, highest: settings.loudest },
    inviteToListen: settings.invite_to_listen,
    reducedMotion: settings.motion === 'reduced',
  }));
