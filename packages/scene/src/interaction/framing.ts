import type { Point3 } from '../layout/layout';

/**
 * Shares of the canvas covered by opaque UI (side panels, top bar, bottom sheet), each 0..0.8.
 * The camera centres and fits what it frames in the rest of the canvas.
 */
export interface ViewInsets {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const NO_INSETS: Readonly<ViewInsets> = Object.freeze({
  left: 0,
  right: 0,
  top: 0,
  bottom: 0,
});

/** Largest share of one axis the insets may cover together (the scene always keeps 20 %). */
const MAX_COVER = 0.8;

export interface Bounds {
  min: Point3;
  max: Point3;
}

/** Axis-aligned box around points; null when there are none. */
export function boundsOf(points: Iterable<Point3>): Bounds | null {
  const min: Point3 = [Infinity, Infinity, Infinity];
  const max: Point3 = [-Infinity, -Infinity, -Infinity];
  let any = false;
  for (const p of points) {
    any = true;
    for (let i = 0; i < 3; i++) {
      min[i] = Math.min(min[i] as number, p[i] as number);
      max[i] = Math.max(max[i] as number, p[i] as number);
    }
  }
  return any ? { min, max } : null;
}

/** Insets clamped to 0..0.8 each, and scaled down so each axis keeps 20 % of the canvas free. */
export function sanitiseInsets(insets: ViewInsets): ViewInsets {
  const c = (v: number) => (Number.isFinite(v) ? Math.min(MAX_COVER, Math.max(0, v)) : 0);
  let { left, right, top, bottom } = {
    left: c(insets.left),
    right: c(insets.right),
    top: c(insets.top),
    bottom: c(insets.bottom),
  };
  if (left + right > MAX_COVER) {
    const k = MAX_COVER / (left + right);
    left *= k;
    right *= k;
  }
  if (top + bottom > MAX_COVER) {
    const k = MAX_COVER / (top + bottom);
    top *= k;
    bottom *= k;
  }
  return { left, right, top, bottom };
}

/** The free area's centre in normalised device coordinates (x right, y up, -1..1). */
export function freeCentre(insets: ViewInsets): { x: number; y: number } {
  return { x: insets.left - insets.right, y: insets.bottom - insets.top };
}

export interface Lens {
  /** tan(vertical fov / 2) */
  tanV: number;
  /** width / height of the canvas */
  aspect: number;
}

/**
 * View-space shift (ArcRotateCamera.targetScreenOffset, scene units) that draws the target at
 * the centre of the free area when the camera is `radius` away from it.
 */
export function screenOffset(insets: ViewInsets, radius: number, lens: Lens): [number, number] {
  const c = freeCentre(insets);
  return [c.x * radius * lens.tanV * lens.aspect, c.y * radius * lens.tanV];
}

/** Unit vectors of an orbit camera at (alpha, beta): e (target -> eye), right and up on screen. */
export function orbitAxes(alpha: number, beta: number): { e: Point3; right: Point3; up: Point3 } {
  const e: Point3 = [
    Math.cos(alpha) * Math.sin(beta),
    Math.cos(beta),
    Math.sin(alpha) * Math.sin(beta),
  ];
  const z: Point3 = [-e[0], -e[1], -e[2]];
  // Left-handed look-at: right = up(0,1,0) x z, then up = z x right.
  const rl = Math.hypot(z[2], z[0]) || 1;
  const right: Point3 = [z[2] / rl, 0, -z[0] / rl];
  const up: Point3 = [
    z[1] * right[2] - z[2] * right[1],
    z[2] * right[0] - z[0] * right[2],
    z[0] * right[1] - z[1] * right[0],
  ];
  return { e, right, up };
}

/**
 * The smallest orbit radius at which every corner of `bounds`, orbiting its centre at
 * (alpha, beta), lies inside the free area of the view, times `margin` (1.08: 8 % air).
 */
export function fitRadius(
  bounds: Bounds,
  alpha: number,
  beta: number,
  lens: Lens,
  insets: ViewInsets,
  margin = 1.08,
): number {
  const { e, right, up } = orbitAxes(alpha, beta);
  const centre = centreOf(bounds);
  const tanX = lens.tanV * lens.aspect * Math.max(0.2, 1 - insets.left - insets.right);
  const tanY = lens.tanV * Math.max(0.2, 1 - insets.top - insets.bottom);
  let radius = 0;
  for (let i = 0; i < 8; i++) {
    const q: Point3 = [
      (i & 1 ? bounds.max[0] : bounds.min[0]) - centre[0],
      (i & 2 ? bounds.max[1] : bounds.min[1]) - centre[1],
      (i & 4 ? bounds.max[2] : bounds.min[2]) - centre[2],
    ];
    const toward = dot(q, e);
    radius = Math.max(
      radius,
      toward + Math.abs(dot(q, right)) / tanX,
      toward + Math.abs(dot(q, up)) / tanY,
    );
  }
  return radius * margin;
}

export function centreOf(bounds: Bounds): Point3 {
  return [
    (bounds.min[0] + bounds.max[0]) / 2,
    (bounds.min[1] + bounds.max[1]) / 2,
    (bounds.min[2] + bounds.max[2]) / 2,
  ];
}

/** Share of the network's extent a focused view spans across its narrower free side. */
export const FOCUS_SHARE = 0.2;
/** Never closer than this many node-sized assets, nor this many scene units. */
const FOCUS_MIN_SIZES = 12;
const FOCUS_MIN_RADIUS = 40;

/**
 * How far the camera stands from a focused asset: far enough that the narrower side of the free
 * area spans a share of the network (its neighbours and connected pipes stay in view, on a
 * portrait tablet too), never so close that the asset fills the screen; a long pipe is framed
 * whole (its size is its length).
 */
export function focusRadius(
  networkExtent: number,
  asset: { type: string; size: number },
  lens: Lens,
  insets: ViewInsets,
): number {
  const freeX = lens.aspect * Math.max(0.2, 1 - insets.left - insets.right);
  const freeY = Math.max(0.2, 1 - insets.top - insets.bottom);
  const span = (networkExtent * FOCUS_SHARE) / 2 / (lens.tanV * Math.min(freeX, freeY));
  const own = asset.type === 'pipe' ? asset.size * 1.3 : asset.size * FOCUS_MIN_SIZES;
  return Math.max(span, own, FOCUS_MIN_RADIUS);
}

function dot(a: Point3, b: Point3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
