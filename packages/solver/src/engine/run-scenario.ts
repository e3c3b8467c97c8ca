import { type LiveState, type Scenario, type ScenarioResult } from '@twinhelm/contracts';
import { DemandModel, InitHydOption, type Project, TimeParameter } from 'epanet-js';
import { horizonOf, validateScenario } from '../scenario/validate-scenario';
import { bindLiveState, scaleRoughness, startClockOf } from '../state/bind-live-state';
import { validateLiveState } from '../state/validate-live-state';
import { collectAt, emptySeries } from './collect-series';
import { type OpenModel } from './open-model';
import { actionFor, needsPressureDriven, type TimedAction } from './perturbation-actions';
import { RunError } from './run-errors';
import { RunEdits } from './run-edits';
import { shapeResult } from './shape-result';

export interface RunBudget {
  /** Most hydraulic steps the run may take. */
  maxSteps: number;
  /** Wall-clock deadline (ms, on `now`'s clock); none when absent. */
  deadlineMs?: number;
  now?: () => number;
  /** Polled every step; a true answer stops the run. */
  isCancelled?: () => boolean;
}

/** What a run binds besides its scenario: the live state, and a roughness factor (ensembles). */
export interface RunBinding {
  /** Initial and boundary conditions from the twin; none: the file's own. */
  state?: LiveState | null;
  /** Multiplies every pipe's roughness coefficient for this run (default 1). */
  roughnessFactor?: number;
}

/** EPANET's pressure-driven parameters: no flow at or below 0 m, full demand at the service pressure. */
const PDA_MIN_PRESSURE_M = 0;
const PDA_EXPONENT = 0.5;

/**
 * Runs one scenario on an open model: binds the live state (initial tank levels, pump and valve
 * states, time of day, demand multipliers), applies each perturbation at its window's start and
 * undoes it at its end (the hydraulic step is cut so that a step falls on every window edge),
 * collects every node and link at each report time, evaluates KPIs, and puts the project
 * back to the file's state. Throws RunError (invalid scenario or state, budget, cancel) or
 * EPANET's own error.
 */
export function runScenario(
  model: OpenModel,
  scenario: Scenario,
  budget: RunBudget,
  engineVersion: string,
  binding: RunBinding = {},
): ScenarioResult {
  const state = binding.state ?? null;
  const roughnessFactor = binding.roughnessFactor ?? 1;
  const problems = [
    ...validateScenario(scenario, model.catalog),
    ...(state ? validateLiveState(state, model.catalog) : []),
    ...(Number.isFinite(roughnessFactor) && roughnessFactor > 0
      ? []
      : [`roughnessFactor ${roughnessFactor}: must be a finite number > 0`]),
  ];
  if (problems.length > 0) {
    throw new RunError({ kind: 'invalid', message: problems.join('; '), problems });
  }
  const { project } = model;
  const edits = new RunEdits(project);
  const horizon = horizonOf(scenario, model.catalog);
  const series = emptySeries(model);
  let steps = 0;
  let clock = 0;
  let open = false;
  try {
    edits.setTime(TimeParameter.Duration, horizon);
    if (scenario.reportStepS !== undefined) {
      edits.setTime(TimeParameter.ReportStep, scenario.reportStepS);
    }
    scaleRoughness(model, edits, roughnessFactor);
    if (state) bindLiveState(model, edits, state);
    if (needsPressureDriven(scenario.perturbations)) {
      const dm = project.getDemandModel();
      edits.onRestore(() => project.setDemandModel(dm.type, dm.pmin, dm.preq, dm.pexp));
      project.setDemandModel(
        DemandModel.PDA,
        PDA_MIN_PRESSURE_M,
        Math.max(scenario.servicePressureM, 0.1),
        PDA_EXPONENT,
      );
    }
    const actions = scenario.perturbations.map((p) => actionFor(p, model, edits));
    for (const a of actions) a.prepare?.();
    const events = eventsOf(actions);
    const edges = [...new Set(events.map((e) => e.time))].sort((a, b) => a - b);
    const reportStep = project.getTimeParameter(TimeParameter.ReportStep);
    const reportStart = project.getTimeParameter(TimeParameter.ReportStart);
    const hydStep = project.getTimeParameter(TimeParameter.HydStep);
    const qualStep = project.getTimeParameter(TimeParameter.QualStep);
    edits.onRestore(() => {
      project.setTimeParameter(TimeParameter.HydStep, hydStep);
      project.setTimeParameter(TimeParameter.QualStep, qualStep);
    });
    project.openH();
    open = true;
    project.initH(InitHydOption.InitFlow);
    let next = 0;
    let fired = 0;
    for (;;) {
      while (fired < events.length && (events[fired]?.time ?? Infinity) <= next) {
        events[fired]?.fire();
        fired++;
      }
      for (const a of actions) if (a.during && a.startS <= next && next < a.endS) a.during();
      clock = project.runH();
      if (clock >= reportStart && (clock - reportStart) % reportStep === 0) {
        collectAt(project, model, series, clock);
      }
      steps++;
      const edge = edges.find((e) => e > clock);
      const cut = edge !== undefined && edge - clock < hydStep;
      if (cut) project.setTimeParameter(TimeParameter.HydStep, edge - clock);
      const dt = project.nextH();
      if (cut) project.setTimeParameter(TimeParameter.HydStep, hydStep);
      if (dt <= 0) break;
      next = clock + dt;
      checkBudget(budget, steps, clock, horizon);
    }
    project.closeH();
    open = false;
  } finally {
    if (open) closeQuietly(project);
    edits.restore();
  }
  return shapeResult({
    model,
    scenario,
    series,
    engineVersion,
    steps,
    simulatedS: clock,
    state,
    startClockS: startClockOf(model, state),
  });
}

/** Window ends fire before starts at the same time, then in scenario order. */
function eventsOf(actions: TimedAction[]): { time: number; fire: () => void }[] {
  const events = actions.flatMap((a, i) => [
    { time: a.startS, order: 1, i, fire: a.begin },
    { time: a.endS, order: 0, i, fire: a.end },
  ]);
  return events.sort((a, b) => a.time - b.time || a.order - b.order || a.i - b.i);
}

function checkBudget(budget: RunBudget, steps: number, clock: number, horizon: number): void {
  const at = `at ${clock} s of ${horizon} s`;
  if (steps >= budget.maxSteps) {
    throw new RunError({
      kind: 'budget',
      message: `step budget reached: stopped after ${steps} hydraulic steps ${at}; raise maxSteps or shorten the horizon (the model may be taking tiny steps)`,
    });
  }
  if (budget.isCancelled?.() === true) {
    throw new RunError({ kind: 'cancelled', message: `run cancelled ${at}` });
  }
  const now = budget.now ?? Date.now;
  if (budget.deadlineMs !== undefined && now() > budget.deadlineMs) {
    throw new RunError({
      kind: 'budget',
      message: `wall-time budget reached ${at} after ${steps} hydraulic steps; allow more time or shorten the horizon`,
    });
  }
}

function closeQuietly(project: Project): void {
  try {
    project.closeH();
  } catch {
    // the run already failed; its own error is the one reported.
  }
}
