// End-to-end ingest benchmark of the whole product: the real BFF (server.ts as its own
// process) on a fresh database of the local PostgreSQL and a Mosquitto of its own; a publisher
// process sends BENCH_RATE msg/s (3 values each) to C-Town's junctions for BENCH_SECONDS while
// BENCH_CLIENTS socket.io clients watch the site. Prints durable throughput (with a zero-loss
// check in the database), CPU and publish → client latency. See README.md.
import { availableParallelism, cpus, loadavg } from 'node:os';
import { AssetListSchema, HealthSchema } from '@twinhelm/contracts';
import pg from 'pg';
import { spawnMosquitto, type SpawnedMosquitto } from '../src/broker/spawn-mosquitto';
import { createApiToken, getJson, signIn } from './harness/api-client';
import { createFreshDatabase, type FreshDatabase } from '../src/testing/fresh-database';
import { childPids, machineCpuSeconds, pidsNamed, processCpuSeconds } from './harness/proc-cpu';
import { spawnBff, type BffProcess } from './harness/spawn-bff';
import { forkBenchChild } from './child-process';
import type { ClientsCommand, ClientsReport } from './clients-process';
import type { PublisherJob, PublisherReport } from './publisher';
import { printReport, type BenchResult, type CpuWindow } from './report';
import { benchNumber, benchFlag } from './harness/bench-settings';

const RATE = benchNumber('BENCH_RATE', 5000);
const SECONDS = benchNumber('BENCH_SECONDS', 30);
const CLIENTS = benchNumber('BENCH_CLIENTS', 50);
/** The clients decode every delta: one process per core by default, as browsers would. */
const CLIENT_PROCESSES = benchNumber('BENCH_CLIENT_PROCESSES', availableParallelism());
/** BENCH_TRACE=1 prints the BFF's ingest status at every poll. */
const TRACE = benchFlag('BENCH_TRACE');
const WARMUP_S = Math.min(5, SECONDS / 5);
const SITE = 'ctown';
/** Everything, startup included, ends by then. */
const HARD_LIMIT_MS = (SECONDS + 300) * 1000;

for (const [name, value] of Object.entries({ RATE, SECONDS, CLIENTS, CLIENT_PROCESSES }))
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`BENCH_${name} must be a positive number (got ${String(value)})`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

interface HealthSample {
  at: number;
  accepted: number;
  duplicates: number;
  pending: number;
  lagMs: number;
}

async function health(baseUrl: string): Promise<HealthSample> {
  const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
  const body = HealthSchema.parse(await response.json());
  return { at: Date.now(), ...body.ingest };
}

function cpuSnapshot(pids: Record<string, number[]>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(pids).map(([name, list]) => [
      name,
      list.reduce((sum, pid) => sum + processCpuSeconds(pid), 0),
    ]),
  );
}

async function verifyDatabase(url: string, sent: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ rows: string; seqs: string; keys: string }>(
      `SELECT count(*) AS rows, count(DISTINCT seq) AS seqs,
              count(DISTINCT (asset_id, metric, seq)) AS keys
       FROM telemetry_sample WHERE site_id = $1 AND seq BETWEEN 1 AND $2`,
      [SITE, sent],
    );
    const row = rows[0];
    return { rows: Number(row?.rows), seqs: Number(row?.seqs), keys: Number(row?.keys) };
  } finally {
    await client.end();
  }
}

