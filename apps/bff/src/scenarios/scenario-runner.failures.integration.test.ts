import { CreateScenarioRequestSchema, type ScenarioProgressEvent } from '@twinhelm/contracts';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgSql } from '../db/sql-pg';
import { createTestDatabase, quietPool, type TestDatabase } from '../testing/test-database';
import { createProgressHub } from './progress-hub';
import type { EngineOutcome, ScenarioEngine } from './scenario-engine';
import { createScenarioRunner } from './scenario-runner';

/** The runner with a scripted engine: failures keep the engine's message; progress is throttled. */
describe('scenario runner outcomes', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await createTestDatabase();
    pool = quietPool(db.url, { max: 2 });
    await db.prisma.site.create({ data: { id: 's1', name: 'S1' } });
    await db.prisma.network.create({
      data: {
        siteId: 's1',
        hash: 'h1',
        title: 't',
        inp: '[TITLE]\n',
        model: {
          title: 't',
          hash: 'h1',
          sourceUnits: 'LPS',
          layout: 'file',
          nodes: [],
          links: [],
          times: { duration: 3600, hydraulicStep: 3600, reportStep: 3600 },
        },
      },
    });
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  async function runWith(engine: ScenarioEngine) {
    const hub = createProgressHub();
    const events: ScenarioProgressEvent[] = [];
    hub.subscribe((e) => events.push(e));
    const runner = createScenarioRunner({
      sql: pgSql(pool),
      engine,
      hub,
      concurrency: 1,
      progressEmitMs: 50,
      progressWriteMs: 1_000,
    });
    const row = await db.prisma.scenario.create({
      data: {
        siteId: 's1',
        name: 'x',
        status: 'queued',
        request: CreateScenarioRequestSchema.parse({ scenario: {} }),
        modelHash: 'h1',
        seed: 0,
        createdBy: 'test',
      },
    });
    await runner.start();
    await runner.idle();
    await runner.close();
    return { row: await db.prisma.scenario.findUniqueOrThrow({ where: { id: row.id } }), events };
  }

  it('ends as failed with EPANET’s own message', async () => {
    const failure: EngineOutcome = {
      ok: false,
      failure: {
        kind: 'engine',
        code: 110,
        message: 'EPANET Error 110: cannot solve network hydraulic equations',
      },
    };
    const { row, events } = await runWith({ run: () => Promise.resolve(failure) });
    expect(row.status).toBe('failed');
    expect(row.error).toEqual({
      kind: 'engine',
      message: failure.ok ? '' : failure.failure.message,
    });
    expect(row.finishedAt).not.toBeNull();
    expect(events.at(-1)).toMatchObject({ status: 'failed', phase: null });
  });

  it('sends at most one progress event per window however often the engine reports', async () => {
    const { row, events } = await runWith({
      run: async (_job, { onProgress }) => {
        for (let i = 0; i < 2_000; i++) onProgress({ progress: i / 2_000, phase: 'ensemble' });
        await new Promise((done) => setTimeout(done, 120));
        onProgress({ progress: 0.99, phase: 'ensemble' });
        return {
          ok: false,
          failure: { kind: 'budget', message: 'the run took more than 20000 steps' },
        };
      },
    });
    const running = events.filter((e) => e.status === 'running');
    expect(running.length).toBeGreaterThanOrEqual(2);
    expect(running.length).toBeLessThanOrEqual(4);
    expect(row.error).toEqual({ kind: 'budget', message: 'the run took more than 20000 steps' });
  });
  it('closes while a run is in flight: the run is aborted and close() returns', async () => {
    let started!: () => void;
    const engineStarted = new Promise<void>((done) => (started = done));
    const runner = createScenarioRunner({
      sql: pgSql(pool),
      engine: {
        run: (_job, { signal }) =>
          new Promise<EngineOutcome>((done) => {
            started();
            signal.addEventListener('abort', () =>
              done({ ok: false, failure: { kind: 'cancelled', message: 'aborted' } }),
            );
          }),
      },
      hub: createProgressHub(),
      concurrency: 1,
      progressEmitMs: 50,
      progressWriteMs: 1_000,
    });
    const row = await db.prisma.scenario.create({
      data: {
        siteId: 's1',
        name: 'in flight',
        status: 'queued',
        request: CreateScenarioRequestSchema.parse({ scenario: {} }),
        modelHash: 'h1',
        seed: 0,
        createdBy: 'test',
      },
    });
    await runner.start();
    await engineStarted;
    await runner.close();
    const after = await db.prisma.scenario.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.status).not.toBe('running');
  });
});
