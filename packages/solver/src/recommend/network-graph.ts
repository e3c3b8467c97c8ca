import { type NetworkLink, type NetworkNode } from '@twinhelm/contracts';

/** A network as an undirected multigraph: nodes and links by index, links incident to each node. */
export interface NetworkGraph {
  nodes: readonly NetworkNode[];
  links: readonly NetworkLink[];
  nodeIndex: ReadonlyMap<string, number>;
  linkIndex: ReadonlyMap<string, number>;
  /** Indices of the links touching each node, in file order. */
  incident: readonly (readonly number[])[];
  /** Each link's end nodes as node indices. */
  ends: readonly (readonly [number, number])[];
}

export function buildGraph(network: {
  nodes: readonly NetworkNode[];
  links: readonly NetworkLink[];
}): NetworkGraph {
  const nodeIndex = new Map(network.nodes.map((n, i) => [n.id, i]));
  const linkIndex = new Map(network.links.map((l, i) => [l.id, i]));
  const incident: number[][] = network.nodes.map(() => []);
  const ends = network.links.map((link, i) => {
    const from = nodeIndex.get(link.from);
    const to = nodeIndex.get(link.to);
    if (from === undefined || to === undefined) {
      throw new Error(
        `link ${link.id} joins unknown node ${from === undefined ? link.from : link.to}`,
      );
    }
    incident[from]?.push(i);
    incident[to]?.push(i);
    return [from, to] as const;
  });
  return { nodes: network.nodes, links: network.links, nodeIndex, linkIndex, incident, ends };
}

/** The node at the other end of a link from `node`. */
export function otherEnd(graph: NetworkGraph, link: number, node: number): number {
  const [a, b] = graph.ends[link] ?? [node, node];
  return a === node ? b : a;
}

/**
 * Breadth-first hop counts from the source nodes over the links `canCross` allows (all by
 * default), up to `maxHops`. Unreached nodes are Infinity.
 */
export function hopDistances(
  graph: NetworkGraph,
  sources: Iterable<number>,
  canCross: (link: NetworkLink) => boolean = () => true,
  maxHops = Infinity,
): number[] {
  const distance = graph.nodes.map(() => Infinity);
  let frontier: number[] = [];
  for (const s of sources) {
    if (distance[s] === 0) continue;
    distance[s] = 0;
    frontier.push(s);
  }
  for (let hops = 1; frontier.length > 0 && hops <= maxHops; hops++) {
    const next: number[] = [];
    for (const node of frontier) {
      for (const link of graph.incident[node] ?? []) {
        const l = graph.links[link];
        if (!l || !canCross(l)) continue;
        const other = otherEnd(graph, link, node);
        if ((distance[other] ?? 0) <= hops) continue;
        distance[other] = hops;
        next.push(other);
      }
    }
    frontier = next;
  }
  return distance;
}

/** A link's distance: the nearer of its two ends. */
export function linkDistance(
  graph: NetworkGraph,
  distances: readonly number[],
  link: number,
): number {
  const [a, b] = graph.ends[link] ?? [-1, -1];
  return Math.min(distances[a] ?? Infinity, distances[b] ?? Infinity);
}
