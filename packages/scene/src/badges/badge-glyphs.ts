/**
 * The numbers inside badges as strokes (capsules) on a seven-segment frame: drawn by distance
 * fields, so they stay smooth at any size without fonts, canvases or a DOM (NullEngine tests
 * and the browser build the same pixels). Coordinates in cell pixels, y down, origin at the
 * glyph's centre.
 */

/** A stroke from (x1, y1) to (x2, y2). */
export type Stroke = readonly [number, number, number, number];

const SEGMENTS = 'abcdefg';
const DIGIT_SEGMENTS: Record<number, string> = {
  0: 'abcdef',
  2: 'abged',
  3: 'abgcd',
  4: 'fgbc',
  5: 'afgcd',
  6: 'afgedc',
  7: 'abc',
  8: 'abcdefg',
  9: 'abcdfg',
};

/** Strokes of a digit in a w × h box centred at (cx, cy). */
export function digitStrokes(
  digit: number,
  cx: number,
  cy: number,
  w: number,
  h: number,
): Stroke[] {
  const l = cx - w / 2;
  const r = cx + w / 2;
  const t = cy - h / 2;
  const m = cy;
  const b = cy + h / 2;
  if (digit === 1) {
    return [
      [cx, t, cx, b],
      [cx - w * 0.4, t + w * 0.35, cx, t],
    ];
  }
  const segment: Record<string, Stroke> = {
    a: [l, t, r, t],
    b: [r, t, r, m],
    c: [r, m, r, b],
    d: [l, b, r, b],
    e: [l, m, l, b],
    f: [l, t, l, m],
    g: [l, m, r, m],
  };
  const used = DIGIT_SEGMENTS[digit] ?? SEGMENTS;
  return [...used].map((s) => segment[s] as Stroke);
}

/**
 * Strokes for what a badge shows: 1–9, or "9+" for ten and more. `scale` shrinks the glyph
 * (the triangle's inside is smaller); (cx, cy) is where it is centred.
 */
export function countStrokes(shown: number, cx: number, cy: number, scale: number): Stroke[] {
  const w = 14 * scale;
  const h = 24 * scale;
  if (shown <= 9) return digitStrokes(shown, cx, cy, w, h);
  const nineX = cx - 5 * scale;
  const plusX = cx + 9 * scale;
  const arm = 4.5 * scale;
  return [
    ...digitStrokes(9, nineX, cy, w * 0.78, h * 0.82),
    [plusX - arm, cy, plusX + arm, cy],
    [plusX, cy - arm, plusX, cy + arm],
  ];
}

/** Distance from (px, py) to the nearest stroke's centre line. */
export function strokeDistance(strokes: readonly Stroke[], px: number, py: number): number {
  let best = Infinity;
  for (const [x1, y1, x2, y2] of strokes) {
    const dx = x2 - x1;
    const dy = y2 - y1;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.min(1, Math.max(0, ((px - x1) * dx + (py - y1) * dy) / len2)) : 0;
    const ex = px - (x1 + t * dx);
    const ey = py - (y1 + t * dy);
    const d = Math.sqrt(ex * ex + ey * ey);
    if (d < best) best = d;
  }
  return best;
}
