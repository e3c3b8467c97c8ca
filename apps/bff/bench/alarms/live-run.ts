// Part 2 of the alarm bench: the whole path at the target rate. A publisher process sends RATE
// msg/s with surges; this process runs the ingest and the alarm engine (live-site.ts). Measures
// over the steady window: durable msg/s, samples evaluated/s, CPU, event-loop delay; over the
// surges: publish → alarm change stored (engine onChanges), split at the telemetry commit; then
// checks PostgreSQL for every row.
import { availableParallelism } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AlarmSample } from '@twinhelm/alarms';
import { forkBenchChild } from '../child-process';
import { childPids, machineCpuSeconds, pidsNamed, processCpuSeconds } from '../harness/proc-cpu';
import { LatencyHistogram } from '../latency-histogram';
import { AlarmProbe, toggleKey } from './alarm-probe';
import type { AlarmPublisherJob, AlarmPublisherReport } from './alarm-publisher';
import { JunctionValues } from './junction-values';
import { SITE, startLiveSite, type LiveSite } from './live-site';
import { verifyLive, type LiveVerification } from './live-verify';

export interface LiveOptions {
  rate: number;
  seconds: number;
  surgesPerS: number;
  victims: number;
  hold: number;
  warmupS: number;
}

type Done = Extract<AlarmPublisherReport, { type: 'done' }>;

