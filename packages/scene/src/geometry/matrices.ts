import type { Point3 } from '../layout/layout';

/**
 * Instance matrices written straight into Float32Arrays (Babylon's row-vector layout: rows are
 * the local x, y, z axes, then the translation), so builders and live updates allocate nothing.
 */

/** Uniform scale + translation. */
export function writeScaledAt(out: Float32Array, offset: number, p: Point3, scale: number): void {
  writeScaleRotateY(out, offset, p, scale, scale, 0);
}

/** Scale (horizontal, vertical), then rotation about the vertical axis, then translation. */
export function writeScaleRotateY(
  out: Float32Array,
  offset: number,
  p: Point3,
  horizontal: number,
  vertical: number,
  angle: number,
): void {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  writeRows(
    out,
    offset,
    c * horizontal,
    0,
    -s * horizontal,
    0,
    vertical,
    0,
    s * horizontal,
    0,
    c * horizontal,
    p,
  );
}

/**
 * A unit shape whose local +y runs from -0.5 to 0.5 (cylinder, cone), stretched from a to b
 * with the given width across. `reverse` flips the local +y to point from b to a.
 */
export function writeAlong(
  out: Float32Array,
  offset: number,
  a: Point3,
  b: Point3,
  width: number,
  length: number | null,
  reverse = false,
): void {
  let dx = b[0] - a[0];
  let dy = b[1] - a[1];
  let dz = b[2] - a[2];
  const len = Math.hypot(dx, dy, dz);
  if (len < 1e-9) {
    dx = 0;
    dy = 1;
    dz = 0;
  } else {
    dx /= len;
    dy /= len;
    dz /= len;
  }
  if (reverse) {
    dx = -dx;
    dy = -dy;
    dz = -dz;
  }
  // a perpendicular axis: cross(d, up) unless d is vertical, then the x axis
  let px = -dz;
  const py = 0;
  let pz = dx;
  const pl = Math.hypot(px, pz);
  if (pl < 1e-6) {
    px = 1;
    pz = 0;
  } else {
    px /= pl;
    pz /= pl;
  }
  // third axis q = p x d keeps the basis right-handed like (x, y, z)
  const qx = py * dz - pz * dy;
  const qy = pz * dx - px * dz;
  const qz = px * dy - py * dx;
  const l = length ?? len;
  mid[0] = (a[0] + b[0]) / 2;
  mid[1] = (a[1] + b[1]) / 2;
  mid[2] = (a[2] + b[2]) / 2;
  writeRows(
    out,
    offset,
    px * width,
    py * width,
    pz * width,
    dx * l,
    dy * l,
    dz * l,
    qx * width,
    qy * width,
    qz * width,
    mid,
  );
}

const mid: Point3 = [0, 0, 0];

/** Write the three axis rows and the translation without allocating. */
function writeRows(
  out: Float32Array,
  o: number,
  xx: number,
  xy: number,
  xz: number,
  yx: number,
  yy: number,
  yz: number,
  zx: number,
  zy: number,
  zz: number,
  t: Point3,
): void {
  out[o] = xx;
  out[o + 1] = xy;
  out[o + 2] = xz;
  out[o + 3] = 0;
  out[o + 4] = yx;
  out[o + 5] = yy;
  out[o + 6] = yz;
  out[o + 7] = 0;
  out[o + 8] = zx;
  out[o + 9] = zy;
  out[o + 10] = zz;
  out[o + 11] = 0;
  out[o + 12] = t[0];
  out[o + 13] = t[1];
  out[o + 14] = t[2];
  out[o + 15] = 1;
}
