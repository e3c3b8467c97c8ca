import {
  type LiveState,
  type Scenario,
  type ScenarioKpis,
  type Violation,
} from '@twinhelm/contracts';
import { needsPressureDriven } from '../engine/perturbation-actions';
import { type ActionWindow, type Candidate, hours } from './candidate';

interface Outcome {
  kpis: ScenarioKpis;
  violations: readonly Violation[];
}

export const titleOf = (candidates: readonly Candidate[]): string =>
  candidates.map((c) => c.label).join(' + ');

const m3 = (x: number): string => `${Number(x.toFixed(1))} m³`;
const kwh = (x: number): string => `${Math.round(Math.abs(x))} kWh`;

const emptied = (o: Outcome): Set<string> =>
  new Set(o.violations.filter((v) => v.kind === 'tank-empty').map((v) => v.assetId));

/**
 * One or two sentences from the numbers: what changes in violations, tanks that no longer run
 * empty, unserved demand, lowest pressure and pump energy, and, below rank 1, what the first
 * does better.
 */
export function whyOf(candidate: Outcome, baseline: Outcome, best?: Outcome): string {
  const b = baseline.violations.length;
  const c = candidate.violations.length;
  const parts: string[] = [];
  const saved = [...emptied(baseline)].filter((t) => !emptied(candidate).has(t)).sort();
  const tanks =
    saved.length > 0
      ? ` (${saved.join(', ')} no longer run${saved.length === 1 ? 's' : ''} empty)`
      : '';
  parts.push(
    c < b
      ? `cuts violations from ${b} to ${c}${tanks}`
      : c === b
        ? `keeps the ${b} violations${tanks}`
        : `raises violations from ${b} to ${c}${tanks}`,
  );
  const ub = baseline.kpis.unservedDemandM3;
  const uc = candidate.kpis.unservedDemandM3;
  if (Math.abs(uc - ub) >= 0.05) parts.push(`unserved demand from ${m3(ub)} to ${m3(uc)}`);
  const pb = baseline.kpis.minPressure?.valueM;
  const pc = candidate.kpis.minPressure?.valueM;
  if (pb !== undefined && pc !== undefined && pc - pb >= 0.1) {
    parts.push(`the lowest pressure from ${pb.toFixed(1)} m to ${pc.toFixed(1)} m`);
  }
  const de = candidate.kpis.energy.totalKwh - baseline.kpis.energy.totalKwh;
  const energy =
    Math.abs(de) < 0.5
      ? 'at the same pump energy'
      : de > 0
        ? `for ${kwh(de)} more pump energy`
        : `while saving ${kwh(de)} of pump energy`;
  const head = `${capitalise(joinAnd(parts))}, ${energy}.`;
  if (!best || best === candidate) return head;
  const gap =
    best.violations.length < c
      ? `${c - best.violations.length} more violation${c - best.violations.length > 1 ? 's' : ''}`
      : best.kpis.unservedDemandM3 < uc - 5e-4
        ? `${m3(uc - best.kpis.unservedDemandM3)} more unserved demand`
        : `${kwh(candidate.kpis.energy.totalKwh - best.kpis.energy.totalKwh)} more energy`;
  return `${head} It leaves ${gap} than the first recommendation.`;
}

function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** What every recommendation of a run takes for granted. */
export function commonAssumptions(
  scenario: Scenario,
  window: ActionWindow,
  state: LiveState | undefined,
): string[] {
  const out = [
    `Unless stated otherwise, actions take effect at ${hours(window.startS)} and hold until the horizon (${hours(window.endS)}); the scenario's own perturbations stay as given.`,
    'Pump curves, pipe roughness and controls as in the model.',
    state
      ? `Demands, tank levels and pump and valve states as the bound live state (snapshot of ${new Date(state.takenAt).toISOString()}).`
      : "Demands follow the model's patterns; initial tank levels and states as in the file.",
  ];
  if (needsPressureDriven(scenario.perturbations)) {
    out.push(
      `Demand is pressure-driven (EPANET PDA): full at ${scenario.servicePressureM} m and above, none at 0 m.`,
    );
  }
  if (scenario.ensemble && scenario.ensemble.members > 1) {
    out.push('Evaluated on one deterministic run (ensemble member 0), not on the ensemble.');
  }
  return out;
}

/** The common assumptions and each action's own, without repeats. */
export const assumptionsOf = (
  common: readonly string[],
  candidates: readonly Candidate[],
): string[] => [...new Set([...common, ...candidates.flatMap((c) => c.assumptions)])];
