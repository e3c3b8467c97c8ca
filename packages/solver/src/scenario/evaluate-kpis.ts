import { type ScenarioKpis, type Tariff, type Violation } from '@twinhelm/contracts';

/** Report-time series, as KPIs need them. Each value holds until the next report time. */
export interface KpiInput {
  times: readonly number[];
  horizonS: number;
  servicePressureM: number;
  /** Time of day of t = 0, s after midnight (tariff periods are times of day); default 0. */
  startClockS?: number;
  tariff?: Tariff;
  junctions: readonly { id: string; pressure: number[]; demand: number[]; requested: number[] }[];
  tanks: readonly { id: string; level: number[]; minLevelM: number; maxLevelM: number }[];
  pumps: readonly { id: string; power: number[] }[];
}

/** Levels within this of a tank's limit count as empty or full. */
const LEVEL_TOLERANCE_M = 1e-3;

/** Seconds each report value stands for: until the next report time (the last: to the horizon). */
export function intervals(times: readonly number[], horizonS: number): number[] {
  return times.map((t, i) => Math.max(0, (times[i + 1] ?? Math.max(horizonS, t)) - t));
}

/** Price per kWh at a time of day (s after midnight; wraps by a day). */
export function priceAt(tariff: Tariff, t: number): number {
  const ofDay = ((t % 86_400) + 86_400) % 86_400;
  let price = tariff.periods[0]?.pricePerKwh ?? 0;
  for (const p of tariff.periods) if (p.fromS <= ofDay) price = p.pricePerKwh;
  return price;
}

/** Contiguous stretches where `bad` holds: [startS, endS) with the worst value. */
export function stretches(
  times: readonly number[],
  dt: readonly number[],
  values: readonly number[],
  bad: (v: number) => boolean,
  worse: (a: number, b: number) => number,
): { startS: number; endS: number; worst: number }[] {
  const out: { startS: number; endS: number; worst: number }[] = [];
  let current: { startS: number; endS: number; worst: number } | undefined;
  values.forEach((v, i) => {
    const t = times[i] ?? 0;
    if (!bad(v)) {
      current = undefined;
      return;
    }
    if (current === undefined) {
      current = { startS: t, endS: t, worst: v };
      out.push(current);
    }
    current.endS = t + (dt[i] ?? 0);
    current.worst = worse(current.worst, v);
  });
  return out;
}

export function evaluateKpis(input: KpiInput): { kpis: ScenarioKpis; violations: Violation[] } {
  const { times, servicePressureM: threshold } = input;
  const dt = intervals(times, input.horizonS);
  const violations: Violation[] = [];
  let minPressure: ScenarioKpis['minPressure'] = null;
  const below: ScenarioKpis['belowService']['nodes'] = [];
  let unservedL = 0;
  for (const j of input.junctions) {
    let duration = 0;
    let first: number | undefined;
    j.pressure.forEach((p, i) => {
      const t = times[i] ?? 0;
      if (minPressure === null || p < minPressure.valueM) {
        minPressure = { valueM: p, nodeId: j.id, timeS: t };
      }
      if (p < threshold) {
        duration += dt[i] ?? 0;
        first ??= t;
      }
      unservedL += Math.max(0, (j.requested[i] ?? 0) - (j.demand[i] ?? 0)) * (dt[i] ?? 0);
    });
    if (first !== undefined) below.push({ nodeId: j.id, durationS: duration, firstS: first });
    for (const s of stretches(times, dt, j.pressure, (p) => p < threshold, Math.min)) {
      violations.push({ kind: 'low-pressure', assetId: j.id, ...s });
    }
  }
  const tanks = input.tanks.map((tank) => {
    const empty = (l: number): boolean => l <= tank.minLevelM + LEVEL_TOLERANCE_M;
    const full = (l: number): boolean => l >= tank.maxLevelM - LEVEL_TOLERANCE_M;
    for (const s of stretches(times, dt, tank.level, empty, Math.min)) {
      violations.push({ kind: 'tank-empty', assetId: tank.id, ...s });
    }
    for (const s of stretches(times, dt, tank.level, full, Math.max)) {
      violations.push({ kind: 'tank-overflow', assetId: tank.id, ...s });
    }
    const firstTime = (test: (l: number) => boolean): number | null => {
      const i = tank.level.findIndex(test);
      return i < 0 ? null : (times[i] ?? null);
    };
    return {
      tankId: tank.id,
      minLevelM: tank.level.length > 0 ? Math.min(...tank.level) : 0,
      maxLevelM: tank.level.length > 0 ? Math.max(...tank.level) : 0,
      timeToEmptyS: firstTime(empty),
      timeToOverflowS: firstTime(full),
    };
  });
  const tariff = input.tariff;
  const startClockS = input.startClockS ?? 0;
  const pumps = input.pumps.map((pump) => {
    let kwh = 0;
    let cost = 0;
    pump.power.forEach((kw, i) => {
      const e = (kw * (dt[i] ?? 0)) / 3600;
      kwh += e;
      if (tariff) cost += e * priceAt(tariff, startClockS + (times[i] ?? 0));
    });
    return { pumpId: pump.id, kwh, cost: tariff ? cost : null };
  });
  const totalKwh = pumps.reduce((a, p) => a + p.kwh, 0);
  violations.sort((a, b) => a.startS - b.startS || (a.assetId < b.assetId ? -1 : 1));
  return {
    kpis: {
      minPressure,
      belowService: { thresholdM: threshold, nodes: below },
      unservedDemandM3: unservedL / 1000,
      tanks,
      energy: {
        totalKwh,
        cost: tariff ? pumps.reduce((a, p) => a + (p.cost ?? 0), 0) : null,
        currency: tariff ? tariff.currency : null,
        pumps,
      },
    },
    violations,
  };
}
