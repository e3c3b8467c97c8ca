import type { LiveState, Nowcast } from '@twinhelm/contracts';
import { estimateDemandMultipliers, readEnsembleNetwork } from '@twinhelm/solver';

type Multipliers = LiveState['demandMultipliers'];

export interface DemandEstimates {
  /** The site's current multipliers; undefined until a nowcast had a metered junction. */
  get(siteId: string): Multipliers | undefined;
  /** New multipliers from the junctions whose demand is metered (a nowcast's residuals). */
  update(
    siteId: string,
    network: { hash: string; inp: string },
    applied: Multipliers,
    residuals: Nowcast['residuals'],
  ): void;
}

/**
 * Demand multipliers per site, estimated from metered junction demands: per district, the
 * multiplier the nowcast ran with × Σ measured ÷ Σ modelled (estimateDemandMultipliers).
 */
export function createDemandEstimates(): DemandEstimates {
  const districts = new Map<string, { hash: string; districtOf: ReadonlyMap<string, string> }>();
  const multipliers = new Map<string, Multipliers>();

  /** Junction → district of a network version (read from the .inp once per version). */
  function districtsOf(siteId: string, network: { hash: string; inp: string }) {
    const cached = districts.get(siteId);
    if (cached?.hash === network.hash) return cached.districtOf;
    const { districtOf } = readEnsembleNetwork(network.inp);
    districts.set(siteId, { hash: network.hash, districtOf });
    return districtOf;
  }

  return {
    get: (siteId) => multipliers.get(siteId),
    update(siteId, network, applied, residuals) {
      const measured = new Map<string, number>();
      const modelled = new Map<string, number>();
      for (const [assetId, byMetric] of Object.entries(residuals)) {
        const demand = byMetric.demand;
        if (!demand) continue;
        measured.set(assetId, demand.measured);
        modelled.set(assetId, demand.modelled);
      }
      if (measured.size === 0) return;
      const districtOf = districtsOf(siteId, network);
      multipliers.set(
        siteId,
        estimateDemandMultipliers({ measured, modelled, applied, districtOf }),
      );
    },
  };
}
