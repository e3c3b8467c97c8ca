import { type NetworkLink, type NetworkNode } from './network-elements';
import { defaultInletPipes, defaultSensorJunctions } from './select-sensors';
import { closestId } from './suggest';

export type MeasuredAsset =
  | { type: 'junction' | 'tank'; id: string; node: NetworkNode }
  | { type: 'pump' | 'valve' | 'pipe'; id: string; link: NetworkLink };

function pick<T extends { id: string }>(
  wanted: readonly string[],
  pool: readonly T[],
  what: string,
  siteId: string,
): T[] {
  const byId = new Map(pool.map((item) => [item.id, item]));
  return wanted.map((id) => {
    const found = byId.get(id);
    if (found !== undefined) return found;
    const hint = closestId(id, [...byId.keys()]);
    throw new Error(
      `${id}: not a ${what} in site ${siteId}${hint === undefined ? '' : ` (did you mean ${hint}?)`}`,
    );
  });
}

/**
 * What the virtual SCADA measures: the chosen junctions (pressure), every tank (level), every
 * pump and valve, and the chosen pipes (flow). Order: junctions, tanks, pumps, valves, pipes,
 * each by EPANET index, which fixes the message order.
 */
export function measuredAssets(
  nodes: readonly NetworkNode[],
  links: readonly NetworkLink[],
  selection: {
    siteId: string;
    sensorJunctions?: readonly string[];
    sensorJunctionCount: number;
    dmaInletPipes?: readonly string[];
  },
): MeasuredAsset[] {
  const junctions =
    selection.sensorJunctions === undefined
      ? defaultSensorJunctions(nodes, selection.sensorJunctionCount)
      : pick(
          selection.sensorJunctions,
          nodes.filter((n) => n.kind === 'junction'),
          'junction',
          selection.siteId,
        );
  const pipes =
    selection.dmaInletPipes === undefined
      ? defaultInletPipes(links)
      : pick(
          selection.dmaInletPipes,
          links.filter((l) => l.kind === 'pipe'),
          'pipe',
          selection.siteId,
        );
  const byIndex = <T extends { index: number }>(items: T[]): T[] =>
    [...new Map(items.map((item) => [item.index, item])).values()].sort(
      (a, b) => a.index - b.index,
    );
  return [
    ...byIndex(junctions).map((node) => ({ type: 'junction' as const, id: node.id, node })),
    ...nodes
      .filter((n) => n.kind === 'tank')
      .map((node) => ({ type: 'tank' as const, id: node.id, node })),
    ...links
      .filter((l) => l.kind === 'pump')
      .map((link) => ({ type: 'pump' as const, id: link.id, link })),
    ...links
      .filter((l) => l.kind === 'valve')
      .map((link) => ({ type: 'valve' as const, id: link.id, link })),
    ...byIndex(pipes).map((link) => ({ type: 'pipe' as const, id: link.id, link })),
  ];
}
