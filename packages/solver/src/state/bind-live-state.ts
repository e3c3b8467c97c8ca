import { type LiveState } from '@twinhelm/contracts';
import { LinkProperty, NodeProperty, type Project, TimeParameter } from 'epanet-js';
import { linkInitials, normalizeTanks, restoreLink } from '../engine/normalize-model';
import { type OpenModel } from '../engine/open-model';
import { type RunEdits } from '../engine/run-edits';

const DAY_S = 86_400;

/** Time of day (s after midnight) of the run's t = 0: the state's, else the file's START CLOCKTIME. */
export function startClockOf(model: OpenModel, state: LiveState | null): number {
  return state ? state.timeOfDayS : model.times.startClockS;
}

/**
 * The pattern time at which a run starting at `timeOfDayS` begins. The file's patterns are
 * aligned with its own start: pattern time PATTERN START falls at START CLOCKTIME. Wraps by a day
 * (patterns of a week keep the file's day).
 */
export function patternStartFor(model: OpenModel, timeOfDayS: number): number {
  let start = timeOfDayS - model.times.startClockS + model.times.patternStartS;
  while (start < 0) start += DAY_S;
  return start;
}

/** Multiplies every pipe's roughness coefficient (as EPANET stores it: H-W C, D-W ε or Manning n). */
export function scaleRoughness(model: OpenModel, edits: RunEdits, factor: number): void {
  if (factor === 1) return;
  model.linkIds.forEach((id, k) => {
    if (model.catalog.links.get(id) !== 'pipe') return;
    const i = k + 1;
    edits.setLink(
      i,
      LinkProperty.Roughness,
      model.project.getLinkValue(i, LinkProperty.Roughness) * factor,
    );
  });
}

/**
 * Binds a live state before the hydraulics open, as if the file said so: the clock (START
 * CLOCKTIME and PATTERN START, so that patterns and clock-time controls start at the state's
 * time of day), initial tank levels, initial pump and valve status and setting, and demand
 * multipliers over the whole run (all junctions, then per DMA; they multiply). Every change is
 * recorded in `edits` and undone after the run.
 */
export function bindLiveState(model: OpenModel, edits: RunEdits, state: LiveState): void {
  edits.setTime(TimeParameter.StartTime, state.timeOfDayS);
  edits.setTime(TimeParameter.PatternStart, patternStartFor(model, state.timeOfDayS));
  if (Object.keys(state.tanks).length > 0) normalizeTanks(model);
  for (const [id, tank] of Object.entries(state.tanks)) {
    const limits = model.catalog.tankLimits.get(id) ?? { minLevelM: 0, maxLevelM: Infinity };
    const level = Math.min(limits.maxLevelM, Math.max(limits.minLevelM, tank.levelM));
    edits.setNode(model.nodeIndex.get(id) ?? 0, NodeProperty.TankLevel, level);
  }
  for (const [id, pump] of Object.entries(state.pumps)) {
    const i = model.linkIndex.get(id) ?? 0;
    keepInitialLink(model, edits, i);
    bindPump(model.project, i, pump);
  }
  for (const [id, valve] of Object.entries(state.valves)) {
    const i = model.linkIndex.get(id) ?? 0;
    keepInitialLink(model, edits, i);
    bindValve(model.project, i, valve);
  }
  const { all, dma } = state.demandMultipliers;
  if (all !== undefined) {
    model.nodeIds.forEach((id, k) => {
      if (model.catalog.nodes.get(id) === 'junction') edits.multiplyDemand(k + 1, all, true);
    });
  }
  for (const [name, factor] of Object.entries(dma ?? {})) {
    for (const id of model.catalog.dmas.get(name) ?? []) {
      edits.multiplyDemand(model.nodeIndex.get(id) ?? 0, factor, true);
    }
  }
}

/**
 * A pump off is closed; a pump on is opened, then given its speed (or nominal speed when it has
 * none and the file's is 0), the way a toolkit user would write it.
 */
function bindPump(project: Project, link: number, pump: LiveState['pumps'][string]): void {
  if (!pump.on) {
    project.setLinkValue(link, LinkProperty.InitStatus, 0);
    return;
  }
  if (project.getLinkValue(link, LinkProperty.InitStatus) === 0) {
    project.setLinkValue(link, LinkProperty.InitStatus, 1);
  }
  const current = project.getLinkValue(link, LinkProperty.InitSetting);
  const speed = pump.speed ?? (current > 0 ? current : 1);
  if (speed !== current) project.setLinkValue(link, LinkProperty.InitSetting, speed);
}

/** A valve closed stays closed; else a setting makes it active; else it is fixed open. */
function bindValve(project: Project, link: number, valve: LiveState['valves'][string]): void {
  if (valve.status === 'closed') project.setLinkValue(link, LinkProperty.InitStatus, 0);
  else if (valve.setting !== undefined) {
    project.setLinkValue(link, LinkProperty.InitSetting, valve.setting);
  } else if (valve.status === 'open') project.setLinkValue(link, LinkProperty.InitStatus, 1);
}

/** Records how to put a link's initial status and setting back after the run. */
function keepInitialLink(model: OpenModel, edits: RunEdits, link: number): void {
  const initials = linkInitials(model.project, link);
  edits.onRestore(() => restoreLink(model.project, link, initials));
}
