import type { AssetVisual } from '../geometry/asset-visual';
import { flowDirection, writeArrow, FLOW_ARROW_THRESHOLD } from '../geometry/flow-arrows';
import { writeScaleRotateY } from '../geometry/matrices';
import type { Point3 } from '../layout/layout';
import type { ColorBy } from '../scene-api';
import type { ValueSource } from '../state/value-store';
import { hexToRgb } from './hex';
import {
  RAMPS,
  SELECTED_LIGHTEN,
  STOPPED_COLOUR,
  TANK_FILL_NEUTRAL,
  TANK_SHELL_COLOUR,
  UNMEASURED,
  binIndex,
} from './palette';

type Rgb = readonly [number, number, number];

const RAMP_RGB: Record<ColorBy, Rgb[]> = {
  pressure: RAMPS.pressure.bins.map((b) => hexToRgb(b.color)),
  flow: RAMPS.flow.bins.map((b) => hexToRgb(b.color)),
  velocity: RAMPS.velocity.bins.map((b) => hexToRgb(b.color)),
  level: RAMPS.level.bins.map((b) => hexToRgb(b.color)),
};
const GREY = hexToRgb(UNMEASURED.color);
const STOPPED = hexToRgb(STOPPED_COLOUR);
const SHELL = hexToRgb(TANK_SHELL_COLOUR);
const FILL = hexToRgb(TANK_FILL_NEUTRAL);
const RUNNING = hexToRgb('#d7dde3');
const ARROW = hexToRgb('#eef1f4');
const fillCentre: Point3 = [0, 0, 0];

/** The value an asset is coloured by, NaN when it has none (unmeasured or not applicable). */
export function colourValue(visual: AssetVisual, colorBy: ColorBy, store: ValueSource): number {
  const slot = visual.slot;
  switch (colorBy) {
    case 'pressure':
      return visual.type === 'junction' || visual.type === 'tank'
        ? store.get(slot, 'pressure')
        : Number.NaN;
    case 'flow':
      return visual.type === 'pipe' || visual.type === 'pump' || visual.type === 'valve'
        ? Math.abs(store.get(slot, 'flow'))
        : Number.NaN;
    case 'velocity':
      return visual.type === 'pipe' ? Math.abs(store.get(slot, 'velocity')) : Number.NaN;
    case 'level':
      return visual.tank ? (store.get(slot, 'level') / visual.tank.maxLevel) * 100 : Number.NaN;
  }
}

/** Pump state from telemetry: status wins, otherwise flow; null when nothing is known. */
export function pumpRunning(visual: AssetVisual, store: ValueSource): boolean | null {
  const status = store.get(visual.slot, 'status');
  if (!Number.isNaN(status)) return status > 0;
  const flow = store.get(visual.slot, 'flow');
  if (!Number.isNaN(flow)) return Math.abs(flow) > FLOW_ARROW_THRESHOLD;
  return null;
}

function rampColour(value: number, colorBy: ColorBy): Rgb | null {
  const bin = binIndex(RAMPS[colorBy], value);
  return bin < 0 ? null : (RAMP_RGB[colorBy][bin] ?? null);
}

function baseColour(visual: AssetVisual, colorBy: ColorBy, store: ValueSource): Rgb {
  const ramp = rampColour(colourValue(visual, colorBy, store), colorBy);
  if (visual.type === 'pump') {
    const running = pumpRunning(visual, store);
    if (running === false) return STOPPED;
    return ramp ?? (running ? RUNNING : GREY);
  }
  if (
    (visual.type === 'valve' || visual.type === 'pipe') &&
    store.get(visual.slot, 'status') === 0
  ) {
    return STOPPED;
  }
  if (visual.type === 'tank') return ramp ?? SHELL;
  return ramp ?? GREY;
}

/** Write an asset's colours, tank fill and flow arrow into its batches' buffers. */
export function paintAsset(
  visual: AssetVisual,
  colorBy: ColorBy,
  store: ValueSource,
  selected: boolean,
): void {
  const base = baseColour(visual, colorBy, store);
  const colour = selected ? lighten(base, SELECTED_LIGHTEN) : base;
  for (const part of visual.parts) part.batch.setColor(part.index, colour);

  const tank = visual.tank;
  if (tank) {
    const level = store.get(visual.slot, 'level');
    const fraction = Number.isNaN(level) ? 0 : Math.min(1, Math.max(0, level / tank.maxLevel));
    const h = Math.max(tank.height * fraction, 1e-4);
    fillCentre[0] = tank.base[0];
    fillCentre[1] = tank.base[1] + h / 2;
    fillCentre[2] = tank.base[2];
    const { batch, index } = tank.fill;
    writeScaleRotateY(batch.matrices, index * 16, fillCentre, tank.diameter, h, 0);
    batch.markMatrixDirty();
    const fillColour =
      colorBy === 'level' ? rampColour(colourValue(visual, colorBy, store), colorBy) : null;
    batch.setColor(index, fillColour ?? FILL);
  }

  const arrow = visual.arrow;
  if (arrow) {
    const { batch, index } = arrow.ref;
    writeArrow(batch.matrices, index * 16, arrow, flowDirection(store.get(visual.slot, 'flow')));
    batch.markMatrixDirty();
    batch.setColor(index, ARROW);
  }
}

/** `rgb` mixed with white: share 0 keeps it, 1 is white. */
export function lighten(rgb: Rgb, share: number): Rgb {
  return [
    rgb[0] + (1 - rgb[0]) * share,
    rgb[1] + (1 - rgb[1]) * share,
    rgb[2] + (1 - rgb[2]) * share,
  ];
}

/** Fraction of the tank's height its fill instance shows (for inspection and tests). */
export function tankFillFraction(visual: AssetVisual): number | undefined {
  const tank = visual.tank;
  if (!tank) return undefined;
  const h = tank.fill.batch.matrices[tank.fill.index * 16 + 5] ?? 0;
  return h <= 1e-3 ? 0 : h / tank.height;
}
