import { type KpiDeltas, type ScenarioKpis, type Violation } from '@twinhelm/contracts';

/** What the ranking compares, KPIs rounded so that noise below a litre or 10 Wh ties. */
export interface Score {
  violations: number;
  /** m³, rounded to 0.001. */
  unservedM3: number;
  /** kWh, rounded to 0.01. */
  energyKwh: number;
}

/** A ranked entry: its score, how many actions it takes and a key that orders ties. */
export interface Ranked {
  score: Score;
  actionCount: number;
  key: string;
}

const round = (x: number, step: number): number => Math.round(x / step) * step;

export function scoreOf(kpis: ScenarioKpis, violations: readonly Violation[]): Score {
  return {
    violations: violations.length,
    unservedM3: round(kpis.unservedDemandM3, 1e-3),
    energyKwh: round(kpis.energy.totalKwh, 1e-2),
  };
}

/** Lexicographic on (violation count, unserved demand, energy): negative when a is better. */
export function compareScores(a: Score, b: Score): number {
  return a.violations - b.violations || a.unservedM3 - b.unservedM3 || a.energyKwh - b.energyKwh;
}

/**
 * The ranking's total order: scores first, then fewer actions, then the key (a canonical text
 * of the actions, unique per candidate). Negative when a ranks first.
 */
export function compareRanked(a: Ranked, b: Ranked): number {
  return (
    compareScores(a.score, b.score) ||
    a.actionCount - b.actionCount ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/** Better than doing nothing: strictly better on the first criterion where the two differ. */
export const improvesOn = (candidate: Score, baseline: Score): boolean =>
  compareScores(candidate, baseline) < 0;

/** Candidate minus baseline. */
export function kpiDeltas(
  candidate: { kpis: ScenarioKpis; violations: readonly Violation[] },
  baseline: { kpis: ScenarioKpis; violations: readonly Violation[] },
): KpiDeltas {
  const c = candidate.kpis;
  const b = baseline.kpis;
  return {
    violations: candidate.violations.length - baseline.violations.length,
    unservedDemandM3: c.unservedDemandM3 - b.unservedDemandM3,
    energyKwh: c.energy.totalKwh - b.energy.totalKwh,
    energyCost:
      c.energy.cost === null || b.energy.cost === null ? null : c.energy.cost - b.energy.cost,
    minPressureM:
      c.minPressure === null || b.minPressure === null
        ? null
        : c.minPressure.valueM - b.minPressure.valueM,
    nodesBelowService: c.belowService.nodes.length - b.belowService.nodes.length,
  };
}
