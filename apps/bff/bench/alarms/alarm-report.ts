// Prints the alarm bench's two tables: the evaluator alone, and the whole path at the target rate.
import type { LatencyHistogram } from '../latency-histogram';
import type { LiveResult } from './live-run';
import type { PureResult, PureRound } from './pure-evaluation';

const row = (label: string, value: string) => `  ${label.padEnd(58)} ${value}`;
const int = (x: number) => Math.round(x).toLocaleString('en');
const pct = (fraction: number) => `${(fraction * 100).toFixed(1)} %`;
const ms = (h: LatencyHistogram) =>
  h.count === 0
    ? 'none timed'
    : `${h.percentile(50)} / ${h.percentile(95)} / ${h.percentile(99)} / ${Math.round(h.max)} ms (${h.count})`;

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? NaN;
};

export function printPure(r: PureResult, rate: number, load: string): void {
  const per = (pick: (x: PureRound) => number, time: (x: PureRound) => number) =>
    median(r.rounds.map((x) => pick(x) / time(x)));
  const samplesPerCpuS = per(
    (x) => x.samples,
    (x) => x.cpuS,
  );
  const evalsPerCpuS = per(
    (x) => x.evaluations,
    (x) => x.cpuS,
  );
  const target = rate * 3;
  const total = r.rounds.reduce(
    (sum, x) => ({ samples: sum.samples + x.samples, changes: sum.changes + x.changes }),
    { samples: 0, changes: 0 },
  );
  const lines = [
    '',
    '1. Rule evaluation alone (@twinhelm/alarms createRuleEvaluator, one thread)',
    row('load average before (1 5 15 min)', load),
    row(
      'rule set',
      `C-Town, ${r.junctions} junctions × 10 rules (${r.suctions} at pump suctions), ${r.assetsWithRules} assets with rules`,
    ),
    row(
      '  rules by kind (junctions)',
      Object.entries(r.kinds)
        .filter(([, n]) => n > 0)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', '),
    ),
    row(
      'traffic',
      `${rate} msg/s × 3 values of sample time, round-robin; surges 20/s; modelled pressures every 10 s`,
    ),
    row(
      `rounds (${r.rounds.length}, after a warm-up of ${int(r.warmup.samples)} samples)`,
      `${int(r.rounds[0]?.samples ?? 0)} samples each, ${int(total.changes)} condition changes in all`,
    ),
    row('samples/s, one core (median; per CPU second)', int(samplesPerCpuS)),
    row('messages/s of 3 values, one core', int(samplesPerCpuS / 3)),
    row('evaluations/s, one core', int(evalsPerCpuS)),
    row(
      'samples/s per wall second (median; the machine is shared)',
      int(
        per(
          (x) => x.samples,
          (x) => x.wallS,
        ),
      ),
    ),
    row(
      `CPU needed at ${int(rate)} msg/s × 3 (${int(target)} samples/s)`,
      `${pct(target / samplesPerCpuS)} of one core (${int((evalsPerCpuS * target) / samplesPerCpuS)} evaluations/s)`,
    ),
    row('evaluator.tick (stale watches of every asset), median', `${r.tickMs.toFixed(3)} ms`),
  ];
  console.log(lines.join('\n'));
}

