/**
 * Deterministic layout for networks without (complete) coordinates. Nodes with known positions
 * stay put; missing nodes connected to placed ones go near their placed neighbours; components
 * with no placed node get a layered start (breadth-first from `roots`) refined by a
 * force-directed pass with grid-hashed repulsion (components up to 3,000 nodes; larger ones keep
 * the layered layout, ordered by parent position).
 */
export interface LayoutInput {
  nodeCount: number;
  /** Pairs of node indices. */
  edges: readonly (readonly [number, number])[];
  /** Known positions; NaN where unknown. Filled in place. */
  x: Float64Array;
  y: Float64Array;
  /** Preferred breadth-first start nodes (sources), in order. */
  roots: readonly number[];
}

/** Components larger than this keep the layered layout (force refinement is quadratic-ish in density). */
const REFINE_LIMIT = 3000;

/** Distance between linked nodes in a computed layout, map units. */
export const LINK_SPACING = 100;

export function computeLayout(input: LayoutInput): void {
  const adjacency = buildAdjacency(input.nodeCount, input.edges);
  const known = (i: number): boolean =>
    !Number.isNaN(input.x[i] ?? NaN) && !Number.isNaN(input.y[i] ?? NaN);
  const components = findComponents(input.nodeCount, adjacency, input.roots);
  const spacing = knownSpacing(input, known) ?? LINK_SPACING;
  let right = -Infinity;
  let bottom = 0;
  for (let i = 0; i < input.nodeCount; i++) {
    if (!known(i)) continue;
    right = Math.max(right, input.x[i] ?? 0);
    bottom = Math.min(bottom, input.y[i] ?? 0);
  }
  if (right === -Infinity) right = -spacing * 2;
  const unplacedComponents: number[][] = [];
  for (const component of components) {
    if (component.some(known)) placeNearNeighbours(component, adjacency, input, known, spacing);
    else unplacedComponents.push(component);
  }
  for (const component of unplacedComponents) {
    const box = layoutComponent(component, adjacency, input, spacing);
    const dx = right + spacing * 2 - box.minX;
    const dy = bottom - box.minY;
    for (const i of component) {
      input.x[i] = (input.x[i] ?? 0) + dx;
      input.y[i] = (input.y[i] ?? 0) + dy;
    }
    right += spacing * 2 + (box.maxX - box.minX);
  }
}

function buildAdjacency(n: number, edges: LayoutInput['edges']): number[][] {
  const adjacency: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) {
    if (a === b) continue;
    adjacency[a]?.push(b);
    adjacency[b]?.push(a);
  }
  return adjacency;
}

/** Connected components in breadth-first order, each starting at its first root. */
function findComponents(n: number, adjacency: number[][], roots: readonly number[]): number[][] {
  const seen = new Uint8Array(n);
  const components: number[][] = [];
  const starts = [...roots, ...Array.from({ length: n }, (_, i) => i)];
  for (const start of starts) {
    if (seen[start]) continue;
    seen[start] = 1;
    const order = [start];
    for (let head = 0; head < order.length; head++) {
      for (const next of adjacency[order[head] ?? 0] ?? []) {
        if (seen[next]) continue;
        seen[next] = 1;
        order.push(next);
      }
    }
    components.push(order);
  }
  return components;
}

/** Median length of edges whose both ends are known, or undefined. */
function knownSpacing(input: LayoutInput, known: (i: number) => boolean): number | undefined {
  const lengths: number[] = [];
  for (const [a, b] of input.edges) {
    if (!known(a) || !known(b)) continue;
    const d = Math.hypot(
      (input.x[a] ?? 0) - (input.x[b] ?? 0),
      (input.y[a] ?? 0) - (input.y[b] ?? 0),
    );
    if (d > 0) lengths.push(d);
  }
  if (lengths.length === 0) return undefined;
  lengths.sort((p, q) => p - q);
  return lengths[Math.floor(lengths.length / 2)];
}

/** Golden-angle direction per node index: deterministic, well spread. */
function offsetAngle(i: number): number {
  return (i * 2.399963229728653) % (2 * Math.PI);
}

