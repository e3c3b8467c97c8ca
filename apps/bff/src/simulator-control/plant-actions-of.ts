import { AssetIdSchema, type CandidateAction, type Perturbation } from '@twinhelm/contracts';
import type { PlantAction } from '@twinhelm/simulator';

/** The longest hand hold the simulator accepts, plant seconds (PlantActionSchema). */
export const MAX_HOLD_S = 7 * 86_400;
/** The highest relative pump speed the simulator accepts. */
const MAX_SPEED = 3;

/** An asset's type in the site's network (`pump`, `valve`, `pipe`, …), undefined when unknown. */
export type AssetTypeOf = (assetId: string) => string | undefined;

/** What became of one perturbation of a recommendation. */
export type PerturbationOutcome =
  /** The plant carries it out with this action. */
  | { kind: 'mapped'; assetId: string; action: PlantAction; text: string }
  /** Nothing of its own to do: holding `assetId` by hand does it (a suspended control). */
  | { kind: 'covered'; assetId: string; text: string }
  /** The demo plant cannot carry it out; text says why. */
  | { kind: 'skipped'; assetId: string | null; text: string };

export interface PlantPlan {
  /** One per perturbation, action by action, in order. */
  outcomes: PerturbationOutcome[];
  /** The mapped actions, in order (what to hand to SimulatorControl.applyActions). */
  actions: PlantAction[];
}

type Step = Exclude<PerturbationOutcome, { kind: 'covered' }>;

/**
 * A recommendation's actions as operator actions on the demo plant (pure, never throws): a
 * pump-speed perturbation → pump-speed (0 stops), valve-setting → valve-setting, an outage of a
 * pump → pump-speed 0 and of a valve → valve closed, each held for its window (endS − startS
 * plant seconds, from now). A control suspended by a tank-control action is covered by holding
 * its pump by hand (a hand hold suspends the link's controls). Everything else (an outage of a
 * pipe, bursts, demands, tank levels, a control by itself, values the simulator would refuse)
 * is skipped with the reason; nothing is dropped silently.
 */
export function plantActionsOf(
  actions: readonly CandidateAction[],
  typeOf: AssetTypeOf,
): PlantPlan {
  const outcomes: PerturbationOutcome[] = [];
  for (const action of actions) {
    const steps = action.perturbations.map((p) => stepOf(p, action.kind, typeOf));
    const held = steps.flatMap((s) => (s.kind === 'mapped' ? [s.assetId] : []));
    action.perturbations.forEach((p, i) => {
      const step = steps[i];
      const by = held[0];
      if (p.type === 'control-disabled' && action.kind === 'tank-control' && by !== undefined)
        outcomes.push({
          kind: 'covered',
          assetId: by,
          text: `control ${String(p.controlIndex)} suspended: holding ${held.join(', ')} by hand suspends its controls`,
        });
      else if (step) outcomes.push(step);
    });
  }
  return {
    outcomes,
    actions: outcomes.flatMap((o) => (o.kind === 'mapped' ? [o.action] : [])),
  };
}

function stepOf(p: Perturbation, kind: CandidateAction['kind'], typeOf: AssetTypeOf): Step {
  switch (p.type) {
    case 'pump-speed':
      return pumpStep(p.assetId, p.speed, VERB_OF_KIND[kind] ?? 'run', p);
    case 'valve-setting':
      return valveStep(p.assetId, p.status ?? p.setting, p);
    case 'asset-outage': {
      const type = typeOf(p.assetId);
      if (type === 'pump') return pumpStep(p.assetId, 0, 'run', p);
      if (type === 'valve') return valveStep(p.assetId, 'closed', p);
      return skip(
        p.assetId,
        type === undefined
          ? `${p.assetId} out of service: not an asset of the site's network, so the plant cannot take it out`
          : `${p.assetId} out of service: a ${type}; the demo plant operates only pumps and valves by hand, it cannot close a ${type}`,
      );
    }
    case 'control-disabled':
      return skip(
        null,
        `control ${String(p.controlIndex)} suspended: the demo plant cannot suspend one control by itself (it suspends a pump's or valve's controls while holding it by hand)`,
      );
    case 'tank-level':
      return skip(
        p.assetId,
        `${p.assetId} held at ${String(p.levelM)} m: the demo plant cannot hold a tank's level`,
      );
    case 'burst':
      return skip(p.assetId, `burst at ${p.assetId}: an event to simulate, not an operator action`);
    case 'fire-flow':
      return skip(
        p.assetId,
        `fire flow at ${p.assetId}: a demand to simulate, not an operator action`,
      );
    case 'demand-multiplier':
      return skip(
        null,
        `demand × ${String(p.multiplier)}${p.dma ? ` in ${p.dma}` : ''}: a demand to simulate, not an operator action`,
      );
    default:
      return skip(null, `${describe(p)}: not an action the demo plant knows`);
  }
}

