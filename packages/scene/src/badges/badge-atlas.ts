import type { AlarmPriority } from '@twinhelm/contracts';
import { hexToRgb } from '../colour/hex';
import { countStrokes, strokeDistance, type Stroke } from './badge-glyphs';
import {
  ALARM_BADGE_STYLE,
  BADGE_DARK,
  BADGE_PRIORITIES,
  MAX_SHOWN_COUNT,
  type BadgeShape,
} from './badge-style';

/**
 * The badges' sprite sheet, rasterised in TypeScript from distance fields (no canvas, no
 * fonts: identical in Node and the browser). One 64 px cell per (face, priority, count):
 * columns are the counts 1–9 and "9+", rows are the four priorities with a solid face, then
 * the same with a hollow face (the other half of the blink). RGBA, straight alpha, first row
 * at the top (upload with invertY false). Cells are drawn when first needed (a few ms for
 * the handful a network shows), never all 80 up front.
 */
export const BADGE_CELL_PX = 64;
export const ATLAS_COLUMNS = MAX_SHOWN_COUNT + 1;
const ROWS = BADGE_PRIORITIES.length * 2;
/** Dark rim outside every shape (px) and the coloured ring of the hollow face (px). */
const RIM = 3;
const RING = 4.5;
const STROKE = 5;
/** The triangle's centroid sits this far below the cell's centre (px at 64 px) to centre its box. */
const TRIANGLE_DROP = 8;
/** Glyph size inside each shape (the triangle's and the diamond's insides are smaller). */
const GLYPH_SCALE: Record<BadgeShape, number> = {
  square: 1,
  circle: 1,
  diamond: 0.86,
  triangle: 0.72,
};

/** The sprite cell for a badge: priority, count (≥ 10 shows "9+"), solid or hollow face. */
export function badgeCell(priority: AlarmPriority, count: number, solid: boolean): number {
  const row = BADGE_PRIORITIES.indexOf(priority) + (solid ? 0 : BADGE_PRIORITIES.length);
  const column = Math.min(Math.max(Math.floor(count), 1), MAX_SHOWN_COUNT + 1) - 1;
  return row * ATLAS_COLUMNS + column;
}

export class BadgeAtlas {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
  private readonly drawn = new Uint8Array(ROWS * ATLAS_COLUMNS);

  constructor(readonly cell = BADGE_CELL_PX) {
    this.width = cell * ATLAS_COLUMNS;
    this.height = cell * ROWS;
    this.data = new Uint8Array(this.width * this.height * 4);
  }

  /** Draw a cell if it is not drawn yet; true when the pixels changed (upload again). */
  ensure(index: number): boolean {
    if (index < 0 || index >= this.drawn.length || this.drawn[index] === 1) return false;
    this.drawn[index] = 1;
    this.drawCell(Math.floor(index / ATLAS_COLUMNS), index % ATLAS_COLUMNS);
    return true;
  }

  private drawCell(row: number, column: number): void {
    const { cell, width, data } = this;
    const priority = BADGE_PRIORITIES[row % BADGE_PRIORITIES.length] as AlarmPriority;
    const solid = row < BADGE_PRIORITIES.length;
    const { color, shape } = ALARM_BADGE_STYLE[priority];
    const dark = hexToRgb(BADGE_DARK);
    const colour = hexToRgb(color);
    const glyphColour = solid ? dark : colour;
    const half = cell / 2;
    const k = cell / 64;
    const glyphY = shape === 'triangle' ? half + (TRIANGLE_DROP + 2) * k : half;
    const scale = GLYPH_SCALE[shape] * k;
    const strokes = countStrokes(column + 1, half, glyphY, scale);
    const stroke = STROKE * scale;
    const box = boundsOf(strokes, stroke);
    const rgb: [number, number, number] = [0, 0, 0];
    for (let y = 0; y < cell; y++) {
      for (let x = 0; x < cell; x++) {
        const px = x + 0.5;
        const py = y + 0.5;
        const d = shapeDistance(shape, px - half, py - half, cell);
        const alpha = cover(d - RIM);
        rgb[0] = dark[0];
        rgb[1] = dark[1];
        rgb[2] = dark[2];
        if (alpha > 0 && d < 0.5) {
          const fill = cover(d);
          const inner = solid ? 0 : cover(d + RING);
          const inBox = px >= box[0] && px <= box[2] && py >= box[1] && py <= box[3];
          const glyph = inBox ? cover(strokeDistance(strokes, px, py) - stroke / 2) * fill : 0;
          for (let c = 0; c < 3; c++) {
            const base = dark[c] ?? 0;
            const face = base + ((colour[c] ?? 0) - base) * fill;
            const hollowed = face + (base - face) * inner;
            rgb[c] = hollowed + ((glyphColour[c] ?? 0) - hollowed) * glyph;
          }
        }
        const o = ((row * cell + y) * width + column * cell + x) * 4;
        data[o] = Math.round(rgb[0] * 255);
        data[o + 1] = Math.round(rgb[1] * 255);
        data[o + 2] = Math.round(rgb[2] * 255);
        data[o + 3] = Math.round(alpha * 255);
      }
    }
  }
}

/** Signed distance (px) from a point (relative to the cell's centre, y down) to the shape. */
export function shapeDistance(shape: BadgeShape, x: number, y: number, cell: number): number {
  const k = cell / 64;
  switch (shape) {
    case 'circle':
      return Math.hypot(x, y) - 25 * k;
    case 'square': {
      const r = 5 * k;
      const qx = Math.abs(x) - (22 * k - r);
      const qy = Math.abs(y) - (22 * k - r);
      return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
    }
    case 'diamond':
      return (Math.abs(x) + Math.abs(y) - 28.5 * k) / Math.SQRT2;
    case 'triangle':
      return triangleDistance(x, y - TRIANGLE_DROP * k, 28 * k);
  }
}

/** Equilateral triangle pointing up, half side r, centred on its centroid (y down). */
function triangleDistance(x: number, yDown: number, r: number): number {
  const k = Math.sqrt(3);
  let px = Math.abs(x) - r;
  let py = -yDown + r / k;
  if (px + k * py > 0) {
    const nx = (px - k * py) / 2;
    const ny = (-k * px - py) / 2;
    px = nx;
    py = ny;
  }
  px -= Math.min(Math.max(px, -2 * r), 0);
  return -Math.hypot(px, py) * Math.sign(py);
}

/** Share of a pixel inside an edge at signed distance d (px). */
function cover(d: number): number {
  return Math.min(1, Math.max(0, 0.5 - d));
}

/** [minX, minY, maxX, maxY] of the strokes, widened by the stroke and a pixel. */
function boundsOf(strokes: readonly Stroke[], stroke: number): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x1, y1, x2, y2] of strokes) {
    box[0] = Math.min(box[0], x1, x2);
    box[1] = Math.min(box[1], y1, y2);
    box[2] = Math.max(box[2], x1, x2);
    box[3] = Math.max(box[3], y1, y2);
  }
  const grow = stroke / 2 + 1;
  return [box[0] - grow, box[1] - grow, box[2] + grow, box[3] + grow];
}
