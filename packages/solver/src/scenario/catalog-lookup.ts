import { type ModelCatalog } from './model-catalog';
import { nearestIds } from './nearest-ids';

type NodeKind = 'junction' | 'reservoir' | 'tank';
type LinkKind = 'pipe' | 'pump' | 'valve';

/** Problems with a node id: unknown (with the nearest ids) or of the wrong kind. */
export function nodeProblems(id: string, kinds: NodeKind[], catalog: ModelCatalog): string[] {
  const kind = catalog.nodes.get(id);
  if (kind === undefined)
    return [unknownId(id, labelOf(kinds, 'node'), idsOf(catalog.nodes, kinds))];
  return kinds.includes(kind) ? [] : [`${id} is a ${kind}, expected a ${kinds.join(' or ')}`];
}

/** Problems with a link id: unknown (with the nearest ids) or of the wrong kind. */
export function linkProblems(id: string, kinds: LinkKind[], catalog: ModelCatalog): string[] {
  const kind = catalog.links.get(id);
  if (kind === undefined)
    return [unknownId(id, labelOf(kinds, 'link'), idsOf(catalog.links, kinds))];
  return kinds.includes(kind) ? [] : [`${id} is a ${kind}, expected a ${kinds.join(' or ')}`];
}

/** "pump", "tank or junction", or "link"/"node" when every kind will do. */
const labelOf = (kinds: readonly string[], all: 'node' | 'link'): string =>
  kinds.length === 3 ? all : kinds.join(' or ');

/** The ids of the given kinds: suggestions name assets the perturbation can act on. */
function idsOf<K extends string>(assets: ReadonlyMap<string, K>, kinds: readonly K[]): string[] {
  return [...assets].filter(([, k]) => kinds.includes(k)).map(([id]) => id);
}

/**
 * Problems with the id of one kind of asset: another kind (node or link), or unknown with the
 * nearest ids of that kind.
 */
export function kindProblems(
  id: string,
  kind: NodeKind | LinkKind,
  catalog: ModelCatalog,
): string[] {
  const actual = catalog.nodes.get(id) ?? catalog.links.get(id);
  if (actual === kind) return [];
  if (actual !== undefined) return [`${id} is a ${actual}, expected a ${kind}`];
  const sameKind = [...catalog.nodes, ...catalog.links]
    .filter(([, k]) => k === kind)
    .map(([i]) => i);
  return [unknownId(id, kind, sameKind)];
}

/** Problems with a district name: unknown, with the nearest names (or the list when short). */
export function dmaProblems(dma: string, catalog: ModelCatalog): string[] {
  if (catalog.dmas.has(dma)) return [];
  if (catalog.dmas.size === 0) {
    return [
      `${dma}: unknown DMA: this network has no districts (junction demand patterns name them, e.g. DMA3_pat)`,
    ];
  }
  return [unknownId(dma, 'DMA', catalog.dmas.keys())];
}

/** Problems with a tank level: outside the tank's [min, max] levels. */
export function tankLevelProblems(id: string, levelM: number, catalog: ModelCatalog): string[] {
  const limits = catalog.tankLimits.get(id);
  if (!limits) return [];
  if (levelM > limits.maxLevelM + LEVEL_SLACK_M) {
    return [`${id}: level ${levelM} m is above the tank's maximum ${mm(limits.maxLevelM)} m`];
  }
  if (levelM < limits.minLevelM - LEVEL_SLACK_M) {
    return [`${id}: level ${levelM} m is below the tank's minimum ${mm(limits.minLevelM)} m`];
  }
  return [];
}

/** Levels this close past a limit are taken as at the limit (EPANET's limits carry rounding). */
export const LEVEL_SLACK_M = 1e-6;
const mm = (m: number): number => Math.round(m * 1000) / 1000;

export function unknownId(id: string, what: string, known: Iterable<string>): string {
  const near = nearestIds(id, known);
  const hint = near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : '';
  return `${id}: unknown ${what} in this network${hint}`;
}
