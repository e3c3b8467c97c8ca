import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  fitRadius,
  focusRadius,
  freeCentre,
  orbitAxes,
  sanitiseInsets,
  NO_INSETS,
  type Bounds,
} from './framing';

const lens = { tanV: Math.tan(0.4), aspect: 16 / 9 };
const network: Bounds = { min: [-500, 0, -300], max: [500, 60, 300] };

/** NDC position of p for an orbit camera at (alpha, beta, radius) around `target`. */
function ndc(p: number[], target: number[], alpha: number, beta: number, radius: number) {
  const { e, right, up } = orbitAxes(alpha, beta);
  const q = [p[0]! - target[0]!, p[1]! - target[1]!, p[2]! - target[2]!];
  const dot = (a: number[], b: number[]) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
  const depth = radius - dot(q, e);
  return {
    x: dot(q, right) / (depth * lens.tanV * lens.aspect),
    y: dot(q, up) / (depth * lens.tanV),
  };
}

describe('fitRadius', () => {
  it('puts every corner of the network inside the view, with little wasted room', () => {
    const r = fitRadius(network, -Math.PI / 2, 0.8, lens, NO_INSETS, 1);
    let widest = 0;
    for (const x of [-500, 500])
      for (const y of [0, 60])
        for (const z of [-300, 300]) {
          const p = ndc([x, y, z], [0, 30, 0], -Math.PI / 2, 0.8, r);
          expect(Math.abs(p.x)).toBeLessThanOrEqual(1 + 1e-9);
          expect(Math.abs(p.y)).toBeLessThanOrEqual(1 + 1e-9);
          widest = Math.max(widest, Math.abs(p.x), Math.abs(p.y));
        }
    expect(widest).toBeCloseTo(1, 6);
  });

  it('stands further back when panels cover part of the canvas', () => {
    const open = fitRadius(network, -Math.PI / 2, 0.8, lens, NO_INSETS);
    const covered = fitRadius(network, -Math.PI / 2, 0.8, lens, {
      left: 0.2,
      right: 0.25,
      top: 0.05,
      bottom: 0,
    });
    expect(covered).toBeGreaterThan(open * 1.5);
  });

  it('fits any box at any tilt: corners stay within the free share of the view', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 2000, noNaN: true }),
        fc.double({ min: 1, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 300, noNaN: true }),
        fc.double({ min: 0.2, max: 1.4, noNaN: true }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        (w, d, h, beta, left) => {
          const box: Bounds = { min: [-w / 2, 0, -d / 2], max: [w / 2, h, d / 2] };
          const insets = { left, right: 0, top: 0, bottom: 0 };
          const r = fitRadius(box, -Math.PI / 2, beta, lens, insets, 1);
          for (let i = 0; i < 8; i++) {
            const p = [i & 1 ? w / 2 : -w / 2, i & 2 ? h : 0, i & 4 ? d / 2 : -d / 2];
            const at = ndc(p, [0, h / 2, 0], -Math.PI / 2, beta, r);
            expect(Math.abs(at.x)).toBeLessThanOrEqual(1 - left + 1e-6);
          }
        },
      ),
    );
  });
});

describe('insets', () => {
  it('clamps nonsense and keeps a fifth of each axis free', () => {
    expect(sanitiseInsets({ left: -1, right: Number.NaN, top: 2, bottom: 0 })).toEqual({
      left: 0,
      right: 0,
      top: 0.8,
      bottom: 0,
    });
    const s = sanitiseInsets({ left: 0.6, right: 0.6, top: 0, bottom: 0 });
    expect(s.left + s.right).toBeCloseTo(0.8, 9);
  });

  it('centres on the free area', () => {
    expect(freeCentre({ left: 0.2, right: 0.3, top: 0.1, bottom: 0 })).toEqual({
      x: 0.2 - 0.3,
      y: -0.1,
    });
  });
});

describe('focusRadius', () => {
  it('frames a pump with its surroundings: a fifth of the network across the view', () => {
    const r = focusRadius(1000, { type: 'pump', size: 2 }, lens, NO_INSETS);
    expect(2 * r * lens.tanV).toBeCloseTo(200, 6);
    expect(focusRadius(100, { type: 'junction', size: 0.5 }, lens, NO_INSETS)).toBe(40);
  });

  it('stands further back on a portrait screen and beside panels, so the span stays the same', () => {
    const wide = focusRadius(1000, { type: 'pump', size: 2 }, lens, NO_INSETS);
    const portrait = { tanV: lens.tanV, aspect: 0.75 };
    const tall = focusRadius(1000, { type: 'pump', size: 2 }, portrait, NO_INSETS);
    expect(2 * tall * portrait.tanV * portrait.aspect).toBeCloseTo(200, 6);
    const panels = { left: 0.25, right: 0.35, top: 0, bottom: 0 };
    expect(focusRadius(1000, { type: 'pump', size: 2 }, lens, panels)).toBeGreaterThan(wide);
  });

  it('frames a long pipe whole', () => {
    expect(focusRadius(1000, { type: 'pipe', size: 400 }, lens, NO_INSETS)).toBeCloseTo(520, 6);
  });
});

describe('boundsOf', () => {
  it('is null for no points and spans the points otherwise', () => {
    expect(boundsOf([])).toBeNull();
    expect(
      boundsOf([
        [1, 2, 3],
        [-1, 5, 0],
      ]),
    ).toEqual({ min: [-1, 2, 0], max: [1, 5, 3] });
  });
});
