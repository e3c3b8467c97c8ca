import { type Ensemble, type LiveState } from '@twinhelm/contracts';
import { type EnsembleNetwork } from './ensemble-network';
import { lognormalFactor, type RandomSource, standardNormal } from './random-source';

/** What one member binds to its run besides the scenario. */
export interface MemberInputs {
  state: LiveState | null;
  /** Absent: the pipes' own roughness. */
  roughnessFactor?: number;
}

/** Drawn levels stay this far inside a tank's limits (the engine rejects levels outside them). */
const LEVEL_MARGIN_M = 1e-3;

/**
 * The inputs of ensemble member `index` (pure; `random` is that member's source, see
 * memberRandom). Member 0 is the unperturbed run: the bound state as given. Every other member
 * draws, in this order: a lognormal demand factor per DMA (median 1, relative spread
 * `demandSpread`), and one for the junctions outside every DMA (all junctions when the network
 * has none), multiplied onto the bound state's multipliers; a lognormal roughness factor when `roughnessSpread` > 0; a
 * normal offset of each tank's initial level (bound level, else the file's) when
 * `initialLevelSpreadM` > 0, kept within the tank's limits. Without a bound state the member
 * binds one that starts at the file's own time of day (`fileStartClockS`), so only the drawn
 * quantities differ from member 0.
 */
export function memberInputs(args: {
  index: number;
  ensemble: Ensemble;
  network: EnsembleNetwork;
  state: LiveState | null;
  fileStartClockS: number;
  random: RandomSource;
}): MemberInputs {
  const { index, ensemble, network, state, random } = args;
  if (index === 0) return { state };
  const base: LiveState = state ?? {
    takenAt: 0,
    timeOfDayS: args.fileStartClockS,
    tanks: {},
    pumps: {},
    valves: {},
    demandMultipliers: {},
  };
  const demandMultipliers = drawDemand(ensemble.demandSpread, network, base, random);
  const roughnessFactor =
    ensemble.roughnessSpread > 0 ? lognormalFactor(random, ensemble.roughnessSpread) : undefined;
  const tanks =
    ensemble.initialLevelSpreadM > 0
      ? drawTankLevels(ensemble.initialLevelSpreadM, network, base, random)
      : base.tanks;
  const member: LiveState = { ...base, tanks, demandMultipliers };
  return roughnessFactor === undefined ? { state: member } : { state: member, roughnessFactor };
}

/**
 * One factor per DMA, plus one for the junctions outside every DMA when there are any (bound as
 * `all`, with each DMA's factor divided by it, since `all` and `dma` multiply).
 */
function drawDemand(
  spread: number,
  network: EnsembleNetwork,
  base: LiveState,
  random: RandomSource,
): LiveState['demandMultipliers'] {
  const bound = base.demandMultipliers;
  if (spread <= 0) return bound;
  const factors = network.dmas.map((name) => [name, lognormalFactor(random, spread)] as const);
  const rest = factors.length === 0 || network.outsideDmas ? lognormalFactor(random, spread) : 1;
  const dma: Record<string, number> = { ...bound.dma };
  for (const [name, f] of factors) dma[name] = ((dma[name] ?? 1) * f) / rest;
  const all = (bound.all ?? 1) * rest;
  return factors.length === 0 ? { ...bound, all } : { ...bound, all, dma };
}

function drawTankLevels(
  spreadM: number,
  network: EnsembleNetwork,
  base: LiveState,
  random: RandomSource,
): LiveState['tanks'] {
  const tanks: LiveState['tanks'] = { ...base.tanks };
  for (const [id, tank] of network.tanks) {
    const level = (base.tanks[id]?.levelM ?? tank.initLevelM) + spreadM * standardNormal(random);
    const low = tank.minLevelM + LEVEL_MARGIN_M;
    const high = Math.max(low, tank.maxLevelM - LEVEL_MARGIN_M);
    tanks[id] = { levelM: Math.max(0, Math.min(high, Math.max(low, level))) };
  }
  return tanks;
}
