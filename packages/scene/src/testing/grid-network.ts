import type { NetworkLink, NetworkModel, NetworkNode, ValveKind } from '@twinhelm/contracts';

export interface GridOptions {
  columns: number;
  rows: number;
  /** Links to keep (a spanning tree is always kept, extra loop links fill up to this). */
  links?: number;
  tanks?: number;
  reservoirs?: number;
  pumps?: number;
  valves?: number;
  /** Map units between neighbouring nodes. */
  spacing?: number;
  /** Interior [VERTICES] per pipe (every third pipe bends). */
  vertices?: number;
  seed?: number;
}

/** Small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALVE_KINDS: ValveKind[] = ['PRV', 'FCV', 'TCV', 'PSV', 'GPV'];

/**
 * A synthetic network (test fixture): a grid of nodes on gentle terrain, a spanning tree of
 * pipes plus loop pipes up to `links`; some nodes become tanks/reservoirs, some links pumps
 * and valves. Ids: J<n>, T<n>, R<n>, P<n>, PU<n>, V<n>.
 */
export function gridNetwork(options: GridOptions): NetworkModel {
  const { columns, rows, spacing = 100, seed = 7 } = options;
  const rand = random(seed);
  const nodeCount = columns * rows;
  const ids: string[] = [];
  const nodes: NetworkNode[] = [];
  const tankEvery = options.tanks ? Math.floor(nodeCount / options.tanks) : 0;
  const reservoirs = options.reservoirs ?? 0;
  let tanks = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const n = r * columns + c;
      const x = c * spacing;
      const y = r * spacing;
      const elevation = 20 + 30 * Math.sin(c / 7) * Math.cos(r / 9) + rand() * 5;
      if (n < reservoirs) {
        ids.push(`R${n + 1}`);
        nodes.push({ type: 'reservoir', id: `R${n + 1}`, x, y, elevation: elevation + 40 });
      } else if (tankEvery > 0 && n % tankEvery === tankEvery - 1 && tanks < (options.tanks ?? 0)) {
        tanks++;
        ids.push(`T${tanks}`);
        nodes.push({
          type: 'tank',
          id: `T${tanks}`,
          x,
          y,
          elevation: elevation + 30,
          initLevel: 3,
          minLevel: 0.5,
          maxLevel: 6,
          diameter: 15,
        });
      } else {
        ids.push(`J${n + 1}`);
        nodes.push({ type: 'junction', id: `J${n + 1}`, x, y, elevation, baseDemand: rand() * 2 });
      }
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c + 1 < columns; c++) pairs.push([r * columns + c, r * columns + c + 1]);
  for (let r = 0; r + 1 < rows; r++) pairs.push([r * columns, (r + 1) * columns]);
  const loops: Array<[number, number]> = [];
  for (let r = 0; r + 1 < rows; r++)
    for (let c = 1; c < columns; c++) loops.push([r * columns + c, (r + 1) * columns + c]);
  const budget = options.links ?? pairs.length + loops.length;
  const step = loops.length / Math.max(1, budget - pairs.length);
  for (let k = 0; pairs.length < budget && k < loops.length; k++) {
    const pick = loops[Math.floor(k * step)];
    if (pick) pairs.push(pick);
  }
  const pumpEvery = options.pumps ? Math.floor(pairs.length / options.pumps) : 0;
  const valveEvery = options.valves ? Math.floor(pairs.length / options.valves) : 0;
  let pumps = 0;
  let valves = 0;
  const links: NetworkLink[] = pairs.map(([a, b], i) => {
    const base = {
      from: ids[a] as string,
      to: ids[b] as string,
      vertices: [] as Array<[number, number]>,
    };
    if (pumpEvery > 0 && i % pumpEvery === 1 && pumps < (options.pumps ?? 0)) {
      pumps++;
      return { ...base, type: 'pump', id: `PU${pumps}` };
    }
    if (valveEvery > 0 && i % valveEvery === 2 && valves < (options.valves ?? 0)) {
      const valveKind = VALVE_KINDS[valves % VALVE_KINDS.length] as ValveKind;
      valves++;
      return { ...base, type: 'valve', id: `V${valves}`, valveKind, diameter: 0.2, setting: 30 };
    }
    const na = nodes[a] as NetworkNode;
    const nb = nodes[b] as NetworkNode;
    const bends = i % 3 === 0 ? (options.vertices ?? 0) : 0;
    for (let v = 1; v <= bends; v++) {
      const t = v / (bends + 1);
      base.vertices.push([
        na.x + (nb.x - na.x) * t + spacing * 0.1,
        na.y + (nb.y - na.y) * t + spacing * 0.1,
      ]);
    }
    return {
      ...base,
      type: 'pipe',
      id: `P${i + 1}`,
      length: spacing,
      diameter: 0.1 + rand() * 0.5,
      roughness: 100,
    };
  });
  return {
    title: `grid ${columns}x${rows}`,
    hash: `grid-${columns}-${rows}-${links.length}-${seed}`,
    sourceUnits: 'LPS',
    layout: 'file',
    nodes,
    links,
    times: { duration: 86400, hydraulicStep: 3600, reportStep: 3600 },
  };
}

/** About C-Town's size: 396 nodes (7 tanks, 1 reservoir), 444 links (11 pumps, 5 valves). */
export function ctownSizedNetwork(): NetworkModel {
  return gridNetwork({
    columns: 22,
    rows: 18,
    links: 444,
    tanks: 7,
    reservoirs: 1,
    pumps: 11,
    valves: 5,
    vertices: 2,
  });
}

/** About 15,000 elements: 5,041 nodes and 9,940 links. */
export function largeNetwork(): NetworkModel {
  return gridNetwork({
    columns: 71,
    rows: 71,
    tanks: 40,
    reservoirs: 4,
    pumps: 60,
    valves: 80,
    spacing: 60,
  });
}
