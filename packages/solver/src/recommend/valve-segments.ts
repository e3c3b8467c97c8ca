import { type NetworkLink } from '@twinhelm/contracts';
import { type NetworkGraph, otherEnd } from './network-graph';

/** A part of the network that closing its boundary links cuts off from everything else. */
export interface Segment {
  /** The node it was found from. */
  origin: string;
  /** Nodes inside, sorted. Always contains the origin. */
  nodes: string[];
  /** Links to close to isolate it (valves and pumps; pipes for `pipe-ends`), sorted. */
  boundary: string[];
  /** Tanks and reservoirs inside (a segment with a source keeps feeding a burst). */
  sources: string[];
  /** `valves`: bounded by the model's valves and pumps; `pipe-ends`: each pipe end taken as a valve. */
  bounds: 'valves' | 'pipe-ends';
}

/** A pipe that carries flow unless something closes it: the segment search crosses it. */
const crossable = (l: NetworkLink): boolean => l.type === 'pipe' && l.initialStatus !== 'closed';
/** Pipes closed in the file already separate; they need no closing. */
const alreadyClosed = (l: NetworkLink): boolean =>
  l.type === 'pipe' && l.initialStatus === 'closed';

const sourceIds = (graph: NetworkGraph, nodes: Iterable<number>): string[] =>
  [...nodes]
    .map((i) => graph.nodes[i])
    .flatMap((n) => (n && n.type !== 'junction' ? [n.id] : []))
    .sort();

const ids = (items: Iterable<{ id: string } | undefined>): string[] =>
  [...items].flatMap((x) => (x ? [x.id] : [])).sort();

/**
 * The valve segment around a node: every node reachable through open pipes without passing a
 * valve or a pump. Its boundary is the valves and pumps with one end inside; closing them
 * (pipes already closed in the file count as closed) separates the segment from the rest.
 */
export function valveSegment(graph: NetworkGraph, nodeId: string): Segment {
  const start = graph.nodeIndex.get(nodeId);
  if (start === undefined) throw new Error(`valveSegment: unknown node ${nodeId}`);
  const inside = new Set<number>([start]);
  const boundary = new Set<number>();
  const stack = [start];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    for (const link of graph.incident[node] ?? []) {
      const l = graph.links[link];
      if (!l || alreadyClosed(l)) continue;
      if (!crossable(l)) {
        boundary.add(link);
        continue;
      }
      const other = otherEnd(graph, link, node);
      if (inside.has(other)) continue;
      inside.add(other);
      stack.push(other);
    }
  }
  // A valve or pump with both ends inside bypasses nothing: closing it is not needed.
  const cut = [...boundary].filter((link) => {
    const [a, b] = graph.ends[link] ?? [start, start];
    return !(inside.has(a) && inside.has(b));
  });
  return {
    origin: nodeId,
    nodes: ids([...inside].map((i) => graph.nodes[i])),
    boundary: ids(cut.map((i) => graph.links[i])),
    sources: sourceIds(graph, inside),
    bounds: 'valves',
  };
}

/** The node alone, each pipe end at it taken as a valve position: close every open link at it. */
export function pipeEndSegment(graph: NetworkGraph, nodeId: string): Segment {
  const node = graph.nodeIndex.get(nodeId);
  if (node === undefined) throw new Error(`pipeEndSegment: unknown node ${nodeId}`);
  const links = (graph.incident[node] ?? [])
    .map((i) => graph.links[i])
    .filter((l) => l !== undefined && !alreadyClosed(l));
  return {
    origin: nodeId,
    nodes: [nodeId],
    boundary: ids(new Set(links)),
    sources: sourceIds(graph, [node]),
    bounds: 'pipe-ends',
  };
}

/** The most of the network's junctions one isolation may cut off before it counts as no isolation at all. */
export const MAX_SEGMENT_SHARE = 0.25;
/** Segments up to this many nodes are always small enough, whatever the network's size. */
export const SMALL_SEGMENT_NODES = 10;

/**
 * The segment that isolating a burst at `nodeId` closes: its valve segment when valves bound
 * it, no tank or reservoir lies inside, and it holds at most MAX_SEGMENT_SHARE of the
 * junctions (or SMALL_SEGMENT_NODES nodes); otherwise the pipe ends around the node (an assumption the caller states).
 */
export function isolationSegment(graph: NetworkGraph, nodeId: string): Segment {
  const segment = valveSegment(graph, nodeId);
  const junctions = graph.nodes.filter((n) => n.type === 'junction').length;
  const usable =
    segment.boundary.length > 0 &&
    segment.sources.length === 0 &&
    segment.nodes.length <= Math.max(SMALL_SEGMENT_NODES, MAX_SEGMENT_SHARE * junctions);
  return usable ? segment : pipeEndSegment(graph, nodeId);
}
