import { type BurstSize, type Perturbation } from '@twinhelm/contracts';
import { LinkProperty, NodeProperty } from 'epanet-js';
import { normalizeTanks } from './normalize-model';
import { type OpenModel } from './open-model';
import { type RunEdits } from './run-edits';

/** A perturbation turned into engine edits at the start and end of its window. */
export interface TimedAction {
  startS: number;
  endS: number;
  /** Before openH: structural edits (demand categories). */
  prepare?: () => void;
  begin: () => void;
  end: () => void;
  /** Before every hydraulic step inside the window. */
  during?: () => void;
}

const GRAVITY = 9.80665;
const FIXED = 1e9;

/** Emitter coefficient in L/s per m^0.5 for a burst size. */
export function emitterCoefficient(size: BurstSize): number {
  if (size.kind === 'coefficient') return size.lpsPerSqrtM;
  const area = (Math.PI * (size.diameterMm / 1000) ** 2) / 4;
  return size.dischargeCoefficient * area * Math.sqrt(2 * GRAVITY) * 1000;
}

/** Whether the scenario needs pressure-driven analysis (demand that cannot be met). */
export function needsPressureDriven(perturbations: readonly Perturbation[]): boolean {
  return perturbations.some((p) => ['asset-outage', 'burst', 'fire-flow'].includes(p.type));
}

export function actionFor(p: Perturbation, model: OpenModel, edits: RunEdits): TimedAction {
  const { project } = model;
  const window = { startS: p.startS, endS: p.endS };
  const node = (id: string): number => model.nodeIndex.get(id) ?? 0;
  const link = (id: string): number => model.linkIndex.get(id) ?? 0;
  switch (p.type) {
    case 'asset-outage':
      return linkOverride(window, link(p.assetId), model, edits, (i) =>
        project.setLinkValue(i, LinkProperty.Status, 0),
      );
    case 'pump-speed':
      return linkOverride(window, link(p.assetId), model, edits, (i) =>
        project.setLinkValue(i, LinkProperty.Setting, p.speed),
      );
    case 'valve-setting':
      return linkOverride(window, link(p.assetId), model, edits, (i) => {
        if (p.status !== undefined) {
          project.setLinkValue(i, LinkProperty.Status, p.status === 'open' ? 1 : 0);
        } else {
          project.setLinkValue(i, LinkProperty.Setting, p.setting ?? 0);
        }
      });
    case 'burst': {
      const k = emitterCoefficient(p.size);
      const i = node(p.assetId);
      return {
        ...window,
        begin: () => edits.addLeak(i, k, true),
        end: () => edits.addLeak(i, k, false),
      };
    }
    case 'fire-flow': {
      const i = node(p.assetId);
      return {
        ...window,
        prepare: () => edits.reserveExtraDemand(i),
        begin: () => edits.addExtraDemand(i, p.flowLps, true),
        end: () => edits.addExtraDemand(i, p.flowLps, false),
      };
    }
    case 'demand-multiplier': {
      const ids =
        p.junctionIds ??
        (p.dma !== undefined
          ? (model.catalog.dmas.get(p.dma) ?? [])
          : model.nodeIds.filter(isJunction(model)));
      const targets = ids.map(node);
      const apply = (on: boolean) => () => {
        for (const i of targets) edits.multiplyDemand(i, p.multiplier, on);
      };
      return { ...window, begin: apply(true), end: apply(false) };
    }
    case 'tank-level': {
      const i = node(p.assetId);
      const hold = (): void => project.setNodeValue(i, NodeProperty.TankLevel, p.levelM);
      const prepare = (): void => {
        normalizeTanks(model);
        const initial = project.getNodeValue(i, NodeProperty.TankLevel);
        edits.onRestore(() => project.setNodeValue(i, NodeProperty.TankLevel, initial));
      };
      return { ...window, prepare, begin: hold, during: hold, end: () => undefined };
    }
    case 'control-disabled':
      return {
        ...window,
        begin: () => edits.holdControl(p.controlIndex, true),
        end: () => edits.holdControl(p.controlIndex, false),
      };
  }
}

const isJunction =
  (model: OpenModel) =>
  (id: string): boolean =>
    model.catalog.nodes.get(id) === 'junction';

/** Suspends the link's controls and rules through the window; puts its state back after. */
function linkOverride(
  window: { startS: number; endS: number },
  index: number,
  model: OpenModel,
  edits: RunEdits,
  apply: (index: number) => void,
): TimedAction {
  const { project } = model;
  const kind = model.catalog.links.get(model.linkIds[index - 1] ?? '');
  let before = { status: 1, setting: 1 };
  return {
    ...window,
    begin: () => {
      before = edits.linkState(index);
      edits.holdLinkControls(index, true);
      apply(index);
    },
    end: () => {
      edits.holdLinkControls(index, false);
      if (before.status === 0) {
        project.setLinkValue(index, LinkProperty.Status, 0);
      } else if (kind === 'pipe' || Math.abs(before.setting) >= FIXED) {
        project.setLinkValue(index, LinkProperty.Status, 1);
      } else {
        project.setLinkValue(index, LinkProperty.Setting, before.setting);
      }
    },
  };
}
