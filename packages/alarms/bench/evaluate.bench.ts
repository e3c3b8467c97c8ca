import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  AlarmRuleSchema,
  type AlarmEventRecord,
  type AlarmRule,
  type AlarmRuleInput,
} from '@twinhelm/contracts';
import {
  applyAlarmEvent,
  computeAlarmKpis,
  conditionEvent,
  createAlarm,
  createRuleEvaluator,
  groupAlarmsByRootCause,
  SupplyGraph,
  type AlarmSample,
} from '../src/index';
import { readInpGraph } from '../src/testing/read-inp-graph';

/**
 * The alarm core's hot path: 1,000 assets × 10 rules, messages of 3 metrics each (one message
 * feeds all 10 rules of its asset), then the lifecycle, grouping on C-Town and KPIs.
 * Target (issue 4): 5,000 msg/s × 10 rules per asset = 50,000 evaluations/s.
 */
const ASSETS = 1000;
const MESSAGES = 300_000;

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const common = {
  version: 1,
  priority: 'medium',
  consequence: 'c',
  response: 'r',
  onDelayS: 5,
} as const;
const threshold = (
  id: string,
  metric: string,
  limit: 'hh' | 'h' | 'l' | 'll',
  setpoint: number,
): AlarmRuleInput => ({
  ...common,
  id,
  kind: 'threshold',
  metric,
  limit,
  setpoint,
  deadband: 0.5,
});
const rules: AlarmRule[] = [
  threshold('p-ll', 'pressure', 'll', 10),
  threshold('p-l', 'pressure', 'l', 20),
  threshold('p-h', 'pressure', 'h', 60),
  threshold('p-hh', 'pressure', 'hh', 70),
  { ...common, id: 'p-rate', kind: 'rate', metric: 'pressure', maxPerMin: 5 },
  { ...common, id: 'p-res', kind: 'residual', metric: 'pressure', band: 5 },
  threshold('h-l', 'head', 'l', 60),
  threshold('h-h', 'head', 'h', 140),
  threshold('d-h', 'demand', 'h', 30),
  { ...common, id: 'stale', kind: 'stale', missedIntervals: 3, expectedIntervalS: 1 },
].map((input) => AlarmRuleSchema.parse(input));

function evaluatorBench(): void {
  const evaluator = createRuleEvaluator(
    Array.from({ length: ASSETS }, (_, i) => ({ assetId: `J${i}`, rules })),
  );
  const random = seeded(7);
  const pressure = Float64Array.from({ length: ASSETS }, () => 15 + 50 * random());
  const samples: AlarmSample[] = [];
  for (let i = 0; i < ASSETS; i++)
    samples.push({ assetId: `J${i}`, metric: 'pressure', value: 40, ts: 0, source: 'model' });
  for (const s of samples) evaluator.push(s);
  // Pre-build the messages so the timing covers evaluation only.
  const batch: AlarmSample[] = [];
  for (let m = 0; m < MESSAGES; m++) {
    const a = m % ASSETS;
    const ts = 1000 + Math.floor(m / ASSETS) * 1000;
    const value = (pressure[a] ?? 40) + (random() - 0.5) * 4;
    pressure[a] = value;
    const assetId = `J${a}`;
    batch.push(
      { assetId, metric: 'pressure', value, ts },
      { assetId, metric: 'head', value: value + 50, ts },
      { assetId, metric: 'demand', value: 20 + 20 * random(), ts },
    );
  }
  const before = evaluator.stats().evaluations;
  let changes = 0;
  const t0 = performance.now();
  for (const sample of batch) changes += evaluator.push(sample).length;
  const s = (performance.now() - t0) / 1000;
  const evaluations = evaluator.stats().evaluations - before;
  console.log(
    `evaluator: ${ASSETS} assets × ${rules.length} rules, ${MESSAGES.toLocaleString('en')} messages (3 metrics each) in ${s.toFixed(2)} s`,
  );
  console.log(
    `  ${Math.round(MESSAGES / s).toLocaleString('en')} msg/s, ${Math.round(evaluations / s).toLocaleString('en')} evaluations/s (target 50,000), ${changes.toLocaleString('en')} condition changes`,
  );
  const t1 = performance.now();
  for (let k = 0; k < 100; k++) evaluator.tick(1_000_000 + k * 1000);
  console.log(
    `  tick over ${ASSETS} stale rules: ${((performance.now() - t1) / 100).toFixed(3)} ms`,
  );
}

function lifecycleBench(): AlarmEventRecord[] {
  const rule = rules[1]!;
  let alarm = createAlarm('J1', rule, 0);
  const records: AlarmEventRecord[] = [];
  const N = 200_000;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const at = i * 60_000;
    const step = i % 3;
    const result =
      step === 0
        ? applyAlarmEvent(
            alarm,
            conditionEvent({
              alarmKey: alarm.key,
              assetId: 'J1',
              ruleId: rule.id,
              ruleVersion: 1,
              kind: 'threshold',
              active: true,
              ts: at,
              since: at,
              values: { value: 15 },
              text: 'low',
            }),
          )
        : step === 1
          ? applyAlarmEvent(alarm, { type: 'acknowledge', who: 'ada', at })
          : applyAlarmEvent(alarm, { type: 'condition_clear', at });
    if (!result.ok) throw new Error(result.error);
    alarm = result.alarm;
    if (result.record) records.push(result.record);
  }
  const s = (performance.now() - t0) / 1000;
  console.log(`lifecycle: ${Math.round(N / s).toLocaleString('en')} events/s`);
  return records;
}

function groupingBench(): void {
  const inp = readFileSync(
    fileURLToPath(new URL('../../../data/networks/CTOWN.INP', import.meta.url)),
    'utf8',
  );
  const graph = new SupplyGraph(readInpGraph(inp));
  const alarms = graph.nodeIds.map((id) => ({
    key: `${id}/pressure-low`,
    assetId: id,
    kind: 'threshold' as const,
    metric: 'pressure',
    sense: 'low' as const,
  }));
  const runs = 200;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++)
    groupAlarmsByRootCause(graph, alarms, [{ kind: 'pump_trip', linkId: 'PU4' }], {
      closedLinks: ['PU5'],
    });
  console.log(
    `grouping: C-Town, ${alarms.length} alarms, one trip: ${((performance.now() - t0) / runs).toFixed(2)} ms per call`,
  );
}

function kpiBench(records: AlarmEventRecord[]): void {
  const t0 = performance.now();
  computeAlarmKpis(records, { from: 0, to: records.at(-1)!.when + 1 });
  console.log(
    `KPIs: ${records.length.toLocaleString('en')} records in ${(performance.now() - t0).toFixed(0)} ms`,
  );
}

evaluatorBench();
const records = lifecycleBench();
groupingBench();
kpiBench(records);
