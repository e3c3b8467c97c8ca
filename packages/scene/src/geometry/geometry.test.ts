import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeLayout, project, SCENE_SPAN, type Point3 } from '../layout/layout';
import { gridNetwork } from '../testing/grid-network';
import { arrowDirectionOf, flowDirection, writeArrow } from './flow-arrows';
import { writeAlong } from './matrices';
import { createTileGrid, INSTANCES_PER_TILE } from './tiles';

describe('tiles', () => {
  it('always returns an index inside the grid, even for points outside the extent', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.nat(100_000),
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        fc.double({ min: -1e5, max: 1e5, noNaN: true }),
        (w, d, n, x, z) => {
          const grid = createTileGrid(w, d, n);
          const t = grid.tileOf(x, z);
          return Number.isInteger(t) && t >= 0 && t < grid.columns * grid.rows;
        },
      ),
    );
  });

  it('keeps a small network in one tile and cuts a large one into about count / INSTANCES_PER_TILE', () => {
    expect(createTileGrid(1000, 800, 840).columns * createTileGrid(1000, 800, 840).rows).toBe(1);
    const big = createTileGrid(1000, 1000, 15_000);
    expect(big.columns * big.rows).toBeGreaterThanOrEqual(Math.ceil(15_000 / INSTANCES_PER_TILE));
  });
});

describe('layout', () => {
  it('centres the network and scales its larger extent to SCENE_SPAN', () => {
    const network = gridNetwork({ columns: 11, rows: 6, spacing: 40 });
    const layout = computeLayout(network, 3);
    expect(layout.width).toBeCloseTo(SCENE_SPAN);
    const p = project(layout, 200, 100, layout.minElevation, [0, 0, 0]);
    expect(p).toEqual([expect.closeTo(0), 0, expect.closeTo(0)]);
  });

  it('scales elevation with the exaggeration', () => {
    const network = gridNetwork({ columns: 5, rows: 5 });
    expect(computeLayout(network, 6).verticalScale).toBeCloseTo(
      computeLayout(network, 3).verticalScale * 2,
    );
  });

  it('survives a network with no usable nodes', () => {
    const layout = computeLayout({ ...gridNetwork({ columns: 1, rows: 1 }), nodes: [] }, 3);
    expect(Number.isFinite(layout.horizontalScale) && Number.isFinite(layout.verticalScale)).toBe(
      true,
    );
  });
});

describe('matrices and arrows', () => {
  const det = (m: Float32Array) =>
    m[0]! * (m[5]! * m[10]! - m[6]! * m[9]!) -
    m[1]! * (m[4]! * m[10]! - m[6]! * m[8]!) +
    m[2]! * (m[4]! * m[9]! - m[5]! * m[8]!);

  it('stretches a unit shape from a to b without mirroring it', () => {
    const point = fc.tuple(
      fc.double({ min: -100, max: 100, noNaN: true }),
      fc.double({ min: -100, max: 100, noNaN: true }),
      fc.double({ min: -100, max: 100, noNaN: true }),
    );
    fc.assert(
      fc.property(point, point, (a, b) => {
        const m = new Float32Array(16);
        writeAlong(m, 0, a, b, 2, null);
        const len = Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]);
        expect(m[12]).toBeCloseTo((a[0] + b[0]) / 2, 3);
        if (len < 1e-3) return;
        expect(Math.hypot(m[4]!, m[5]!, m[6]!)).toBeCloseTo(len, 2);
        expect(det(m)).toBeGreaterThan(0);
      }),
    );
  });

  it('maps flow sign to arrow direction, NaN and tiny flows to none', () => {
    expect([
      flowDirection(5),
      flowDirection(-5),
      flowDirection(0.001),
      flowDirection(Number.NaN),
    ]).toEqual([1, -1, 0, 0]);
    const arrow = { a: [0, 0, 0] as Point3, b: [10, 0, 0] as Point3, width: 1, length: 2 };
    const m = new Float32Array(16);
    for (const d of [1, -1, 0] as const) {
      writeArrow(m, 0, arrow, d);
      expect(arrowDirectionOf(m, 0, arrow)).toBe(d);
    }
  });
});
