import { type NetworkLink } from '@twinhelm/contracts';
import {
  type Candidate,
  type CandidateContext,
  hours,
  percent,
  runningShare,
  windowText,
} from './candidate';
import { levelStopControl } from './parse-controls';

/** A pump off for at least this share of the window is standby: starting it is a candidate. */
export const STANDBY_SHARE = 0.5;
/** Speeds tried for pumps that run; only pumps with a head curve (the affinity laws need one). */
export const SPEED_STEPS = [1.1, 1.2] as const;

type Pump = Extract<NetworkLink, { type: 'pump' }>;

const pumpsOf = (ctx: CandidateContext): Pump[] =>
  ctx.topology.model.links.filter((l): l is Pump => l.type === 'pump' && !ctx.touched.has(l.id));

/** Pumps the scenario takes out, whose stations get their standby pumps started first. */
function outagedPumps(ctx: CandidateContext): Set<string> {
  const out = new Set<string>();
  for (const p of ctx.scenario.perturbations) {
    if (p.type === 'asset-outage' || (p.type === 'pump-speed' && p.speed === 0)) out.add(p.assetId);
  }
  return out;
}

const HELD_CONTROLS = 'its controls suspended meanwhile';

/** Start pumps that are off for most of the window (standby units), at full speed. */
export function startPumpCandidates(ctx: CandidateContext): Candidate[] {
  const out = outagedPumps(ctx);
  return pumpsOf(ctx).flatMap((pump) => {
    const running = runningShare(ctx, pump.id);
    if (running > 1 - STANDBY_SHARE) return [];
    const station = ctx.topology.stations.get(pump.id) ?? [pump.id];
    const partner = station.find((id) => id !== pump.id && out.has(id));
    const why =
      partner !== undefined
        ? `standby at ${partner}'s station`
        : running === 0
          ? 'off in the baseline'
          : `running ${percent(running)} of the window in the baseline`;
    return [
      {
        label: `Start ${pump.id}`,
        action: {
          kind: 'start-pump',
          assetIds: [pump.id],
          description: `Start pump ${pump.id} (${why}) at 100 % speed ${windowText(ctx.window)}, ${HELD_CONTROLS}`,
          perturbations: [{ type: 'pump-speed', assetId: pump.id, speed: 1, ...ctx.window }],
        },
        assumptions: [`${pump.id} is available and primed, and starts at once.`],
      },
    ];
  });
}

/** Run pumps that already run faster, continuously, where a head curve allows it. */
export function pumpSpeedCandidates(ctx: CandidateContext): Candidate[] {
  return pumpsOf(ctx).flatMap((pump) => {
    if (!pump.curve || pump.curve.length === 0) return [];
    if (runningShare(ctx, pump.id) === 0) return [];
    const nominal = pump.speed ?? 1;
    return SPEED_STEPS.filter((s) => s > nominal).map((speed) => ({
      label: `${pump.id} at ${percent(speed)}`,
      action: {
        kind: 'pump-speed' as const,
        assetIds: [pump.id],
        description: `Run pump ${pump.id} continuously at ${percent(speed)} speed ${windowText(ctx.window)}, ${HELD_CONTROLS}`,
        perturbations: [{ type: 'pump-speed' as const, assetId: pump.id, speed, ...ctx.window }],
      },
      assumptions: [
        `${pump.id}'s drive can run at ${percent(speed)} speed; its head curve is scaled by the affinity laws.`,
      ],
    }));
  });
}

/**
 * Shift a tank's level control: a pump that cycles on a tank level is kept running through
 * the window instead of stopping at the control's level (the control suspended, the pump held
 * at full speed), so the tank is filled ahead of the trouble.
 */
export function tankControlCandidates(ctx: CandidateContext): Candidate[] {
  return pumpsOf(ctx).flatMap((pump) => {
    const running = runningShare(ctx, pump.id);
    if (running <= 1 - STANDBY_SHARE || running >= 1) return [];
    const stop = levelStopControl(ctx.topology.controls, pump.id, ctx.topology.tankIds);
    if (!stop) return [];
    const tank = stop.condition.nodeId;
    const level = Number(stop.condition.value.toFixed(2));
    return [
      {
        label: `Keep ${pump.id} filling ${tank}`,
        action: {
          kind: 'tank-control',
          assetIds: [pump.id],
          description: `Keep pump ${pump.id} running ${windowText(ctx.window)} instead of stopping when ${tank} rises above ${level} m (control ${stop.index} suspended, the pump held at 100 % speed)`,
          perturbations: [
            { type: 'control-disabled', controlIndex: stop.index, ...ctx.window },
            { type: 'pump-speed', assetId: pump.id, speed: 1, ...ctx.window },
          ],
        },
        assumptions: [
          `${tank} may fill to its top while ${pump.id} is held on until ${hours(ctx.window.endS)}; an overflow counts as a violation.`,
        ],
      },
    ];
  });
}

/**
 * Stop pumps that fill a tank the baseline overflows: pumps whose level controls watch that
 * tank and that run in the window.
 */
export function stopPumpCandidates(ctx: CandidateContext): Candidate[] {
  const overflowing = new Set(
    ctx.baseline.violations.filter((v) => v.kind === 'tank-overflow').map((v) => v.assetId),
  );
  if (overflowing.size === 0) return [];
  return pumpsOf(ctx).flatMap((pump) => {
    const tank = ctx.topology.controls.find(
      (c) =>
        c.linkId === pump.id && c.condition.kind === 'node' && overflowing.has(c.condition.nodeId),
    )?.condition;
    if (tank?.kind !== 'node' || runningShare(ctx, pump.id) === 0) return [];
    return [
      {
        label: `Stop ${pump.id}`,
        action: {
          kind: 'stop-pump' as const,
          assetIds: [pump.id],
          description: `Stop pump ${pump.id}, which fills ${tank.nodeId} (overflowing in the baseline), ${windowText(ctx.window)}, its controls suspended meanwhile`,
          perturbations: [
            { type: 'pump-speed' as const, assetId: pump.id, speed: 0, ...ctx.window },
          ],
        },
        assumptions: [`${pump.id} can be stopped for the whole window.`],
      },
    ];
  });
}
