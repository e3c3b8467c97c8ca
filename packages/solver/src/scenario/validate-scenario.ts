import { type Perturbation, type Scenario } from '@twinhelm/contracts';
import { type ModelCatalog } from './model-catalog';
import {
  dmaProblems,
  linkProblems as link,
  nodeProblems as node,
  tankLevelProblems,
} from './catalog-lookup';

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
      return problems.length > 0 ? problems : tankLevelProblems(p.assetId, p.levelM, catalog);
    }
    case 'demand-multiplier': {
      if (p.dma !== undefined && p.junctionIds !== undefined) {
        return ['give either dma or junctionIds, not both'];
      }
      if (p.dma !== undefined) return dmaProblems(p.dma, catalog);
      return (p.junctionIds ?? []).flatMap((id) => node(id, ['junction'], catalog));
    }
    case 'control-disabled':
      return p.controlIndex > catalog.controlCount
        ? [
            `control ${p.controlIndex} does not exist: the network has ${catalog.controlCount} simple controls (1-based)`,
          ]
        : [];
  }
}
