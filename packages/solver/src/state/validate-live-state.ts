import { type LiveState } from '@twinhelm/contracts';
import { dmaProblems, kindProblems, tankLevelProblems } from '../scenario/catalog-lookup';
import { type ModelCatalog } from '../scenario/model-catalog';

/**
 * Checks a parsed live state against a network: every tank, pump and valve exists and is of
 * that kind, every tank level lies within the tank's limits, every DMA exists. Returns one
 * message per problem (empty when valid), each naming the input (`state.tanks.T1`…).
 */
export function validateLiveState(state: LiveState, catalog: ModelCatalog): string[] {
  const errors: string[] = [];
  const add = (where: string, problems: string[]): void => {
    for (const p of problems) errors.push(`${where}: ${p}`);
  };
  for (const [id, tank] of Object.entries(state.tanks)) {
    const problems = kindProblems(id, 'tank', catalog);
    add(
      `state.tanks.${id}`,
      problems.length > 0 ? problems : tankLevelProblems(id, tank.levelM, catalog),
    );
  }
  for (const id of Object.keys(state.pumps)) {
    add(`state.pumps.${id}`, kindProblems(id, 'pump', catalog));
  }
  for (const [id, valve] of Object.entries(state.valves)) {
    const problems = kindProblems(id, 'valve', catalog);
    if (valve.status === undefined && valve.setting === undefined) {
      problems.push(`${id}: give a status ('open' or 'closed') or a setting`);
    }
    add(`state.valves.${id}`, problems);
  }
  for (const dma of Object.keys(state.demandMultipliers.dma ?? {})) {
    add(`state.demandMultipliers.dma.${dma}`, dmaProblems(dma, catalog));
  }
  return errors;
}