export function printLive(r: LiveResult, load: string): void {
  const v = r.verified;
  const lossless =
    v.telemetryRows === v.telemetryExpected &&
    v.matched === v.expectedEvents &&
    v.duplicated === 0 &&
    Object.keys(v.unexpected).length === 0;
  const lines = [
    '',
    '2. The whole path: MQTT → ingest → PostgreSQL → alarm engine → alarm rows → onChanges',
    row('load average before (1 5 15 min)', load),
    row('broker', r.broker),
    row(
      'this process',
      `ingest (batch ≤ ${r.ingestBatch.max} msgs / ${r.ingestBatch.ms} ms) + alarm engine, as server.ts wires them`,
    ),
    row('rules', `${r.junctions} junctions × 10 (${r.overrides} overrides in alarm_rule_version)`),
    row(
      'published (acknowledged)',
      `${int(r.publisher.sent)} msgs (${int(r.publisher.acked)}); surges: ${r.publisher.raises} raises, ${r.publisher.clears} clears; behind schedule at most ${r.publisher.maxBehind} msgs`,
    ),
    '',
    `  steady window ${r.windowS.toFixed(1)} s (100 % CPU = one core)`,
    row(
      'durable (telemetry committed)',
      `${int(r.durableMsgPerS)} msg/s (${int(r.durableMsgPerS * 3)} values/s)`,
    ),
    row(
      'samples evaluated by the engine',
      `${int(r.samplesPerS)} /s (${int(r.evaluationsPerS)} evaluations/s)`,
    ),
    ...Object.entries(r.cpu).map(([name, f]) => row(`CPU ${name}`, pct(f))),
    row(`CPU machine (all ${r.cores} cores busy)`, pct(r.machineBusy)),
    row(
      '  of which inside the engine push (evaluate + lifecycle)',
      `${pct(r.engineSyncShare)} of one core`,
    ),
    row(
      `event loop as sampled (${r.eventLoopMs.resolution} ms timer): p50 / p99 / max`,
      `${r.eventLoopMs.p50.toFixed(1)} / ${r.eventLoopMs.p99.toFixed(1)} / ${r.eventLoopMs.max.toFixed(1)} ms`,
    ),
    row(
      '  delay beyond the timer: p50 / p99 / max',
      [r.eventLoopMs.p50, r.eventLoopMs.p99, r.eventLoopMs.max]
        .map((x) => Math.max(0, x - r.eventLoopMs.resolution).toFixed(1))
        .join(' / ') + ' ms',
    ),
    '',
    `  surge → alarm change stored, ${r.latency.toggles} raises and clears published in the window (p50 / p95 / p99 / max)`,
    row('publish → stored (onChanges)', ms(r.latency.publishToStored)),
    row('arrival at the ingest → stored', ms(r.arrivalToStored)),
    row('  publish → arrival (broker, MQTT)', ms(r.publishToArrival)),
    row('  arrival → telemetry durable (batch window, commit)', ms(r.arrivalToDurable)),
    row('  durable → alarm stored (evaluate, write, group)', ms(r.durableToStored)),
    row(
      'engine stats: batch’s first arrival → stored',
      `p50 ${r.engine.sampleToStoredMs.p50} / p95 ${r.engine.sampleToStoredMs.p95} / max ${r.engine.sampleToStoredMs.max} ms (last ${r.engine.sampleToStoredMs.count} writes, whole run)`,
    ),
    row(
      'changes not seen in onChanges / arrivals not exact',
      `${r.latency.notSeen} / ${r.approximateArrivals}`,
    ),
    row(
      'engine writes',
      `${r.engine.writes} transactions for ${r.engine.writtenChanges} change sets, ${r.engine.writeFailures} failures; grouping max ${r.engine.groupingMs.max.toFixed(1)} ms; ${r.probe.events} change events (≤ ${r.probe.maxAlarmsPerEvent} alarms each)`,
    ),
    row(
      'all durable and stored after the last publish',
      r.drainedS === undefined ? 'NOT within 60 s' : `${r.drainedS.toFixed(2)} s`,
    ),
    '',
    '  PostgreSQL',
    row('telemetry rows / expected', `${int(v.telemetryRows)} / ${int(v.telemetryExpected)}`),
    row(
      'alarm_event rows / expected (one per raise and clear)',
      `${v.alarmEventRows} / ${v.expectedEvents}: ${v.matched} matched, ${v.missing} missing, ${v.duplicated} duplicated`,
    ),
    row(
      'unexpected alarm_event rows',
      Object.keys(v.unexpected).length === 0
        ? 'none'
        : Object.entries(v.unexpected)
            .map(([what, n]) => `${what} ${n}`)
            .join(', '),
    ),
    row('alarm rows (distinct alarms)', String(v.alarmRows)),
    row('verdict', lossless ? 'zero loss, no duplicates' : 'MISMATCH (see above)'),
    '',
  ];
  console.log(lines.join('\n'));
}
