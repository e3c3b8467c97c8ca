// Part 1 of the alarm bench: the rule evaluator alone (@twinhelm/alarms, one thread) on
// C-Town with 10 rules per junction, fed the publisher's kind of traffic (RATE msg/s of 3
// values round-robin over the junctions, surges raising and clearing pressure-high, modelled
// pressures every 10 s for the residual rules). Timed in CPU time and wall time.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  alarmAssetsFromNetwork,
  createRuleEvaluator,
  resolveSiteRules,
  type AlarmSample,
} from '@twinhelm/alarms';
import type { AlarmRule } from '@twinhelm/contracts';
import { parseInp } from '@twinhelm/solver';
import { benchJunctions, JunctionValues } from './junction-values';
import { SurgeSchedule } from './surge-schedule';
import { checkTenRules, tenRuleOverrides } from './ten-rules';

export const CTOWN_FILE = resolve(import.meta.dirname, '../../../../data/networks/CTOWN.INP');

export interface PureOptions {
  rate: number;
  surgesPerS: number;
  victims: number;
  hold: number;
  /** Sample time per timed round, s. */
  roundS: number;
  rounds: number;
}

export interface PureRound {
  messages: number;
  samples: number;
  evaluations: number;
  changes: number;
  cpuS: number;
  wallS: number;
}

export interface PureResult {
  junctions: number;
  suctions: number;
  assetsWithRules: number;
  kinds: Record<AlarmRule['kind'], number>;
  warmup: PureRound;
  rounds: PureRound[];
  /** One evaluator.tick (stale watches of every asset), median over 200, ms. */
  tickMs: number;
}

const MODEL_EVERY_MS = 10_000;

/** Where the traffic generator stands between rounds. */
interface TrafficState {
  message: number;
  toggles: number;
  nextModelAt: number;
  surging: Uint8Array;
}

/** The traffic up to `toMs` of sample time, as the publisher would send it. */
function traffic(
  values: JunctionValues,
  schedule: SurgeSchedule,
  state: TrafficState,
  options: PureOptions,
  toMs: number,
): { samples: AlarmSample[]; messages: number } {
  const samples: AlarmSample[] = [];
  const n = values.junctions.length;
  const first = state.message;
  const last = Math.round((toMs / 1000) * options.rate);
  for (; state.message < last; state.message++) {
    const ts = Math.floor((state.message / options.rate) * 1000);
    if (ts >= state.nextModelAt) {
      state.nextModelAt += MODEL_EVERY_MS;
      values.junctions.forEach((j, i) =>
        samples.push({
          assetId: j.id,
          metric: 'pressure',
          value: values.modelled(i, ts),
          ts,
          source: 'model',
        }),
      );
    }
    let index = state.message % n;
    if (state.toggles < Math.floor((ts / 1000) * options.surgesPerS)) {
      const toggle = schedule.toggle(state.toggles);
      state.toggles += 1;
      if (toggle) {
        index = toggle.index;
        state.surging[index] = toggle.active ? 1 : 0;
      }
    }
    const assetId = values.junctions[index]?.id ?? '';
    const reading = values.reading(index, ts, state.surging[index] === 1);
    samples.push(
      { assetId, metric: 'pressure', value: reading.pressure, ts },
      { assetId, metric: 'head', value: reading.head, ts },
      { assetId, metric: 'demand', value: reading.demand, ts },
    );
  }
  return { samples, messages: last - first };
}

export function runPureEvaluation(options: PureOptions): PureResult {
  const parsed = parseInp(readFileSync(CTOWN_FILE, 'utf8'));
  if (!parsed.ok)
    throw new Error(`${CTOWN_FILE}: ${parsed.errors.map((e) => e.message).join('; ')}`);
  const junctions = benchJunctions(parsed.model);
  const resolved = resolveSiteRules(
    alarmAssetsFromNetwork(parsed.model),
    tenRuleOverrides(junctions),
  );
  if (!resolved.ok) throw new Error(`bench rule set refused: ${resolved.errors.join('; ')}`);
  const kinds = checkTenRules(resolved.assets, junctions);
  const evaluator = createRuleEvaluator(resolved.assets);
  const values = new JunctionValues(junctions);
  const schedule = new SurgeSchedule(junctions, options.victims, options.hold);
  const state: TrafficState = {
    message: 0,
    toggles: 0,
    nextModelAt: 0,
    surging: new Uint8Array(junctions.length),
  };

  const timed = (toMs: number): PureRound => {
    const { samples, messages } = traffic(values, schedule, state, options, toMs);
    const before = evaluator.stats();
    let changes = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (const sample of samples) changes += evaluator.push(sample).length;
    const wallS = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const after = evaluator.stats();
    return {
      messages,
      samples: after.samples - before.samples,
      evaluations: after.evaluations - before.evaluations,
      changes,
      cpuS: (cpu.user + cpu.system) / 1e6,
      wallS,
    };
  };

  const roundMs = options.roundS * 1000;
  const warmup = timed(roundMs);
  const rounds = Array.from({ length: options.rounds }, (_, r) => timed((r + 2) * roundMs));
  const end = (options.rounds + 1) * roundMs;
  const ticks: number[] = [];
  for (let k = 0; k < 200; k++) {
    const t0 = performance.now();
    evaluator.tick(end + k * 10);
    ticks.push(performance.now() - t0);
  }
  ticks.sort((a, b) => a - b);
  return {
    junctions: junctions.length,
    suctions: junctions.filter((j) => j.suction).length,
    assetsWithRules: resolved.assets.length,
    kinds,
    warmup,
    rounds,
    tickMs: ticks[ticks.length >> 1] ?? NaN,
  };
}
