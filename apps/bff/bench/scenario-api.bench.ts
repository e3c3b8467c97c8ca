// What-if API benchmark, the whole product path in this process: real PostgreSQL (a throwaway
// database), C-Town imported, a warm solver pool, Next's production route handlers, socket.io.
// 1. one what-if (C-Town 24 h at 15 min) through the HTTP API, BENCH_ITERATIONS times:
//    POST → scenario:progress "succeeded" on a socket joined to the site → GET detail.
// 2. a 200-member ensemble, then a recommendations run, while the server's event-loop delay is
//    sampled (perf_hooks.monitorEventLoopDelay).
// Prints numbers; asserts nothing. `npm run bench:scenarios -w @twinhelm/bff`. Env: BENCH_ITERATIONS,
// BENCH_SOLVER_WORKERS, BENCH_MEMBERS, BENCH_REUSE_BUILD=1 (keep an existing next build),
// BENCH_LOG=debug (the runner's per-scenario run/serialise/store times).
import { availableParallelism, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  CreateScenarioResponseSchema,
  ScenarioDetailSchema,
  type ClientToServerEvents,
  type CreateScenarioRequestInput,
  type JoinSiteAck,
  type ScenarioProgressEvent,
  type ServerToClientEvents,
} from '@twinhelm/contracts';
import { io as connect, type Socket } from 'socket.io-client';
import { createApiToken, signIn } from './harness/api-client';
import { ensureNextBuild, startBenchServer } from './scenario-bench-server';
import { benchFlag, benchNumber } from './harness/bench-settings';

const ITERATIONS = benchNumber('BENCH_ITERATIONS', 60);
const WARMUP = 5;
const WORKERS = benchNumber('BENCH_SOLVER_WORKERS', availableParallelism());
const MEMBERS = benchNumber('BENCH_MEMBERS', 200);
const DAY = { horizonS: 86_400, reportStepS: 900 };

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main(): Promise<void> {
  ensureNextBuild(benchFlag('BENCH_REUSE_BUILD'));
  console.log(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const server = await startBenchServer({
    solverWorkers: WORKERS,
  });
  let client: Client | undefined;
  try {
    const token = await createApiToken(server.baseUrl, await signIn(server.baseUrl), {
      name: 'bench',
      role: 'operator',
    });
    const socket: Client = connect(server.baseUrl, {
      transports: ['websocket'],
      forceNew: true,
      auth: { token },
    });
    client = socket;
    await new Promise<void>((done, fail) => {
      socket.once('connect', done);
      socket.once('connect_error', fail);
    });
    const joined = await new Promise<JoinSiteAck>((done) =>
      socket.emit('site:join', { siteId: 'ctown' }, done),
    );
    if (!joined.ok) throw new Error(`site:join: ${joined.error}`);
    const waiting = new Map<string, (e: ScenarioProgressEvent) => void>();
    const early = new Map<string, ScenarioProgressEvent>();
    socket.on('scenario:progress', (e) => {
      if (e.status === 'queued' || e.status === 'running') return;
      const done = waiting.get(e.id);
      if (done) done(e);
      else early.set(e.id, e);
    });
    const ended = (id: string) =>
      new Promise<ScenarioProgressEvent>((done) => {
        const already = early.get(id);
        if (already) done(already);
        else waiting.set(id, done);
      });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const phases = { post: [] as number[], run: [] as number[], get: [] as number[] };
    const whatIf = async (body: CreateScenarioRequestInput) => {
      const t0 = performance.now();
      const post = await fetch(`${server.baseUrl}/api/sites/ctown/scenarios`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      if (post.status !== 202)
        throw new Error(`POST answered ${post.status}: ${await post.text()}`);
      const { id } = CreateScenarioResponseSchema.parse(await post.json());
      const t1 = performance.now();
      const end = await ended(id);
      if (end.status !== 'succeeded') throw new Error(`scenario ${id} ended ${end.status}`);
      const t2 = performance.now();
      const get = await fetch(`${server.baseUrl}/api/scenarios/${id}`, { headers });
      const detail = ScenarioDetailSchema.parse(await get.json());
      phases.post.push(t1 - t0);
      phases.run.push(t2 - t1);
      phases.get.push(performance.now() - t2);
      return detail;
    };

    const single: CreateScenarioRequestInput = {
      scenario: {
        ...DAY,
        perturbations: [{ type: 'asset-outage', assetId: 'PU1', startS: 21_600, endS: 43_200 }],
      },
      bindLiveState: false,
    };
    for (let i = 0; i < WARMUP; i++) await whatIf(single);
    for (const list of Object.values(phases)) list.length = 0;
    const times: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const t0 = performance.now();
      await whatIf(single);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(
      `\nwhat-if C-Town 24 h @ 15 min, POST → socket "succeeded" → GET detail (${ITERATIONS} runs, ${WORKERS} solver workers):`,
    );
    console.log(
      `  p50 ${ms(percentile(times, 50))}   p95 ${ms(percentile(times, 95))}   max ${ms(times.at(-1) ?? NaN)}   (target p95 ≤ 250 ms)`,
    );
    const p50 = (list: number[]) =>
      ms(
        percentile(
          [...list].sort((a, b) => a - b),
          50,
        ),
      );
    console.log(
      `  p50 by phase: POST → 202 ${p50(phases.post)}, 202 → "succeeded" event ${p50(phases.run)}, GET detail ${p50(phases.get)}`,
    );

    const lag = monitorEventLoopDelay({ resolution: 10 });
    const measure = async (label: string, body: CreateScenarioRequestInput) => {
      lag.reset();
      lag.enable();
      const t0 = performance.now();
      const detail = await whatIf(body);
      const elapsed = performance.now() - t0;
      lag.disable();
      console.log(`\n${label}: ${ms(elapsed)} end to end`);
      console.log(
        `  event-loop delay p50 ${ms(lag.percentile(50) / 1e6)}   p99 ${ms(lag.percentile(99) / 1e6)}   max ${ms(lag.max / 1e6)}   (target p99 ≤ 50 ms)`,
      );
      return detail;
    };
    await measure(`ensemble of ${MEMBERS} members, C-Town 24 h @ 15 min`, {
      scenario: { ...DAY, ensemble: { members: MEMBERS, demandSpread: 0.1 } },
      bindLiveState: false,
    });
    const recommended = await measure('recommendations, C-Town 24 h, PU1 out all day', {
      scenario: {
        ...DAY,
        perturbations: [{ type: 'asset-outage', assetId: 'PU1', startS: 0, endS: 86_400 }],
      },
      bindLiveState: false,
      recommend: true,
    });
    const set = recommended.recommendations;
    console.log(
      `  ${set?.candidatesEvaluated ?? 0} candidates evaluated, ${set?.recommendations.length ?? 0} recommendation(s); violations ${recommended.violationCount ?? 0}`,
    );
  } finally {
    client?.disconnect();
    await server.close();
    console.log(
      `load average after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
