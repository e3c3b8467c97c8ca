import type { Nowcast, ScenarioResult, TwinState } from '@twinhelm/contracts';
import type { AlarmSample } from '@twinhelm/alarms';

type Values = Nowcast['values'];
type Residuals = Nowcast['residuals'];

/** Modelled values are rounded to 1e-4 (m, L/s, m/s, kW): finer than EPANET's own agreement. */
const round = (v: number): number => Math.round(v * 1e4) / 1e4;

/**
 * Every modelled value at report index `at` (0: the bound state's instant): pressure, head and
 * demand of every node, level of every tank, flow and velocity of every link, power of every
 * pump. Non-finite numbers (an engine hiccup) are left out rather than sent.
 */
export function modelledValues(result: ScenarioResult, at = 0): Values {
  const values: Values = {};
  const put = (assetId: string, metric: string, series: readonly number[] | undefined): void => {
    const v = series?.[at];
    if (v === undefined || !Number.isFinite(v)) return;
    (values[assetId] ??= {})[metric] = round(v);
  };
  for (const [id, node] of Object.entries(result.nodes)) {
    put(id, 'pressure', node.pressure);
    put(id, 'head', node.head);
    put(id, 'demand', node.demand);
  }
  for (const [id, tank] of Object.entries(result.tanks)) put(id, 'level', tank.level);
  for (const [id, link] of Object.entries(result.links)) {
    put(id, 'flow', link.flow);
    put(id, 'velocity', link.velocity);
  }
  for (const [id, pump] of Object.entries(result.pumps)) put(id, 'power', pump.power);
  return values;
}

/**
 * measured − modelled for every metric the twin measures that the model also gives, where the
 * measurement is no older than `maxAgeMs` at `nowMs` (a stale sensor says nothing about now).
 */
export function residualsOf(
  values: Values,
  measured: TwinState,
  options: { nowMs: number; maxAgeMs: number },
): Residuals {
  const residuals: Residuals = {};
  for (const [assetId, metrics] of Object.entries(measured)) {
    const modelled = values[assetId];
    if (!modelled) continue;
    for (const [metric, sample] of Object.entries(metrics)) {
      const m = modelled[metric];
      if (m === undefined || !isFresh(sample.ts, options)) continue;
      (residuals[assetId] ??= {})[metric] = {
        measured: sample.v,
        modelled: m,
        residual: sample.v - m,
      };
    }
  }
  return residuals;
}

/** True when some measurement of the site is fresh: a nowcast from stale state would mislead. */
export function hasFreshTelemetry(
  measured: TwinState,
  options: { nowMs: number; maxAgeMs: number },
): boolean {
  return Object.values(measured).some((metrics) =>
    Object.values(metrics).some((sample) => isFresh(sample.ts, options)),
  );
}

const isFresh = (ts: number, { nowMs, maxAgeMs }: { nowMs: number; maxAgeMs: number }): boolean =>
  nowMs - ts <= maxAgeMs;

/**
 * The modelled value of every metric the twin measures (any age: a sensor that comes back is
 * compared with the newest model value), as alarm samples with source 'model' at `ts`. The
 * residual rules compare each measured sample with the latest of these.
 */
export function modelSamples(values: Values, measured: TwinState, ts: number): AlarmSample[] {
  const samples: AlarmSample[] = [];
  for (const [assetId, metrics] of Object.entries(measured)) {
    const modelled = values[assetId];
    if (!modelled) continue;
    for (const metric of Object.keys(metrics)) {
      const value = modelled[metric];
      if (value !== undefined) samples.push({ assetId, metric, value, ts, source: 'model' });
    }
  }
  return samples;
}
