import type { Point3 } from '../layout/layout';
import { writeAlong } from './matrices';

/** Flow below this (L/s, absolute) draws no arrow: the direction is not meaningful. */
export const FLOW_ARROW_THRESHOLD = 0.01;

interface ArrowGeometry {
  readonly a: Point3;
  readonly b: Point3;
  readonly width: number;
  readonly length: number;
}

/** The arrow's direction for a flow value: +1 from → to, -1 reversed, 0 none (or unmeasured). */
export function flowDirection(flow: number): -1 | 0 | 1 {
  if (Number.isNaN(flow) || Math.abs(flow) < FLOW_ARROW_THRESHOLD) return 0;
  return flow > 0 ? 1 : -1;
}

/**
 * A chevron-like cone on the pipe's longest segment pointing along the flow. A hidden arrow
 * is collapsed in place (not moved to the origin) so the tile's bounding box stays tight.
 */
export function writeArrow(
  out: Float32Array,
  offset: number,
  arrow: ArrowGeometry,
  direction: -1 | 0 | 1,
): void {
  if (direction === 0) {
    hiddenArrow(out, offset, arrow);
    return;
  }
  writeAlong(out, offset, arrow.a, arrow.b, arrow.width, arrow.length, direction < 0);
}

export function hiddenArrow(out: Float32Array, offset: number, arrow: ArrowGeometry): void {
  writeAlong(out, offset, arrow.a, arrow.b, 1e-4, 1e-4);
}

/** Read back the direction an arrow instance points (for inspection and tests). */
export function arrowDirectionOf(
  matrices: Float32Array,
  offset: number,
  arrow: ArrowGeometry,
): -1 | 0 | 1 {
  const yx = matrices[offset + 4] ?? 0;
  const yy = matrices[offset + 5] ?? 0;
  const yz = matrices[offset + 6] ?? 0;
  if (Math.hypot(yx, yy, yz) < 1e-3) return 0;
  const dot =
    yx * (arrow.b[0] - arrow.a[0]) +
    yy * (arrow.b[1] - arrow.a[1]) +
    yz * (arrow.b[2] - arrow.a[2]);
  return dot >= 0 ? 1 : -1;
}