export interface LiveResult {
  broker: string;
  junctions: number;
  overrides: number;
  ingestBatch: { max: number; ms: number };
  publisher: Omit<Done, 'toggles'> & { raises: number; clears: number };
  windowS: number;
  durableMsgPerS: number;
  samplesPerS: number;
  evaluationsPerS: number;
  /** CPU as a fraction of one core over the window. */
  cpu: Record<string, number>;
  machineBusy: number;
  cores: number;
  /** Time inside the engine's onDurable over the window, fraction of one core. */
  engineSyncShare: number;
  /** As sampled, the timer's interval included. */
  eventLoopMs: { resolution: number; p50: number; p99: number; max: number };
  drainedS: number | undefined;
  latency: { toggles: number; notSeen: number; publishToStored: LatencyHistogram };
  publishToArrival: LatencyHistogram;
  arrivalToDurable: LatencyHistogram;
  arrivalToStored: LatencyHistogram;
  durableToStored: LatencyHistogram;
  /** Surges whose arrival is the batch's first message, not their own (should be 0). */
  approximateArrivals: number;
  engine: ReturnType<LiveSite['engine']['stats']>;
  probe: { events: number; maxAlarmsPerEvent: number };
  verified: LiveVerification;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MODEL_EVERY_MS = 10_000;
/** monitorEventLoopDelay's timer; what it records includes it (an idle loop reads ≈ 10.1 ms). */
const LOOP_RESOLUTION_MS = 10;

export async function runLivePath(
  options: LiveOptions,
  cleanups: (() => Promise<unknown>)[],
): Promise<LiveResult> {
  const probe = new AlarmProbe();
  const site = await startLiveSite({
    onDurable: (engine, batch) => probe.onDurable(engine, batch),
  });
  cleanups.push(() => site.close());
  site.engine.onChanges((event) => probe.onChanges(event));
  console.log(`  ready: database ${site.databaseName}; publishing…`);

  // The nowcast's part: modelled pressures for the residual rules, every 10 s.
  const values = new JunctionValues(site.junctions);
  const pushModelled = () => {
    const now = Date.now();
    const samples: AlarmSample[] = site.junctions.map((j, i) => ({
      assetId: j.id,
      metric: 'pressure',
      value: values.modelled(i, now),
      ts: now,
      source: 'model',
    }));
    site.engine.pushModelled(SITE, samples);
  };
  pushModelled();
  const modelTimer = setInterval(pushModelled, MODEL_EVERY_MS);
  cleanups.push(() => Promise.resolve(clearInterval(modelTimer)));

  const publisher = forkBenchChild<AlarmPublisherJob, AlarmPublisherReport>(
    './alarms/alarm-publisher.ts',
  );
  cleanups.push(() => Promise.resolve(publisher.kill()));
  publisher.send({
    url: site.brokerUrl,
    siteId: SITE,
    junctions: site.junctions,
    rate: options.rate,
    seconds: options.seconds,
    surgesPerS: options.surgesPerS,
    victims: options.victims,
    hold: options.hold,
  });
  const { at: startedAt } = await publisher.next(
    (r): r is Extract<AlarmPublisherReport, { type: 'started' }> => r.type === 'started',
    30_000,
    'start',
  );
  let done: Done | undefined;
  const finished = publisher.next(
    (r): r is Done => r.type === 'done',
    (options.seconds + 120) * 1000,
    'report',
  );
  void finished.then(
    (report) => (done = report),
    () => undefined,
  );

  const windowFrom = startedAt + options.warmupS * 1000;
  const windowUntil = startedAt + (options.seconds - 1) * 1000;
  const brokerPids = childPids(process.pid).filter((pid) => pidsNamed('mosquitto').includes(pid));
  const watched = () => ({
    'bench process (ingest + alarm engine)': [process.pid],
    publisher: [publisher.pid],
    ...(brokerPids.length > 0 ? { mosquitto: brokerPids } : {}),
    'postgres (all on machine)': pidsNamed('postgres'),
  });
  const snapshot = () => ({
    at: Date.now(),
    procs: Object.fromEntries(
      Object.entries(watched()).map(([name, pids]) => [
        name,
        pids.reduce((sum, pid) => sum + processCpuSeconds(pid), 0),
      ]),
    ),
    machine: machineCpuSeconds(),
    accepted: site.ingest.status.ingest().accepted,
    engine: site.engine.stats(),
    pushMs: probe.pushMs,
  });
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });

  await sleep(Math.max(0, windowFrom - Date.now()));
  const first = snapshot();
  loop.enable();
  await sleep(Math.max(0, windowUntil - Date.now()));
  const last = snapshot();
  loop.disable();
  if (!done) done = await finished;

  let drainedAt: number | undefined;
  const drainDeadline = Date.now() + 60_000;
  while (Date.now() < drainDeadline) {
    const ingest = site.ingest.status.ingest();
    if (ingest.accepted + ingest.duplicates >= done.sent * 3 && ingest.pending === 0) {
      await site.engine.idle();
      drainedAt = Date.now();
      break;
    }
    await sleep(50);
  }

  const windowS = (last.at - first.at) / 1000;
  const publishToStored = new LatencyHistogram();
  const publishToArrival = new LatencyHistogram();
  const arrivalToDurable = new LatencyHistogram();
  const arrivalToStored = new LatencyHistogram();
  const durableToStored = new LatencyHistogram();
  let approximateArrivals = 0;
  let timed = 0;
  let notSeen = 0;
  for (const t of done.toggles) {
    if (t.publishedAt < windowFrom || t.publishedAt > windowUntil) continue;
    timed += 1;
    const key = toggleKey(t.assetId, t.active, t.ts);
    const storedAt = probe.stored.get(key);
    const mark = probe.durable.get(key);
    if (storedAt === undefined) {
      notSeen += 1;
      continue;
    }
    publishToStored.add(storedAt - t.publishedAt);
    if (mark) {
      if (!mark.exactArrival) approximateArrivals += 1;
      publishToArrival.add(mark.arrivedAt - t.publishedAt);
      arrivalToDurable.add(mark.durableAt - mark.arrivedAt);
      arrivalToStored.add(storedAt - mark.arrivedAt);
      durableToStored.add(storedAt - mark.durableAt);
    }
  }
  const cpu = Object.fromEntries(
    Object.entries(last.procs).map(([name, s]) => [name, (s - (first.procs[name] ?? 0)) / windowS]),
  );
  const { toggles, ...published } = done;
  const verified = await verifyLive(site.databaseUrl, SITE, done.sent, toggles);
  return {
    broker: site.broker,
    junctions: site.junctions.length,
    overrides: site.overrides,
    ingestBatch: site.ingestBatch,
    publisher: {
      ...published,
      raises: toggles.filter((t) => t.active).length,
      clears: toggles.filter((t) => !t.active).length,
    },
    windowS,
    durableMsgPerS: (last.accepted - first.accepted) / 3 / windowS,
    samplesPerS: (last.engine.samples - first.engine.samples) / windowS,
    evaluationsPerS: (last.engine.evaluations - first.engine.evaluations) / windowS,
    cpu,
    machineBusy:
      (last.machine.busy - first.machine.busy) / (last.machine.total - first.machine.total),
    cores: availableParallelism(),
    engineSyncShare: (last.pushMs - first.pushMs) / 1000 / windowS,
    eventLoopMs: {
      resolution: LOOP_RESOLUTION_MS,
      p50: loop.percentile(50) / 1e6,
      p99: loop.percentile(99) / 1e6,
      max: loop.max / 1e6,
    },
    drainedS: drainedAt === undefined ? undefined : (drainedAt - done.endedAt) / 1000,
    latency: { toggles: timed, notSeen, publishToStored },
    publishToArrival,
    arrivalToDurable,
    arrivalToStored,
    durableToStored,
    approximateArrivals,
    engine: site.engine.stats(),
    probe: { events: probe.events, maxAlarmsPerEvent: probe.maxAlarmsPerEvent },
    verified,
  };
}
