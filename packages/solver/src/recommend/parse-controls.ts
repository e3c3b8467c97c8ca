import { type InpSection } from '../inp/tokenize';
import { type UnitSystem } from '../inp/units';

/** What a simple control does to its link. */
export type ControlAction = { status: 'open' | 'closed' } | { setting: number };

/** A simple control of [CONTROLS], as the engine indexes it. */
export interface SimpleControl {
  /** 1-based in file order: the engine's control index (perturbation `control-disabled`). */
  index: number;
  linkId: string;
  action: ControlAction;
  condition:
    | {
        kind: 'node';
        nodeId: string;
        above: boolean;
        /** In SI: m of level for a tank, m of pressure for a junction, m of head for a reservoir. */
        value: number;
      }
    | { kind: 'time'; clock: boolean; text: string };
}

/**
 * Reads the simple controls of [CONTROLS] (LINK id status IF NODE id ABOVE|BELOW value, LINK id
 * status AT TIME|CLOCKTIME t). Lines of another shape keep their index but are not returned, so
 * indices always match the engine's. `tankIds` tells level controls from pressure controls.
 */
export function parseControls(
  sections: readonly InpSection[],
  units: UnitSystem,
  tankIds: ReadonlySet<string>,
): SimpleControl[] {
  const out: SimpleControl[] = [];
  let index = 0;
  for (const section of sections) {
    if (section.name !== 'CONTROLS') continue;
    for (const { tokens } of section.lines) {
      index++;
      const control = readControl(index, tokens, units, tankIds);
      if (control) out.push(control);
    }
  }
  return out;
}

function readControl(
  index: number,
  tokens: readonly string[],
  units: UnitSystem,
  tankIds: ReadonlySet<string>,
): SimpleControl | undefined {
  const word = (i: number): string => (tokens[i] ?? '').toUpperCase();
  const linkId = tokens[1];
  if (word(0) !== 'LINK' || linkId === undefined) return undefined;
  const action = actionOf(tokens[2] ?? '');
  if (!action) return undefined;
  if (word(3) === 'IF' && word(4) === 'NODE') {
    const nodeId = tokens[5];
    const value = Number(tokens[7]);
    const side = word(6);
    if (nodeId === undefined || !Number.isFinite(value) || (side !== 'ABOVE' && side !== 'BELOW')) {
      return undefined;
    }
    const factor = tankIds.has(nodeId) ? units.length : units.pressure;
    return {
      index,
      linkId,
      action,
      condition: { kind: 'node', nodeId, above: side === 'ABOVE', value: value * factor },
    };
  }
  if (word(3) === 'AT' && (word(4) === 'TIME' || word(4) === 'CLOCKTIME')) {
    const text = tokens.slice(5).join(' ');
    return {
      index,
      linkId,
      action,
      condition: { kind: 'time', clock: word(4) === 'CLOCKTIME', text },
    };
  }
  return undefined;
}

function actionOf(token: string): ControlAction | undefined {
  const upper = token.toUpperCase();
  if (upper === 'OPEN') return { status: 'open' };
  if (upper === 'CLOSED') return { status: 'closed' };
  const value = Number(token);
  return token.length > 0 && Number.isFinite(value) ? { setting: value } : undefined;
}

/** Whether a control stops (closes) its link. */
export const stopsLink = (c: SimpleControl): boolean =>
  'status' in c.action ? c.action.status === 'closed' : c.action.setting === 0;

/**
 * The level control that stops a pump when a tank rises above a level (LINK P CLOSED IF NODE T
 * ABOVE x), when the file has one.
 */
export function levelStopControl(
  controls: readonly SimpleControl[],
  pumpId: string,
  tankIds: ReadonlySet<string>,
): (SimpleControl & { condition: { kind: 'node' } }) | undefined {
  for (const c of controls) {
    if (c.linkId !== pumpId || !stopsLink(c)) continue;
    const cond = c.condition;
    if (cond.kind === 'node' && cond.above && tankIds.has(cond.nodeId)) {
      return { ...c, condition: cond };
    }
  }
  return undefined;
}
