/** The shapes of screen staff can check their content on: the kiosk's two, and a smaller one. */
export const SCREEN_SHAPES = [
  { id: 'landscape', name: 'Landscape', width: 1920, height: 1080 },
  { id: 'portrait', name: 'Portrait', width: 1080, height: 1920 },
  { id: 'small', name: 'Small', width: 1280, height: 800 },
] as const;

export type ScreenShape = (typeof SCREEN_SHAPES)[number];
export type ScreenShapeId = ScreenShape['id'];

export function shapeById(id: string | null | undefined): ScreenShape {
  return SCREEN_SHAPES.find((shape) => shape.id === id) ?? SCREEN_SHAPES[0];
}

/**
 * How much the screen is shrunk to fit a space `width` × `height` (CSS pixels): the kiosk page is
 * laid out at the screen's own size, then drawn smaller, never larger than life.
 */
export function fitScale(
  shape: Pick<ScreenShape, 'width' | 'height'>,
  width: number,
  height: number,
): number {
  if (width <= 0 || height <= 0) return 0;
  return Math.min(1, width / shape.width, height / shape.height);
}

/** Where the chosen shape is remembered between visits (this browser, or the preview window). */
const SHAPE_KEY = 'clinic-kiosk-preview-shape';

export function rememberedShape(storage: Pick<Storage, 'getItem'> | undefined): ScreenShape {
  try {
    return shapeById(storage?.getItem(SHAPE_KEY));
  } catch {
    // Storage refused (a private window, a policy): the first shape will do.
    return SCREEN_SHAPES[0];
  }
}

export function rememberShape(storage: Pick<Storage, 'setItem'> | undefined, shape: ScreenShape): void {
  try {
    storage?.setItem(SHAPE_KEY, shape.id);
  } catch {
    // Not remembered: nothing lost but a click next time.
  }
}