function placeNearNeighbours(
  component: number[],
  adjacency: number[][],
  input: LayoutInput,
  known: (i: number) => boolean,
  spacing: number,
): void {
  const placed = new Set(component.filter(known));
  const frontier = [...placed];
  for (let head = 0; head < frontier.length; head++) {
    for (const next of adjacency[frontier[head] ?? 0] ?? []) {
      if (placed.has(next)) continue;
      let sx = 0;
      let sy = 0;
      let count = 0;
      for (const neighbour of adjacency[next] ?? []) {
        if (!placed.has(neighbour)) continue;
        sx += input.x[neighbour] ?? 0;
        sy += input.y[neighbour] ?? 0;
        count++;
      }
      const angle = offsetAngle(next);
      input.x[next] = sx / count + Math.cos(angle) * spacing * 0.5;
      input.y[next] = sy / count + Math.sin(angle) * spacing * 0.5;
      placed.add(next);
      frontier.push(next);
    }
  }
}

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function layoutComponent(
  component: number[],
  adjacency: number[][],
  input: LayoutInput,
  spacing: number,
): Box {
  const depth = new Map<number, number>([[component[0] ?? 0, 0]]);
  const layers: number[][] = [];
  for (const i of component) {
    const d = depth.get(i) ?? 0;
    for (const next of adjacency[i] ?? []) if (!depth.has(next)) depth.set(next, d + 1);
    (layers[d] ??= []).push(i);
  }
  layers.forEach((layer, d) => {
    const key = new Map<number, number>();
    for (const i of layer) {
      let sum = 0;
      let count = 0;
      for (const j of adjacency[i] ?? []) {
        if (depth.get(j) !== d - 1) continue;
        sum += input.y[j] ?? 0;
        count++;
      }
      key.set(i, count === 0 ? 0 : sum / count);
    }
    const sorted =
      d === 0 ? layer : [...layer].sort((a, b) => (key.get(a) ?? 0) - (key.get(b) ?? 0) || a - b);
    sorted.forEach((i, slot) => {
      input.x[i] = d * spacing;
      input.y[i] = (slot - (sorted.length - 1) / 2) * spacing;
    });
  });
  if (component.length <= REFINE_LIMIT) refine(component, adjacency, input, spacing);
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const i of component) {
    box.minX = Math.min(box.minX, input.x[i] ?? 0);
    box.maxX = Math.max(box.maxX, input.x[i] ?? 0);
    box.minY = Math.min(box.minY, input.y[i] ?? 0);
    box.maxY = Math.max(box.maxY, input.y[i] ?? 0);
  }
  return box;
}

/** Force-directed refinement: springs on links, repulsion between nodes in nearby grid cells. */
function refine(
  component: number[],
  adjacency: number[][],
  input: LayoutInput,
  spacing: number,
): void {
  if (component.length < 3) return;
  const iterations = 60;
  const cell = spacing * 1.5;
  const dx = new Float64Array(input.nodeCount);
  const dy = new Float64Array(input.nodeCount);
  const cellKey = (gx: number, gy: number): number => gx * 4194304 + gy;
  let temperature = spacing * 2;
  for (let it = 0; it < iterations; it++) {
    const grid = new Map<number, number[]>();
    for (const i of component) {
      const key = cellKey(
        Math.floor((input.x[i] ?? 0) / cell),
        Math.floor((input.y[i] ?? 0) / cell),
      );
      const bucket = grid.get(key);
      if (bucket) bucket.push(i);
      else grid.set(key, [i]);
    }
    for (const i of component) {
      const xi = input.x[i] ?? 0;
      const yi = input.y[i] ?? 0;
      const cx = Math.floor(xi / cell);
      const cy = Math.floor(yi / cell);
      let fx = 0;
      let fy = 0;
      for (let gx = cx - 1; gx <= cx + 1; gx++) {
        for (let gy = cy - 1; gy <= cy + 1; gy++) {
          for (const j of grid.get(cellKey(gx, gy)) ?? []) {
            if (j === i) continue;
            let ddx = xi - (input.x[j] ?? 0);
            let ddy = yi - (input.y[j] ?? 0);
            let d2 = ddx * ddx + ddy * ddy;
            if (d2 === 0) {
              ddx = Math.cos(offsetAngle(i));
              ddy = Math.sin(offsetAngle(i));
              d2 = 1;
            }
            if (d2 > cell * cell) continue;
            const f = (spacing * spacing) / d2;
            fx += ddx * f;
            fy += ddy * f;
          }
        }
      }
      for (const j of adjacency[i] ?? []) {
        const ddx = (input.x[j] ?? 0) - xi;
        const ddy = (input.y[j] ?? 0) - yi;
        const d = Math.hypot(ddx, ddy) || 1;
        const f = d / spacing;
        fx += ddx * f;
        fy += ddy * f;
      }
      dx[i] = fx;
      dy[i] = fy;
    }
    for (const i of component) {
      const fx = dx[i] ?? 0;
      const fy = dy[i] ?? 0;
      const len = Math.hypot(fx, fy);
      if (len === 0) continue;
      const step = Math.min(len, temperature) / len;
      input.x[i] = (input.x[i] ?? 0) + fx * step;
      input.y[i] = (input.y[i] ?? 0) + fy * step;
    }
    temperature *= 0.93;
  }
}
