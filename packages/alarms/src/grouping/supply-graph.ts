/** The network as grouping needs it; a contracts NetworkModel fits as is. */
export interface AlarmGraph {
  nodes: readonly { id: string; type: 'junction' | 'reservoir' | 'tank' }[];
  links: readonly {
    id: string;
    type: 'pipe' | 'pump' | 'valve';
    from: string;
    to: string;
    initialStatus?: 'open' | 'closed' | 'cv';
  }[];
}

interface Edge {
  link: number;
  to: number;
}

/**
 * Indexed adjacency for supply traces. Water may travel a pipe or valve either way, a pump or
 * a check-valve pipe only from → to. Links can be taken out per trace (closed, tripped, burst).
 */
export class SupplyGraph {
  readonly nodeIndex = new Map<string, number>();
  readonly linkIndex = new Map<string, number>();
  readonly nodeIds: string[];
  readonly sources: number[];
  private readonly out: Edge[][];
  private readonly both: Edge[][];

  constructor(readonly graph: AlarmGraph) {
    this.nodeIds = graph.nodes.map((node) => node.id);
    graph.nodes.forEach((node, i) => this.nodeIndex.set(node.id, i));
    this.out = graph.nodes.map(() => []);
    this.both = graph.nodes.map(() => []);
    graph.links.forEach((link, i) => {
      this.linkIndex.set(link.id, i);
      const a = this.nodeIndex.get(link.from);
      const b = this.nodeIndex.get(link.to);
      if (a === undefined || b === undefined)
        throw new Error(
          `link ${link.id} joins ${a === undefined ? link.from : link.to}, which is not a node of the graph`,
        );
      this.out[a]!.push({ link: i, to: b });
      this.both[a]!.push({ link: i, to: b });
      this.both[b]!.push({ link: i, to: a });
      const oneWay = link.type === 'pump' || link.initialStatus === 'cv';
      if (!oneWay) this.out[b]!.push({ link: i, to: a });
    });
    const reservoirs = graph.nodes.flatMap((node, i) => (node.type === 'reservoir' ? [i] : []));
    // A network without reservoirs is fed by its tanks.
    this.sources =
      reservoirs.length > 0
        ? reservoirs
        : graph.nodes.flatMap((node, i) => (node.type === 'tank' ? [i] : []));
  }

  /** Nodes reachable from `starts` without using the `removed` links. */
  reach(
    starts: readonly number[],
    removed: ReadonlySet<number>,
    within?: ReadonlySet<number>,
  ): Set<number> {
    const seen = new Set<number>();
    const stack: number[] = [];
    for (const start of starts) {
      if (within && !within.has(start)) continue;
      if (!seen.has(start)) {
        seen.add(start);
        stack.push(start);
      }
    }
    while (stack.length > 0) {
      const node = stack.pop()!;
      for (const edge of this.out[node]!) {
        if (removed.has(edge.link) || seen.has(edge.to)) continue;
        if (within && !within.has(edge.to)) continue;
        seen.add(edge.to);
        stack.push(edge.to);
      }
    }
    return seen;
  }

  /** Nodes within `hops` links of `starts`, either direction, without the `removed` links. */
  near(starts: readonly number[], hops: number, removed: ReadonlySet<number>): Set<number> {
    const seen = new Set(starts);
    let frontier = [...seen];
    for (let hop = 0; hop < hops && frontier.length > 0; hop++) {
      const next: number[] = [];
      for (const node of frontier) {
        for (const edge of this.both[node]!) {
          if (removed.has(edge.link) || seen.has(edge.to)) continue;
          seen.add(edge.to);
          next.push(edge.to);
        }
      }
      frontier = next;
    }
    return seen;
  }
}
