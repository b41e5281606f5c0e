import { describe, expect, it } from 'vitest';
import {
  fitScale,
  rememberedShape,
  rememberShape,
  SCREEN_SHAPES,
  shapeById,
} from '../../../../src/renderer/src/workbench/shapes';

describe('the screen shapes of the workbench', () => {
  it('offers the kiosk’s landscape and portrait screens and a small one', () => {
    expect(SCREEN_SHAPES.map(({ id, width, height }) => `${id} ${width}x${height}`)).toEqual([
      'landscape 1920x1080',
      'portrait 1080x1920',
      'small 1280x800',
    ]);
  });

  it('shrinks a screen to fit the room there is, keeping its shape, and never enlarges it', () => {
    const landscape = shapeById('landscape');
    const portrait = shapeById('portrait');
    expect(fitScale(landscape, 960, 1000)).toBe(0.5);
    expect(fitScale(portrait, 1000, 960)).toBe(0.5);
    expect(fitScale(shapeById('small'), 3000, 3000)).toBe(1);
    expect(fitScale(landscape, 0, 500)).toBe(0);
  });

  it('remembers the shape chosen, and starts on landscape when nothing (or nonsense) is remembered', () => {
    const stored = new Map<string, string>();
    const storage = {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
    };
    expect(rememberedShape(storage).id).toBe('landscape');
    rememberShape(storage, shapeById('portrait'));
    expect(rememberedShape(storage).id).toBe('portrait');
    stored.set([...stored.keys()][0]!, 'round');
    expect(rememberedShape(storage).id).toBe('landscape');
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(rememberedShape(refusing).id).toBe('landscape');
    expect(() => rememberShape(refusing, shapeById('small'))).not.toThrow();
  });
});
