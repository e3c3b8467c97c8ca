import { type CandidateAction, type Scenario, type ScenarioResult } from '@twinhelm/contracts';
import { type ActionWindow, type Candidate, type CandidateContext } from './candidate';
import { isolationCandidates } from './isolation-candidates';
import { hopDistances, linkDistance } from './network-graph';
import {
  pumpSpeedCandidates,
  startPumpCandidates,
  stopPumpCandidates,
  tankControlCandidates,
} from './pump-candidates';
import { type Topology } from './topology';
import { openCloseCandidates, settingCandidates } from './valve-candidates';

/** Kinds in the order they are tried when candidates are equally near the trouble. */
const KIND_ORDER: Record<CandidateAction['kind'], number> = {
  'isolate-segment': 0,
  'start-pump': 1,
  'tank-control': 2,
  'pump-speed': 3,
  'open-valve': 4,
  'valve-setting': 5,
  'close-valve': 6,
  'stop-pump': 7,
};

/**
 * When actions act: from the earliest perturbation start or violation start, whichever comes
 * first, to the horizon.
 */
export function actionWindow(
  scenario: Scenario,
  baseline: ScenarioResult,
  horizonS: number,
): ActionWindow {
  const starts = [
    ...scenario.perturbations.map((p) => p.startS),
    ...baseline.violations.map((v) => v.startS),
  ];
  const startS = Math.max(0, Math.floor(starts.length > 0 ? Math.min(...starts) : 0));
  return { startS: Math.min(startS, horizonS), endS: horizonS };
}

/** Assets the scenario's perturbations name. */
function touchedBy(scenario: Scenario): Set<string> {
  return new Set(scenario.perturbations.flatMap((p) => ('assetId' in p ? [p.assetId] : [])));
}

/**
 * Every candidate action for a scenario's baseline, nearest to the violations first (graph
 * hops from the violating junctions and tanks), at most `maxCandidates`. Deterministic.
 */
export function generateCandidates(
  topology: Topology,
  scenario: Scenario,
  baseline: ScenarioResult,
  window: ActionWindow,
  maxCandidates: number,
): Candidate[] {
  if (window.startS >= window.endS) return [];
  const ctx: CandidateContext = {
    topology,
    scenario,
    baseline,
    window,
    touched: touchedBy(scenario),
  };
  const all = [
    ...isolationCandidates(ctx),
    ...startPumpCandidates(ctx),
    ...tankControlCandidates(ctx),
    ...pumpSpeedCandidates(ctx),
    ...stopPumpCandidates(ctx),
    ...openCloseCandidates(ctx),
    ...settingCandidates(ctx),
  ];
  const { graph } = topology;
  const trouble = baseline.violations.flatMap((v) => {
    const i = graph.nodeIndex.get(v.assetId);
    return i === undefined ? [] : [i];
  });
  const distance = hopDistances(graph, trouble);
  const nearness = (c: Candidate): number =>
    Math.min(
      ...c.action.assetIds.map((id) => {
        const link = graph.linkIndex.get(id);
        return link === undefined ? Infinity : linkDistance(graph, distance, link);
      }),
    );
  return all
    .map((c) => ({ c, d: nearness(c) }))
    .sort(
      (a, b) =>
        a.d - b.d ||
        KIND_ORDER[a.c.action.kind] - KIND_ORDER[b.c.action.kind] ||
        (a.c.action.description < b.c.action.description ? -1 : 1),
    )
    .slice(0, Math.max(0, maxCandidates))
    .map(({ c }) => c);
}
