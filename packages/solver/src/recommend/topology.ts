import { createHash } from 'node:crypto';
import { type NetworkModel } from '@twinhelm/contracts';
import { ParseContext } from '../inp/parse-context';
import { parseInp } from '../inp/parse-inp';
import { readOptions } from '../inp/parse-options';
import { tokenizeInp } from '../inp/tokenize';
import { RunError } from '../engine/run-errors';
import { buildGraph, type NetworkGraph } from './network-graph';
import { parseControls, type SimpleControl } from './parse-controls';
import { pumpStations } from './pump-stations';

/** What candidate generation knows about a network, from its .inp alone. */
export interface Topology {
  hash: string;
  model: NetworkModel;
  graph: NetworkGraph;
  controls: SimpleControl[];
  /** Each pump's station (its members, sorted, itself included). */
  stations: Map<string, string[]>;
  tankIds: ReadonlySet<string>;
}

const CACHE_SIZE = 8;
const cache = new Map<string, Topology>();

/**
 * Parses the network (cached by its sha-256; the 8 most recent are kept) into the graph,
 * controls and pump stations candidate generation needs, letting the event loop run between
 * the steps (`pause`). Throws RunError (`invalid`) naming the first lines at fault when the
 * file does not parse.
 */
export async function topologyOf(
  inp: string,
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<Topology> {
  const hash = createHash('sha256').update(inp).digest('hex');
  const cached = cache.get(hash);
  if (cached) {
    cache.delete(hash);
    cache.set(hash, cached);
    return cached;
  }
  await pause();
  const parsed = parseInp(inp);
  await pause();
  if (!parsed.ok) {
    const problems = parsed.errors
      .slice(0, 5)
      .map((e) => `line ${e.line} [${e.section}]: ${e.message}`);
    throw new RunError({
      kind: 'invalid',
      message: `the network file does not parse, so no actions can be derived from it: ${problems.join('; ')}`,
      problems,
    });
  }
  const { sections } = tokenizeInp(inp);
  const { units } = readOptions(sections, new ParseContext());
  const model = parsed.model;
  const tankIds = new Set(model.nodes.flatMap((n) => (n.type === 'tank' ? [n.id] : [])));
  const graph = buildGraph(model);
  await pause();
  const topology: Topology = {
    hash,
    model,
    graph,
    controls: parseControls(sections, units, tankIds),
    stations: pumpStations(graph),
    tankIds,
  };
  cache.set(hash, topology);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
  return topology;
}
