/** Label type size: CSS px per CSS px of canvas height, and the smallest size (CSS px). */
const FONT_SHARE_OF_HEIGHT = 0.016;
const MIN_FONT_CSS_PX = 13;
const MAX_FONT_CSS_PX = 56;

/**
 * Label font size in render (device) pixels for a canvas of that render size. `hardwareScaling`
 * is Babylon's scaling level (1 / device pixel ratio when the engine adapts to it): the size
 * follows the canvas's shorter CSS side (about 13 px on a 1366×768 laptop, 16 px on a portrait
 * tablet, 35 px on a 3840×2160 wall screen, legible from 4 m), then converts to device pixels.
 */
export function labelFontPx(
  renderWidth: number,
  renderHeight: number,
  hardwareScaling: number,
): number {
  const scaling = Number.isFinite(hardwareScaling) && hardwareScaling > 0 ? hardwareScaling : 1;
  const cssSide = Math.max(0, Math.min(renderWidth, renderHeight)) * scaling;
  const css = Math.min(MAX_FONT_CSS_PX, Math.max(MIN_FONT_CSS_PX, cssSide * FONT_SHARE_OF_HEIGHT));
  return Math.round(css / scaling);
}

/** One label's box on screen (centre x, bottom y, size), and how much it matters (higher wins). */
export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
  priority: number;
  /** false: behind the camera or off screen, never shown. */
  onScreen: boolean;
}

/** Rough width of a text in the label font (proportional sans, tabular digits). */
export function estimateTextWidth(text: string, fontPx: number): number {
  return text.length * fontPx * 0.58 + fontPx * 0.6;
}

/**
 * Which labels to show so that none overlaps another: greedily by priority (ties: the order
 * given), each kept only if its box, grown by `gap` pixels, meets no box already kept.
 */
export function declutter(boxes: readonly LabelBox[], gap = 2): boolean[] {
  const order = boxes
    .map((b, i) => i)
    .filter((i) => (boxes[i] as LabelBox).onScreen)
    .sort((a, b) => (boxes[b] as LabelBox).priority - (boxes[a] as LabelBox).priority || a - b);
  const visible = boxes.map(() => false);
  const kept: LabelBox[] = [];
  for (const i of order) {
    const box = boxes[i] as LabelBox;
    if (kept.some((k) => overlaps(k, box, gap))) continue;
    kept.push(box);
    visible[i] = true;
  }
  return visible;
}

function overlaps(a: LabelBox, b: LabelBox, gap: number): boolean {
  return (
    Math.abs(a.x - b.x) * 2 < a.width + b.width + 2 * gap &&
    a.y - a.height - gap < b.y &&
    b.y - b.height - gap < a.y
  );
}
