import type { NetworkModel } from '@twinhelm/contracts';

/** Scene units the network's larger horizontal extent is scaled to. */
export const SCENE_SPAN = 1000;
/** Relief (max - min elevation) at exaggeration 1 never exceeds this share of the span. */
const MAX_RELIEF_SHARE = 0.08;

/**
 * How map coordinates become scene coordinates: centred on the origin, the larger horizontal
 * extent scaled to SCENE_SPAN, map y -> scene z (north away from a camera looking from the
 * south), elevation -> scene y above the lowest point, times the elevation exaggeration.
 */
export interface Layout {
  readonly centreX: number;
  readonly centreY: number;
  readonly minElevation: number;
  /** Scene units per map unit. */
  readonly horizontalScale: number;
  /** Scene units per metre of elevation, exaggeration included. */
  readonly verticalScale: number;
  /** Typical element size in scene units (node spacing based): sizes every shape. */
  readonly unit: number;
  /** Horizontal extent in scene units (x, z). */
  readonly width: number;
  readonly depth: number;
}

export function computeLayout(network: NetworkModel, exaggeration: number): Layout {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  let minZ = Infinity;
  let maxZ = -Infinity;
  for (const n of network.nodes) {
    if (!Number.isFinite(n.x) || !Number.isFinite(n.y) || !Number.isFinite(n.elevation)) continue;
    minX = Math.min(minX, n.x);
    maxX = Math.max(maxX, n.x);
    minY = Math.min(minY, n.y);
    maxY = Math.max(maxY, n.y);
    minZ = Math.min(minZ, n.elevation);
    maxZ = Math.max(maxZ, n.elevation);
  }
  if (minX === Infinity) {
    minX = maxX = minY = maxY = minZ = maxZ = 0;
  }
  const extent = Math.max(maxX - minX, maxY - minY);
  const horizontalScale = extent > 0 ? SCENE_SPAN / extent : 1;
  const relief = Math.max(maxZ - minZ, 1);
  const naturalVertical = Math.min(horizontalScale, (MAX_RELIEF_SHARE * SCENE_SPAN) / relief);
  const count = Math.max(network.nodes.length, 1);
  const unit = clamp((SCENE_SPAN / Math.sqrt(count)) * 0.15, 0.4, 4);
  return {
    centreX: (minX + maxX) / 2,
    centreY: (minY + maxY) / 2,
    minElevation: minZ,
    horizontalScale,
    verticalScale: naturalVertical * exaggeration,
    unit,
    width: (maxX - minX) * horizontalScale,
    depth: (maxY - minY) * horizontalScale,
  };
}

export type Point3 = [number, number, number];

/** Map (x, y) and elevation (m) to a scene point, written into `out`. */
export function project(
  layout: Layout,
  x: number,
  y: number,
  elevation: number,
  out: Point3,
): Point3 {
  out[0] = (x - layout.centreX) * layout.horizontalScale;
  out[1] = (elevation - layout.minElevation) * layout.verticalScale;
  out[2] = (y - layout.centreY) * layout.horizontalScale;
  return out;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Elevation exaggeration must be a number in (0, 100]; the error says what is expected. */
export function assertExaggeration(factor: number): void {
  if (!Number.isFinite(factor) || factor <= 0 || factor > 100) {
    throw new RangeError(`elevation exaggeration ${factor}: expected a number in (0, 100], e.g. 3`);
  }
}
