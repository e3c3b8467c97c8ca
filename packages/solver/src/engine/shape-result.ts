import { type LiveState, type Scenario, type ScenarioResult } from '@twinhelm/contracts';
import { evaluateKpis } from '../scenario/evaluate-kpis';
import { horizonOf } from '../scenario/validate-scenario';
import { type CollectedSeries } from './collect-series';
import { type OpenModel } from './open-model';

const column = (rows: number[][], i: number): number[] => rows.map((r) => r[i] ?? 0);

/** Turns the engine-ordered series into per-id records and evaluates the KPIs. */
export function shapeResult(args: {
  model: OpenModel;
  scenario: Scenario;
  series: CollectedSeries;
  engineVersion: string;
  steps: number;
  simulatedS: number;
  state: LiveState | null;
  /** Time of day of t = 0, s after midnight. */
  startClockS: number;
}): ScenarioResult {
  const { model, scenario, series } = args;
  const nodes: ScenarioResult['nodes'] = {};
  const tanks: ScenarioResult['tanks'] = {};
  model.nodeIds.forEach((id, i) => {
    const demand = column(series.demand, i);
    const deficit = column(series.deficit, i);
    const pressure = column(series.pressure, i);
    nodes[id] = {
      pressure,
      head: column(series.head, i),
      demand,
      requested: demand.map((d, k) => d + Math.max(0, deficit[k] ?? 0)),
    };
    if (model.catalog.nodes.get(id) === 'tank') tanks[id] = { level: pressure };
  });
  const links: ScenarioResult['links'] = {};
  model.linkIds.forEach((id, i) => {
    links[id] = { flow: column(series.flow, i), velocity: column(series.velocity, i) };
  });
  const pumps: ScenarioResult['pumps'] = {};
  series.pumpIds.forEach((id, i) => {
    pumps[id] = { power: column(series.power, i) };
  });
  const { kpis, violations } = evaluateKpis({
    times: series.times,
    horizonS: horizonOf(scenario, model.catalog),
    servicePressureM: scenario.servicePressureM,
    startClockS: args.startClockS,
    ...(scenario.tariff ? { tariff: scenario.tariff } : {}),
    junctions: model.nodeIds
      .filter((id) => model.catalog.nodes.get(id) === 'junction')
      .map((id) => ({ id, ...(nodes[id] ?? { pressure: [], demand: [], requested: [] }) })),
    tanks: Object.entries(tanks).map(([id, t]) => ({
      id,
      level: t.level,
      ...(model.catalog.tankLimits.get(id) ?? { minLevelM: 0, maxLevelM: Infinity }),
    })),
    pumps: Object.entries(pumps).map(([id, p]) => ({ id, power: p.power })),
  });
  return {
    engineVersion: args.engineVersion,
    modelHash: model.hash,
    scenario,
    seed: scenario.seed,
    times: series.times,
    nodes,
    links,
    pumps,
    tanks,
    kpis,
    violations,
    stats: { hydraulicSteps: args.steps, simulatedS: args.simulatedS },
    state: args.state,
    startClockS: args.startClockS,
  };
}
