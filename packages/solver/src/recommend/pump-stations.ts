import { hopDistances, type NetworkGraph } from './network-graph';

/** Pumps whose suction nodes and discharge nodes both lie this many pipes apart or less share a station. */
export const STATION_HOPS = 2;

/**
 * Groups pumps into stations from the topology alone: two pumps share a station when their
 * suction nodes are within STATION_HOPS pipes of each other and so are their discharge nodes
 * (parallel pumps between the same headers). Returns each pump's station, members sorted by id.
 */
export function pumpStations(graph: NetworkGraph): Map<string, string[]> {
  const pumps = graph.links.flatMap((l, i) => (l.type === 'pump' ? [i] : []));
  const near = (node: number): number[] =>
    hopDistances(graph, [node], (l) => l.type === 'pipe', STATION_HOPS);
  const suction = pumps.map((p) => near(graph.ends[p]?.[0] ?? 0));
  const discharge = pumps.map((p) => near(graph.ends[p]?.[1] ?? 0));
  const parent = pumps.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    return r;
  };
  pumps.forEach((_, i) => {
    pumps.forEach((b, j) => {
      if (j <= i) return;
      const [bFrom, bTo] = graph.ends[b] ?? [0, 0];
      if (
        (suction[i]?.[bFrom] ?? Infinity) <= STATION_HOPS &&
        (discharge[i]?.[bTo] ?? Infinity) <= STATION_HOPS
      ) {
        parent[root(j)] = root(i);
      }
    });
  });
  const groups = new Map<number, string[]>();
  pumps.forEach((p, i) => {
    const r = root(i);
    const members = groups.get(r) ?? [];
    members.push(graph.links[p]?.id ?? '');
    groups.set(r, members);
  });
  const stations = new Map<string, string[]>();
  for (const members of groups.values()) {
    const sorted = [...members].sort();
    for (const id of sorted) stations.set(id, sorted);
  }
  return stations;
}