interface Window {
  startS: number;
  endS: number;
}

/** How a pump held at a speed reads, by the action's kind ("PU9 started at 100 %"). */
const VERB_OF_KIND: Partial<Record<CandidateAction['kind'], string>> = {
  'start-pump': 'started',
  'tank-control': 'held on',
};

function pumpStep(assetId: string, speed: number, verb: string, w: Window): Step {
  if (!(Number.isFinite(speed) && speed >= 0 && speed <= MAX_SPEED))
    return skip(assetId, `${assetId} at speed ${String(speed)}: outside 0–${MAX_SPEED}`);
  return held(assetId, w, (durationS) => ({
    action: { type: 'pump-speed', assetId, speed, durationS },
    what: speed === 0 ? `${assetId} stopped` : `${assetId} ${verb} at ${percent(speed)}`,
  }));
}

function valveStep(assetId: string, to: 'open' | 'closed' | number | undefined, w: Window): Step {
  if (to === 'open' || to === 'closed')
    return held(assetId, w, (durationS) => ({
      action: { type: 'valve-setting', assetId, status: to, durationS },
      what: `${assetId} ${to === 'open' ? 'opened' : 'closed'}`,
    }));
  if (typeof to !== 'number' || !Number.isFinite(to) || to < 0)
    return skip(assetId, `${assetId} setting ${String(to)}: not a setting ≥ 0`);
  return held(assetId, w, (durationS) => ({
    action: { type: 'valve-setting', assetId, setting: to, durationS },
    what: `${assetId} set to ${String(to)}`,
  }));
}

/** A hand hold over the window's length, from now; refuses windows the simulator would. */
function held(
  assetId: string,
  w: Window,
  make: (durationS: number) => { action: PlantAction; what: string },
): Step {
  if (!AssetIdSchema.safeParse(assetId).success)
    return skip(assetId, `"${assetId}": not an asset id, so the plant cannot act on it`);
  const span = w.endS - w.startS;
  if (!(Number.isFinite(span) && span > 0))
    return skip(assetId, `${assetId}: its window ${String(w.startS)}–${String(w.endS)} s is empty`);
  const durationS = Math.min(span, MAX_HOLD_S);
  const { action, what } = make(durationS);
  const capped = durationS < span ? ' (the longest hold the demo plant takes)' : '';
  const later = w.startS > 0 ? ` (simulated from +${durationText(w.startS)}; carried out now)` : '';
  return {
    kind: 'mapped',
    assetId,
    action,
    text: `${what} for ${durationText(durationS)}${capped}${later}`,
  };
}

const skip = (assetId: string | null, text: string): Step => ({ kind: 'skipped', assetId, text });

const percent = (speed: number): string => `${String(Math.round(speed * 100))} %`;

/** Plant seconds for people: "4 h", "1.5 h", "20 min", "45 s". */
export function durationText(s: number): string {
  if (s >= 3600) return `${String(Number((s / 3600).toFixed(1)))} h`;
  if (s >= 60 && s % 60 === 0) return `${String(s / 60)} min`;
  return `${String(Math.round(s))} s`;
}

/** A perturbation this build does not know (a newer solver's), as far as it can be named. */
function describe(p: unknown): string {
  const field = (name: string): unknown =>
    typeof p === 'object' && p !== null ? Reflect.get(p, name) : undefined;
  const type = field('type');
  const assetId = field('assetId');
  return `${typeof type === 'string' ? `a ${type} step` : 'a step of unknown type'}${typeof assetId === 'string' ? ` on ${assetId}` : ''}`;
}
