/** A box in CSS pixels (DOMRect's fields). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Insets {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The smallest box around all of `boxes` (empty ones ignored); null when none has an area. */
export function unionOf(boxes: readonly Box[]): Box | null {
  const real = boxes.filter((b) => b.right > b.left && b.bottom > b.top);
  if (real.length === 0) return null;
  return {
    left: Math.min(...real.map((b) => b.left)),
    top: Math.min(...real.map((b) => b.top)),
    right: Math.max(...real.map((b) => b.right)),
    bottom: Math.max(...real.map((b) => b.bottom)),
  };
}

/**
 * Shares of the canvas that opaque UI covers, for the scene's camera: each box is charged to
 * the canvas edge whose strip it takes the least of (a top bar to the top, a side column to its
 * side, a bottom sheet to the bottom). Boxes outside the canvas, and an empty canvas, cost nothing.
 */
export function viewInsets(canvas: Box, covers: readonly (Box | null)[]): Insets {
  const insets: Insets = { left: 0, right: 0, top: 0, bottom: 0 };
  const width = canvas.right - canvas.left;
  const height = canvas.bottom - canvas.top;
  if (width <= 0 || height <= 0) return insets;
  for (const box of covers) {
    if (!box || box.right <= canvas.left || box.left >= canvas.right) continue;
    if (box.bottom <= canvas.top || box.top >= canvas.bottom) continue;
    const options: [keyof Insets, number][] = [
      ['left', (box.right - canvas.left) / width],
      ['right', (canvas.right - box.left) / width],
      ['top', (box.bottom - canvas.top) / height],
      ['bottom', (canvas.bottom - box.top) / height],
    ];
    const [side, share] = options.reduce((best, option) => (option[1] < best[1] ? option : best));
    insets[side] = Math.max(insets[side], Math.min(1, share));
  }
  return insets;
}