async function run(cleanups: (() => Promise<unknown>)[]): Promise<BenchResult> {
  const loadBefore = load();
  const mosquitto: SpawnedMosquitto = await spawnMosquitto({ persistence: false });
  cleanups.push(() => mosquitto.stop());
  const database: FreshDatabase = await createFreshDatabase('twinhelm_bench');
  cleanups.push(() => database.drop());
  console.log(`starting the BFF (fresh database ${database.name}, broker ${mosquitto.url})…`);
  const bff: BffProcess = await spawnBff({
    databaseUrl: database.url,
    mqttUrl: mosquitto.url,
    env: { LOG_LEVEL: 'warn' },
  });
  cleanups.push(() => bff.stop());

  const token = await createApiToken(bff.baseUrl, await signIn(bff.baseUrl), {
    name: 'bench',
    role: 'viewer',
  });
  const junctions = (
    await getJson(bff.baseUrl, `/api/sites/${SITE}/assets`, token, AssetListSchema)
  ).assets
    .filter((a) => a.type === 'junction')
    .map((a) => a.id);
  if (junctions.length === 0) throw new Error(`site ${SITE} has no junctions: is DEMO=on?`);

  const clients = Array.from({ length: CLIENT_PROCESSES }, (_, i) => {
    const child = forkBenchChild<ClientsCommand, ClientsReport>('./clients-process.ts');
    cleanups.push(() => Promise.resolve(child.kill()));
    const count = Math.floor(CLIENTS / CLIENT_PROCESSES) + (i < CLIENTS % CLIENT_PROCESSES ? 1 : 0);
    child.send({ type: 'connect', baseUrl: bff.baseUrl, token, siteId: SITE, count });
    return child;
  });
  for (const child of clients) {
    const connected = await child.next(
      (r): r is Exclude<ClientsReport, { type: 'summary' }> => r.type !== 'summary',
      60_000,
      'connection of the socket.io clients',
    );
    if (connected.type === 'failed') throw new Error(connected.error);
  }
  console.log(
    `${CLIENTS} socket.io clients joined ${SITE}; publishing ${RATE} msg/s × 3 values to ${junctions.length} junctions for ${SECONDS} s…`,
  );

  const publisher = forkBenchChild<PublisherJob, PublisherReport>('./publisher.ts');
  cleanups.push(() => Promise.resolve(publisher.kill()));
  publisher.send({
    url: mosquitto.url,
    siteId: SITE,
    assets: junctions,
    rate: RATE,
    seconds: SECONDS,
  });
  const isDone = (r: PublisherReport): r is Extract<PublisherReport, { type: 'done' }> =>
    r.type === 'done';
  const { at: startedAt } = await publisher.next(
    (r): r is Extract<PublisherReport, { type: 'started' }> => r.type === 'started',
    30_000,
    'start',
  );
  const windowFrom = startedAt + WARMUP_S * 1000;
  const windowUntil = startedAt + SECONDS * 1000;
  for (const child of clients)
    child.send({ type: 'measure', from: windowFrom, until: windowUntil });

  const brokerPids = childPids(process.pid).filter((pid) => pidsNamed('mosquitto').includes(pid));
  const watched = () => ({
    bff: [bff.pid],
    publisher: [publisher.pid],
    [`socket.io clients (${CLIENTS} in ${CLIENT_PROCESSES} process(es))`]: clients.map(
      (c) => c.pid,
    ),
    mosquitto: brokerPids,
    'postgres (all on machine)': pidsNamed('postgres'),
  });
  const samples: HealthSample[] = [];
  let cpuStart:
    | { at: number; procs: Record<string, number>; machine: { busy: number; total: number } }
    | undefined;
  let cpu: CpuWindow | undefined;
  let done: Extract<PublisherReport, { type: 'done' }> | undefined;
  const finished = publisher.next(isDone, (SECONDS + 120) * 1000, 'report');
  void finished.then(
    (report) => (done = report),
    () => undefined,
  );
  let allDurableAt: number | undefined;
  const drainDeadline = windowUntil + 60_000;
  while (Date.now() < drainDeadline) {
    const now = Date.now();
    if (!cpuStart && now >= windowFrom)
      cpuStart = { at: now, procs: cpuSnapshot(watched()), machine: machineCpuSeconds() };
    // The CPU window closes a second before the last publish, while every process still runs.
    if (cpuStart && !cpu && now >= windowUntil - 1000) {
      const procs = cpuSnapshot(watched());
      const machine = machineCpuSeconds();
      const seconds = (now - cpuStart.at) / 1000;
      cpu = {
        seconds,
        processes: {
          ...Object.fromEntries(
            Object.entries(procs).map(([name, s]) => [
              name,
              (s - (cpuStart?.procs[name] ?? 0)) / seconds,
            ]),
          ),
        },
        machineBusy:
          (machine.busy - cpuStart.machine.busy) / (machine.total - cpuStart.machine.total),
        cores: availableParallelism(),
      };
    }
    samples.push(await health(bff.baseUrl));
    const last = samples.at(-1);
    if (TRACE && last)
      console.log(
        `  t+${((last.at - startedAt) / 1000).toFixed(2)} s: accepted ${last.accepted}, pending ${last.pending}, last batch lag ${last.lagMs} ms`,
      );
    if (done && last && last.accepted + last.duplicates >= done.sent * 3 && last.pending === 0) {
      allDurableAt = last.at;
      break;
    }
    await sleep(done ? 100 : 250);
  }
  if (!done) done = await finished;
  const summaries = Promise.all(
    clients.map((child) => {
      child.send({ type: 'finish' });
      return child.next(
        (r): r is Extract<ClientsReport, { type: 'summary' }> => r.type === 'summary',
        30_000,
        'latency summary',
      );
    }),
  );
  const verified = await verifyDatabase(database.url, done.sent);
  return {
    machine: {
      cores: cpus().length,
      model: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      loadBefore,
      loadAfter: load(),
    },
    config: {
      rate: RATE,
      seconds: SECONDS,
      clients: CLIENTS,
      clientProcesses: CLIENT_PROCESSES,
      warmupS: WARMUP_S,
      junctions: junctions.length,
    },
    publisher: done,
    allDurableAt,
    health: samples,
    window: { from: windowFrom, until: windowUntil },
    verified,
    cpu,
    clients: await summaries,
  };
}

async function main(): Promise<void> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const hardStop = setTimeout(() => {
    console.error(`bench: still running after ${HARD_LIMIT_MS / 1000} s: giving up`);
    process.exit(2);
  }, HARD_LIMIT_MS);
  hardStop.unref();
  let failed = false;
  try {
    printReport(await run(cleanups));
  } catch (error) {
    failed = true;
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    while (cleanups.length > 0)
      await cleanups
        .pop()?.()
        .catch((error: unknown) => console.error(`cleanup: ${String(error)}`));
  }
  process.exit(failed ? 1 : 0);
}

void main();
