import { type NetworkLink, type NetworkNode } from '@twinhelm/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNetwork } from '../engine/plain-run.fixture';
import { parseInp } from '../inp/parse-inp';
import { buildGraph, type NetworkGraph, otherEnd } from './network-graph';
import { SMALL_VALVES_INP } from './small-valves.fixture';
import { isolationSegment, pipeEndSegment, type Segment, valveSegment } from './valve-segments';

const graphOf = (inp: string): NetworkGraph => {
  const parsed = parseInp(inp);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '));
  return buildGraph(parsed.model);
};

/** Nodes reachable from the origin when the boundary and the file's closed pipes are shut. */
function reachableWithBoundaryClosed(graph: NetworkGraph, segment: Segment): Set<string> {
  const shut = new Set(segment.boundary);
  const start = graph.nodeIndex.get(segment.origin) ?? -1;
  const seen = new Set([start]);
  const stack = [start];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    for (const link of graph.incident[node] ?? []) {
      const l = graph.links[link];
      if (!l || shut.has(l.id) || l.initialStatus === 'closed') continue;
      const other = otherEnd(graph, link, node);
      if (!seen.has(other)) {
        seen.add(other);
        stack.push(other);
      }
    }
  }
  return new Set([...seen].map((i) => graph.nodes[i]?.id ?? ''));
}

describe('valve segments on a hand-written network with known valves', () => {
  const graph = graphOf(SMALL_VALVES_INP);

  it('bounds the segment around J3 by exactly the valves V1, V2 and V3', () => {
    expect(valveSegment(graph, 'J3')).toEqual({
      origin: 'J3',
      nodes: ['J2', 'J3', 'J4', 'J7'],
      boundary: ['V1', 'V2', 'V3'],
      sources: [],
      bounds: 'valves',
    });
    expect(isolationSegment(graph, 'J3').boundary).toEqual(['V1', 'V2', 'V3']);
  });

  it('falls back to the pipe ends when the valve segment holds a source', () => {
    const segment = valveSegment(graph, 'J1');
    expect(segment.sources).toEqual(['R1', 'T1']);
    expect(isolationSegment(graph, 'J1')).toEqual({
      origin: 'J1',
      nodes: ['J1'],
      boundary: ['P1', 'P7', 'V1', 'V3'],
      sources: [],
      bounds: 'pipe-ends',
    });
  });

  it('names an unknown node', () => {
    expect(() => valveSegment(graph, 'J99')).toThrow('valveSegment: unknown node J99');
  });
});

describe('valve segments on a network without valves (Net1)', () => {
  const graph = graphOf(readNetwork('Net1.inp'));

  it('takes each pipe end at the junction as a valve position', () => {
    const segment = isolationSegment(graph, '22');
    expect(segment.bounds).toBe('pipe-ends');
    expect(segment.nodes).toEqual(['22']);
    const around = (graph.incident[graph.nodeIndex.get('22') ?? -1] ?? [])
      .map((i) => graph.links[i]?.id ?? '')
      .sort();
    expect(segment.boundary).toEqual(around);
    expect(reachableWithBoundaryClosed(graph, segment)).toEqual(new Set(['22']));
  });
});

/** Random networks: a few node kinds, pipes (some closed), valves and pumps between random nodes. */
const networkArb = fc
  .record({
    kinds: fc.array(fc.constantFrom('junction', 'junction', 'junction', 'tank'), {
      minLength: 2,
      maxLength: 25,
    }),
    links: fc.array(
      fc.record({
        a: fc.nat(),
        b: fc.nat(),
        type: fc.constantFrom('pipe', 'pipe', 'pipe', 'valve', 'pump'),
        closed: fc.boolean(),
      }),
      { maxLength: 50 },
    ),
  })
  .map(({ kinds, links }) => {
    const nodes: NetworkNode[] = kinds.map((k, i) =>
      k === 'tank'
        ? {
            type: 'tank',
            id: `N${i}`,
            x: 0,
            y: 0,
            elevation: 0,
            initLevel: 1,
            minLevel: 0,
            maxLevel: 2,
            diameter: 5,
          }
        : { type: 'junction', id: `N${i}`, x: 0, y: 0, elevation: 0, baseDemand: 1 },
    );
    const out = links.flatMap((l, i): NetworkLink[] => {
      const from = `N${l.a % kinds.length}`;
      const to = `N${l.b % kinds.length}`;
      if (from === to) return [];
      const base = { id: `L${i}`, from, to, vertices: [] };
      if (l.type === 'valve') {
        return [{ ...base, type: 'valve', valveKind: 'TCV', diameter: 0.2, setting: 0 }];
      }
      if (l.type === 'pump') return [{ ...base, type: 'pump' }];
      return [
        {
          ...base,
          type: 'pipe',
          length: 100,
          diameter: 0.2,
          roughness: 100,
          ...(l.closed ? { initialStatus: 'closed' as const } : {}),
        },
      ];
    });
    return buildGraph({ nodes, links: out });
  });

const nodeOf = (graph: NetworkGraph, pick: number): string =>
  graph.nodes[pick % graph.nodes.length]?.id ?? '';

describe('valve segment properties', () => {
  it('contains its node, and closing its boundary cuts it off from every other node', () => {
    fc.assert(
      fc.property(networkArb, fc.nat(), (graph, pick) => {
        const origin = nodeOf(graph, pick);
        for (const segment of [
          valveSegment(graph, origin),
          pipeEndSegment(graph, origin),
          isolationSegment(graph, origin),
        ]) {
          expect(segment.nodes).toContain(origin);
          expect(reachableWithBoundaryClosed(graph, segment)).toEqual(new Set(segment.nodes));
        }
      }),
    );
  });

  it('closes only valves and pumps, each with one end inside', () => {
    fc.assert(
      fc.property(networkArb, fc.nat(), (graph, pick) => {
        const segment = valveSegment(graph, nodeOf(graph, pick));
        const inside = new Set(segment.nodes);
        for (const id of segment.boundary) {
          const link = graph.links[graph.linkIndex.get(id) ?? -1];
          expect(link?.type === 'valve' || link?.type === 'pump').toBe(true);
          expect(inside.has(link?.from ?? '') !== inside.has(link?.to ?? '')).toBe(true);
        }
      }),
    );
  });

  it('is the same segment from any node inside it', () => {
    fc.assert(
      fc.property(networkArb, fc.nat(), (graph, pick) => {
        const segment = valveSegment(graph, nodeOf(graph, pick));
        for (const node of segment.nodes) {
          const again = valveSegment(graph, node);
          expect([again.nodes, again.boundary]).toEqual([segment.nodes, segment.boundary]);
        }
      }),
    );
  });
});
