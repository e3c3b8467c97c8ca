import { type NetworkLink, type NetworkNode } from './network-elements';

function squaredDistance(a: NetworkNode, b: NetworkNode): number {
  return (a.x - b.x) ** 2 + (a.y - b.y) ** 2;
}

/** Farthest-point sampling from the junction nearest the group's centroid; ties go to the lower index. */
function spreadOver(group: readonly NetworkNode[], count: number): NetworkNode[] {
  if (count <= 0) return [];
  if (group.length <= count) return [...group];
  const cx = group.reduce((sum, n) => sum + n.x, 0) / group.length;
  const cy = group.reduce((sum, n) => sum + n.y, 0) / group.length;
  let first = group[0] as NetworkNode;
  for (const node of group) {
    if ((node.x - cx) ** 2 + (node.y - cy) ** 2 < (first.x - cx) ** 2 + (first.y - cy) ** 2)
      first = node;
  }
  const chosen = [first];
  const nearest = group.map((node) => squaredDistance(node, first));
  while (chosen.length < count) {
    let best = 0;
    for (let i = 1; i < group.length; i += 1) {
      if ((nearest[i] ?? 0) > (nearest[best] ?? 0)) best = i;
    }
    const next = group[best] as NetworkNode;
    chosen.push(next);
    group.forEach((node, i) => {
      nearest[i] = Math.min(nearest[i] ?? Infinity, squaredDistance(node, next));
    });
  }
  return chosen;
}

/** Largest-remainder split of count over group sizes (Hamilton's method). */
function allocate(sizes: readonly number[], count: number): number[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total === 0 || count <= 0) return sizes.map(() => 0);
  const exact = sizes.map((size) => (size / total) * count);
  const shares = exact.map((e, i) => Math.min(sizes[i] ?? 0, Math.floor(e)));
  const order = exact
    .map((e, i) => ({ i, rest: e - Math.floor(e) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  let left = count - shares.reduce((a, b) => a + b, 0);
  for (const { i } of order) {
    if (left <= 0) break;
    if ((shares[i] ?? 0) < (sizes[i] ?? 0)) {
      shares[i] = (shares[i] ?? 0) + 1;
      left -= 1;
    }
  }
  return shares;
}

/**
 * Default pressure sensors: `count` junctions split over the districts (DMAs) in proportion to
 * their size, spread out inside each district by farthest-point sampling on the coordinates.
 * Junctions outside every district are used only when the network has no districts.
 */
export function defaultSensorJunctions(
  nodes: readonly NetworkNode[],
  count: number,
): NetworkNode[] {
  const junctions = nodes.filter((node) => node.kind === 'junction');
  const byDistrict = new Map<string, NetworkNode[]>();
  for (const node of junctions) {
    if (node.district === undefined) continue;
    byDistrict.set(node.district, [...(byDistrict.get(node.district) ?? []), node]);
  }
  const groups =
    byDistrict.size > 0
      ? [...byDistrict.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, g]) => g)
      : [junctions];
  const shares = allocate(
    groups.map((g) => g.length),
    count,
  );
  return groups
    .flatMap((group, i) => spreadOver(group, shares[i] ?? 0))
    .sort((a, b) => a.index - b.index);
}

/**
 * Default flow meters ("DMA inlet pipes"): every pipe attached to the downstream node of a pump
 * or a valve, i.e. the main leaving each pump station or valve towards the districts it feeds.
 */
export function defaultInletPipes(links: readonly NetworkLink[]): NetworkLink[] {
  const outlets = new Set(links.filter((link) => link.kind !== 'pipe').map((link) => link.toId));
  return links.filter(
    (link) => link.kind === 'pipe' && (outlets.has(link.fromId) || outlets.has(link.toId)),
  );
}
