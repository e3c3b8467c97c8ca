import { type CandidateAction, type Scenario, type ScenarioResult } from '@twinhelm/contracts';
import { type Topology } from './topology';

/** When the recommended actions act: from the first trouble to the horizon, whole seconds. */
export interface ActionWindow {
  startS: number;
  endS: number;
}

/** One candidate action with what the ranking and the explanation need beside the contract. */
export interface Candidate {
  action: CandidateAction;
  /** Short, for titles: "Start PU3", "Open V2". */
  label: string;
  /** What simulating it takes for granted, beyond the common assumptions. */
  assumptions: string[];
}

/** Everything a candidate generator reads. */
export interface CandidateContext {
  topology: Topology;
  scenario: Scenario;
  baseline: ScenarioResult;
  window: ActionWindow;
  /** Assets the scenario's own perturbations act on: candidates leave them alone. */
  touched: ReadonlySet<string>;
}

/** Pumps drawing more than this are running. */
const RUNNING_KW = 0.01;
/** Links carrying more than this are passing flow. */
const PASSING_LPS = 0.01;

/** "6 h", "6.25 h": a time from the simulation start in hours. */
export const hours = (s: number): string => `${Number((s / 3600).toFixed(2))} h`;

export const windowText = (w: ActionWindow): string =>
  `from ${hours(w.startS)} to ${hours(w.endS)}`;

/** Indices of the report times inside the window. */
function inWindow(result: ScenarioResult, w: ActionWindow): number[] {
  return result.times.flatMap((t, i) => (t >= w.startS && t < w.endS ? [i] : []));
}

function share(
  values: readonly number[] | undefined,
  at: number[],
  test: (v: number) => boolean,
): number {
  if (!values || at.length === 0) return 0;
  return at.filter((i) => test(values[i] ?? 0)).length / at.length;
}

/** Share (0..1) of the window's report times at which the baseline runs the pump. */
export function runningShare(ctx: CandidateContext, pumpId: string): number {
  const at = inWindow(ctx.baseline, ctx.window);
  return share(ctx.baseline.pumps[pumpId]?.power, at, (kw) => kw > RUNNING_KW);
}

/** Share (0..1) of the window's report times at which the baseline passes flow through the link. */
export function passingShare(ctx: CandidateContext, linkId: string): number {
  const at = inWindow(ctx.baseline, ctx.window);
  return share(ctx.baseline.links[linkId]?.flow, at, (q) => Math.abs(q) > PASSING_LPS);
}

export const percent = (x: number): string => `${Math.round(x * 100)} %`;
