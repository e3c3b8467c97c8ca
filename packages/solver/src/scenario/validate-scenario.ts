import { type Perturbation, type Scenario } from '@twinhelm/contracts';
import { type ModelCatalog } from './model-catalog';
import { nearestIds } from './nearest-ids';

type NodeKind = 'junction' | 'reservoir' | 'tank';
type LinkKind = 'pipe' | 'pump' | 'valve';

/** The horizon a scenario simulates: its own, or the network's duration. */
export const horizonOf = (scenario: Scenario, catalog: ModelCatalog): number =>
  scenario.horizonS ?? catalog.durationS;

/**
 * Checks a parsed scenario against a network: every id exists and is of the right kind, every
 * window lies within the horizon. Returns one message per problem (empty when valid), each
 * naming the perturbation, the input and what to do.
 */
export function validateScenario(scenario: Scenario, catalog: ModelCatalog): string[] {
  const horizon = horizonOf(scenario, catalog);
  const errors: string[] = [];
  scenario.perturbations.forEach((p, i) => {
    const where = `perturbations[${i}] (${p.type})`;
    if (p.startS >= p.endS) {
      errors.push(`${where}: window startS ${p.startS} s must be before endS ${p.endS} s`);
    } else if (p.endS > horizon) {
      errors.push(
        `${where}: window ${p.startS}-${p.endS} s ends after the horizon (${horizon} s): shorten the window or set horizonS`,
      );
    }
    for (const problem of assetProblems(p, catalog)) errors.push(`${where}: ${problem}`);
  });
  return errors;
}

function assetProblems(p: Perturbation, catalog: ModelCatalog): string[] {
  switch (p.type) {
    case 'asset-outage':
      return link(p.assetId, ['pipe', 'pump', 'valve'], catalog);
    case 'pump-speed':
      return link(p.assetId, ['pump'], catalog);
    case 'valve-setting':
      return link(p.assetId, ['valve'], catalog);
    case 'burst':
    case 'fire-flow':
      return node(p.assetId, ['junction'], catalog);
    case 'tank-level': {
      const problems = node(p.assetId, ['tank'], catalog);
      const limits = catalog.tankLimits.get(p.assetId);
      if (problems.length === 0 && limits && p.levelM > limits.maxLevelM) {
        problems.push(
          `${p.assetId}: level ${p.levelM} m is above the tank's maximum ${limits.maxLevelM} m`,
        );
      }
      return problems;
    }
    case 'demand-multiplier':
      return (p.junctionIds ?? []).flatMap((id) => node(id, ['junction'], catalog));
    case 'control-disabled':
      return p.controlIndex > catalog.controlCount
        ? [
            `control ${p.controlIndex} does not exist: the network has ${catalog.controlCount} simple controls (1-based)`,
          ]
        : [];
  }
}

function node(id: string, kinds: NodeKind[], catalog: ModelCatalog): string[] {
  const kind = catalog.nodes.get(id);
  if (kind === undefined) return [unknown(id, 'node', catalog.nodes.keys())];
  return kinds.includes(kind) ? [] : [`${id} is a ${kind}, expected a ${kinds.join(' or ')}`];
}

function link(id: string, kinds: LinkKind[], catalog: ModelCatalog): string[] {
  const kind = catalog.links.get(id);
  if (kind === undefined) return [unknown(id, 'link', catalog.links.keys())];
  return kinds.includes(kind) ? [] : [`${id} is a ${kind}, expected a ${kinds.join(' or ')}`];
}

function unknown(id: string, what: string, known: Iterable<string>): string {
  const near = nearestIds(id, known);
  const hint = near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : '';
  return `${id}: unknown ${what} in this network${hint}`;
}
