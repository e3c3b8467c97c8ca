import {
  ScenarioSeriesSchema,
  type AlarmQuantity,
  type Principal,
  type QuantityEffect,
} from '@twinhelm/contracts';
import { getScenario } from '../scenarios/services/get-scenario';
import { getScenarioSeries } from '../scenarios/services/get-scenario-series';
import type { AlarmAdviceDeps } from './advice-deps';
import type { AdviceRow, StoredEffects } from './advice-store';
import { quantityEffect } from './quantity-effect';

/**
 * The alarm's quantity as the baseline and each recommendation's run predict it, read through
 * the scenario services (series and bands cut out by PostgreSQL, KPIs and the ensemble
 * summary from the detail). A run that failed, or holds no series of the quantity, gives its
 * reason instead.
 */
export async function readEffects(deps: AlarmAdviceDeps, row: AdviceRow): Promise<StoredEffects> {
  const quantity = row.quantity;
  const byRank: StoredEffects['byRank'] = {};
  if (quantity === null) return { baseline: null, byRank };
  const read = (scenarioId: string) =>
    effectOf(deps, row.principal, scenarioId, quantity).catch((error: unknown) => ({
      error: `its what-if ${scenarioId} could not be read: ${error instanceof Error ? error.message : String(error)}`,
    }));
  const baseline = await read(row.scenario_id);
  for (const { rank, scenarioId } of row.effect_scenarios ?? []) {
    const outcome = await read(scenarioId);
    byRank[String(rank)] =
      'effect' in outcome
        ? { effect: outcome.effect, error: null }
        : { effect: null, error: outcome.error };
  }
  return { baseline: 'effect' in baseline ? baseline.effect : null, byRank };
}

async function effectOf(
  deps: AlarmAdviceDeps,
  principal: Principal,
  scenarioId: string,
  quantity: AlarmQuantity,
): Promise<{ effect: QuantityEffect } | { error: string }> {
  const detail = await getScenario(deps.services, principal, { id: scenarioId });
  if (detail.status !== 'succeeded')
    return {
      error: `its what-if ${scenarioId} ${detail.status}${detail.error ? `: ${detail.error.message}` : ''}`,
    };
  const raw = await getScenarioSeries(deps.services, principal, {
    id: scenarioId,
    assets: [quantity.assetId],
  });
  const series = ScenarioSeriesSchema.parse(JSON.parse(raw.rawJson));
  const effect = quantityEffect(
    quantity,
    series.times,
    series.assets[quantity.assetId],
    detail.kpis,
    detail.ensemble,
  );
  return effect
    ? { effect }
    : {
        error: `its what-if ${scenarioId} holds no ${quantity.metric} series of ${quantity.assetId}`,
      };
}
