import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateScenarioRequestSchema, ScenarioSeriesSchema } from '@twinhelm/contracts';
import { createSolverPool, importNetwork, type SolverPool } from '@twinhelm/solver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../db/create-database';
import { migrate } from '../db/migrate';
import { createServices, type Services } from '../services/create-services';
import { FakeTwinState, fakeIngestStatus } from '../services/testing/fake-ports';
import { principal } from '../services/testing/test-context';
import { createActiveNetworks } from './active-networks';
import { createProgressHub } from './progress-hub';
import { createScenarioRunner, type ScenarioRunner } from './scenario-runner';
import { solverEngine } from './solver-engine';
import { CTOWN } from './testing/ctown';

/** The demo configuration: the same scenario SQL on the embedded database (PGlite). */
describe('what-if scenarios on the embedded database (PGlite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'twinhelm-pglite-'));
  let database: Database;
  let pool: SolverPool;
  let runner: ScenarioRunner;
  let services: Services;
  const hub = createProgressHub();

  beforeAll(async () => {
    database = await createDatabase({ DATABASE_URL: undefined, dataDir: dir });
    await migrate(database);
    pool = createSolverPool({ size: 1 });
    runner = createScenarioRunner({
      sql: database.sql,
      engine: solverEngine(pool, { maxSteps: 20_000, timeoutMs: 60_000 }),
      hub,
      concurrency: 1,
    });
    services = createServices({
      prisma: database.prisma,
      database,
      twin: new FakeTwinState(),
      ingestStatus: fakeIngestStatus,
      importNetwork,
      onNetworkImported: () => undefined,
      version: 'test',
      startedAt: 0,
      clock: Date.now,
      scenarios: {
        sql: database.sql,
        networks: createActiveNetworks(database.sql),
        runner,
        hub,
        utcOffsetMin: 0,
        maxSteps: 20_000,
      },
    });
    await services.importNetwork(principal('admin'), { siteId: 'ctown', inp: CTOWN });
    await runner.start();
  }, 120_000);
  afterAll(async () => {
    await runner?.close();
    await pool?.close();
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('queues, runs, stores and reads a what-if', async () => {
    const operator = principal('operator');
    const done = new Promise<string>((resolve) =>
      hub.subscribe((e) => {
        if (e.status !== 'queued' && e.status !== 'running') resolve(e.status);
      }),
    );
    const { id } = await services.createScenario(operator, {
      siteId: 'ctown',
      request: CreateScenarioRequestSchema.parse({
        scenario: { horizonS: 21_600, reportStepS: 900 },
        bindLiveState: false,
      }),
    });
    expect(await done).toBe('succeeded');
    const detail = await services.getScenario(operator, { id });
    expect(detail.times).toHaveLength(25);
    const series = ScenarioSeriesSchema.parse(
      JSON.parse((await services.getScenarioSeries(operator, { id, assets: ['T1'] })).rawJson),
    );
    expect(series.assets.T1?.series.level).toHaveLength(25);
    const { scenarios } = await services.listScenarios(operator, { siteId: 'ctown', limit: 5 });
    expect(scenarios.map((s) => s.id)).toEqual([id]);
    const compared = await services.compareScenarios(operator, { siteId: 'ctown', ids: [id, id] });
    expect(compared.scenarios).toHaveLength(2);
  });
});
