import {
  type AssetType,
  AssetIdSchema,
  type LiveState,
  type MetricValue,
  type TwinState,
} from '@twinhelm/contracts';

export interface LiveStateOptions {
  /** The run's start, epoch ms: its time of day is the run's. */
  nowMs: number;
  /** The site's offset from UTC, minutes (e.g. 60 for UTC+1). */
  utcOffsetMin: number;
  /** Samples older than this (ms before nowMs) are left out; default: none are. */
  maxAgeMs?: number;
}

const DAY_S = 86_400;
const MAX_SPEED = 3;
/** UTC offsets lie within ±14 h; anything past a day is clamped. */
const MAX_OFFSET_MIN = 1440;

/**
 * Turns the twin's latest values into a live state to bind to a run (pure, never throws):
 * tanks' `level` (m) → initial level; pumps' `status` (1 running, 0 stopped) and `speed`
 * (relative) → initial status and speed; valves' `status` (0 closed, 1 open, 2 active) and
 * `setting` (m or L/s) → closed, else the setting (EPANET then decides whether it regulates),
 * else fixed open. Unknown assets, other metrics, and non-finite or out-of-range values are
 * left out. `takenAt` is the newest sample used (nowMs when none is).
 */
export function liveStateFromTwin(
  twinState: TwinState,
  assets: readonly { id: string; type: AssetType }[],
  opts: LiveStateOptions,
): LiveState {
  const nowMs = finiteOr(opts.nowMs, 0);
  const oldestMs =
    opts.maxAgeMs !== undefined && Number.isFinite(opts.maxAgeMs)
      ? nowMs - opts.maxAgeMs
      : -Infinity;
  let newest = -Infinity;
  const read = (metrics: Record<string, MetricValue>, metric: string): number | undefined => {
    if (!Object.hasOwn(metrics, metric)) return undefined;
    const sample = metrics[metric];
    if (sample === undefined || typeof sample.v !== 'number' || typeof sample.ts !== 'number') {
      return undefined;
    }
    if (!Number.isFinite(sample.v) || !Number.isFinite(sample.ts) || sample.ts < oldestMs) {
      return undefined;
    }
    return sample.v;
  };
  const used = (metrics: Record<string, MetricValue>, names: string[]): void => {
    for (const name of names) {
      if (read(metrics, name) !== undefined) newest = Math.max(newest, metrics[name]?.ts ?? newest);
    }
  };
  const tanks: [string, LiveState['tanks'][string]][] = [];
  const pumps: [string, LiveState['pumps'][string]][] = [];
  const valves: [string, LiveState['valves'][string]][] = [];
  for (const { id, type } of assets) {
    if (!AssetIdSchema.safeParse(id).success || !Object.hasOwn(twinState, id)) continue;
    const metrics = twinState[id];
    if (metrics === undefined || typeof metrics !== 'object') continue;
    if (type === 'tank') {
      const level = read(metrics, 'level');
      if (level === undefined || level < 0) continue;
      tanks.push([id, { levelM: level }]);
      used(metrics, ['level']);
    } else if (type === 'pump') {
      const pump = pumpState(read(metrics, 'status'), read(metrics, 'speed'));
      if (pump === undefined) continue;
      pumps.push([id, pump.state]);
      used(metrics, pump.from);
    } else if (type === 'valve') {
      const valve = valveState(read(metrics, 'status'), read(metrics, 'setting'));
      if (valve === undefined) continue;
      valves.push([id, valve.state]);
      used(metrics, valve.from);
    }
  }
  const offsetS =
    Math.min(Math.max(finiteOr(opts.utcOffsetMin, 0), -MAX_OFFSET_MIN), MAX_OFFSET_MIN) * 60;
  const localS = Math.floor(nowMs / 1000) + Math.round(offsetS);
  return {
    takenAt: newest === -Infinity ? nowMs : newest,
    timeOfDayS: ((localS % DAY_S) + DAY_S) % DAY_S,
    tanks: Object.fromEntries(tanks),
    pumps: Object.fromEntries(pumps),
    valves: Object.fromEntries(valves),
    demandMultipliers: {},
  };
}

function pumpState(
  status: number | undefined,
  speed: number | undefined,
): { state: LiveState['pumps'][string]; from: string[] } | undefined {
  const validSpeed = speed !== undefined && speed >= 0 && speed <= MAX_SPEED ? speed : undefined;
  if (status === undefined) {
    if (validSpeed === undefined) return undefined;
    return validSpeed > 0
      ? { state: { on: true, speed: validSpeed }, from: ['speed'] }
      : { state: { on: false }, from: ['speed'] };
  }
  const on = status >= 0.5;
  if (on && validSpeed !== undefined && validSpeed > 0) {
    return { state: { on, speed: validSpeed }, from: ['status', 'speed'] };
  }
  return { state: { on }, from: ['status'] };
}

function valveState(
  status: number | undefined,
  setting: number | undefined,
): { state: LiveState['valves'][string]; from: string[] } | undefined {
  const validSetting = setting !== undefined && setting >= 0 ? setting : undefined;
  if (status !== undefined && Math.round(status) === 0) {
    return { state: { status: 'closed' }, from: ['status'] };
  }
  if (validSetting !== undefined) {
    return {
      state: { setting: validSetting },
      from: status === undefined ? ['setting'] : ['status', 'setting'],
    };
  }
  if (status !== undefined && (Math.round(status) === 1 || Math.round(status) === 2)) {
    return { state: { status: 'open' }, from: ['status'] };
  }
  return undefined;
}

const finiteOr = (value: number, fallback: number): number =>
  Number.isFinite(value) ? value : fallback;
