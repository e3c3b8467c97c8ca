import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NetworkNode } from './network-elements';
import { defaultSensorJunctions } from './select-sensors';

const node = (index: number, x: number, y: number, district?: string): NetworkNode => ({
  index,
  id: `J${index}`,
  kind: 'junction',
  x,
  y,
  elevationM: 0,
  ...(district === undefined ? {} : { district }),
});

describe('defaultSensorJunctions', () => {
  it('splits the count over districts in proportion and spreads them out', () => {
    const nodes = [
      ...Array.from({ length: 30 }, (_, i) => node(i + 1, i, 0, 'A')),
      ...Array.from({ length: 10 }, (_, i) => node(i + 31, i, 100, 'B')),
    ];
    const chosen = defaultSensorJunctions(nodes, 4);
    expect(chosen.filter((n) => n.district === 'A')).toHaveLength(3);
    expect(chosen.filter((n) => n.district === 'B')).toHaveLength(1);
    expect(chosen.map((n) => n.x).filter((_, i) => chosen[i]?.district === 'A')).toEqual(
      expect.arrayContaining([0, 29]),
    );
  });

  it('returns distinct junctions, never more than asked or available (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 100 }),
            fc.integer({ min: 0, max: 100 }),
            fc.constantFrom('A', 'B', 'C', undefined),
          ),
          { maxLength: 60 },
        ),
        fc.integer({ min: 0, max: 40 }),
        (points, count) => {
          const nodes = points.map(([x, y, d], i) => node(i + 1, x, y, d));
          const chosen = defaultSensorJunctions(nodes, count);
          expect(new Set(chosen.map((n) => n.id)).size).toBe(chosen.length);
          expect(chosen.length).toBeLessThanOrEqual(count);
          expect(chosen.length).toBeLessThanOrEqual(nodes.length);
          expect(defaultSensorJunctions(nodes, count)).toEqual(chosen);
        },
      ),
    );
  });
});
