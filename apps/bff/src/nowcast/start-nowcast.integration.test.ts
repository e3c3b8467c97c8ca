import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NowcastSchema, type Nowcast, type Sample } from '@twinhelm/contracts';
import { createSolverPool, readEnsembleNetwork, type SolverPool } from '@twinhelm/solver';
import type pg from 'pg';
import { quietPool } from '../testing/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgSql } from '../db/sql-pg';
import type { Sql } from '../db/sql';
import type { LogLevel } from '../log';
import { createTestContext, principal, type TestContext } from '../services/testing/test-context';
import { createTwinState, type TwinState } from '../twin/twin-state';
import { startNowcast, type NowcastOptions, type NowcastSolver } from './start-nowcast';

const NETWORKS = resolve(import.meta.dirname, '../../../../data/networks');
const CTOWN = readFileSync(resolve(NETWORKS, 'CTOWN.INP'), 'utf8');
const NET1 = readFileSync(resolve(NETWORKS, 'Net1.inp'), 'utf8');
const admin = principal('admin');

describe('startNowcast on C-Town (PostgreSQL, solver pool)', () => {
  let t: TestContext;
  let pool: pg.Pool;
  let sql: Sql;
  let solver: SolverPool;
  let twin: TwinState;
  const now = { value: Date.parse('2026-11-22T08:30:00Z') };
  const logs: { level: LogLevel; message: string }[] = [];
  const emitted: Nowcast[] = [];

  const sample = (assetId: string, metric: string, value: number, ageMs = 5_000): Sample => ({
    siteId: 'ctown',
    assetId,
    metric,
    value,
    ts: now.value - ageMs,
    seq: 1,
  });

  function options(overrides: Partial<NowcastOptions> = {}): NowcastOptions {
    return {
      solver,
      twin,
      sql,
      emit: (_siteId, nowcast) => emitted.push(nowcast),
      intervalMs: 0,
      utcOffsetMin: 0,
      maxSteps: 1_000,
      timeoutMs: 30_000,
      clock: () => now.value,
      log: (level, message) => logs.push({ level, message }),
      ...overrides,
    };
  }

  const storedRows = async (siteId: string): Promise<number> =>
    Number(
      (
        await sql.query<{ n: string }>(
          'SELECT count(*) AS n FROM model_residual WHERE site_id = $1',
          [siteId],
        )
      ).rows[0]?.n,
    );

  beforeAll(async () => {
    t = await createTestContext();
    await t.context.services.importNetwork(admin, { siteId: 'ctown', name: 'C-Town', inp: CTOWN });
    await t.context.services.importNetwork(admin, { siteId: 'net1', name: 'Net1', inp: NET1 });
    await t.db.prisma.site.create({ data: { id: 'empty', name: 'No network' } });
    pool = quietPool(t.db.url, { max: 4 });
    sql = pgSql(pool);
    solver = createSolverPool({ size: 1 });
    twin = createTwinState({ now: () => now.value });
    twin.apply([
      sample('T1', 'level', 3.2),
      sample('T2', 'level', 1.1),
      sample('PU1', 'status', 1),
      sample('PU2', 'status', 0),
      sample('J511', 'pressure', 60),
      sample('J411', 'pressure', 50, 3_600_000),
    ]);
  }, 120_000);
  afterAll(async () => {
    await solver?.close();
    await pool?.end();
    await t?.db.drop();
  });

  it('estimates every node and link from the live state and keeps measured − modelled residuals', async () => {
    const runner = startNowcast(options());
    const nowcast = await runner.runOnce('ctown');
    await runner.stop();
    expect(nowcast).toBeDefined();
    if (!nowcast) return;
    expect(NowcastSchema.parse(emitted.at(-1))).toEqual(nowcast);
    expect(nowcast).toMatchObject({
      siteId: 'ctown',
      at: now.value,
      stateTakenAt: now.value - 5_000,
    });
    expect(nowcast.modelHash).toMatch(/^[0-9a-f]{64}$/);
    expect(nowcast.engineVersion).toMatch(/epanet/i);
    // every asset is estimated, measured or not (C-Town: 396 nodes, 444 links)
    expect(Object.keys(nowcast.values)).toHaveLength(840);
    expect(Object.keys(nowcast.values.J414 ?? {}).sort()).toEqual(['demand', 'head', 'pressure']);
    expect(nowcast.values.J414?.pressure).toBeGreaterThan(0);
    expect(Object.keys(nowcast.values.P1 ?? {}).sort()).toEqual(['flow', 'velocity']);
    expect(Object.keys(nowcast.values.PU1 ?? {}).sort()).toEqual(['flow', 'power', 'velocity']);
    // the bound state: measured tank levels are the initial levels, a stopped pump carries nothing
    expect(nowcast.values.T1?.level).toBeCloseTo(3.2, 3);
    expect(nowcast.values.T2?.level).toBeCloseTo(1.1, 3);
    expect(nowcast.values.PU2?.flow).toBeCloseTo(0, 3);
    expect(nowcast.values.PU1?.flow).toBeGreaterThan(1);
    // residuals: measured metrics only, fresh only
    const j511 = nowcast.residuals.J511?.pressure;
    expect(j511?.measured).toBe(60);
    expect(j511?.modelled).toBe(nowcast.values.J511?.pressure);
    expect(j511?.residual).toBeCloseTo(60 - (j511?.modelled ?? NaN), 9);
    expect(nowcast.residuals.T1?.level?.residual).toBeCloseTo(0, 3);
    expect(nowcast.residuals).not.toHaveProperty('J411');
    expect(nowcast.residuals).not.toHaveProperty('PU1');
    expect(Object.keys(nowcast.residuals).sort()).toEqual(['J511', 'T1', 'T2']);
    expect(runner.latest('ctown')).toBe(nowcast);
    expect(runner.stats()).toMatchObject({ runs: 1, failures: 0 });

    const { rows } = await sql.query<{
      asset_id: string;
      metric: string;
      at: Date;
      residual: number;
    }>(
      'SELECT asset_id, metric, at, residual FROM model_residual WHERE site_id = $1 ORDER BY asset_id',
      ['ctown'],
    );
    expect(rows.map((r) => `${r.asset_id}.${r.metric}`)).toEqual([
      'J511.pressure',
      'T1.level',
      'T2.level',
    ]);
    expect(rows[0]?.at.getTime()).toBe(now.value);
    expect(rows[0]?.residual).toBeCloseTo(j511?.residual ?? NaN, 9);
  });

  it('stores the residuals of one time once, and never runs one site twice at a time', async () => {
    let running = 0;
    let most = 0;
    let calls = 0;
    const counting: NowcastSolver = {
      async run(request) {
        calls += 1;
        running += 1;
        most = Math.max(most, running);
        try {
          return await solver.run(request);
        } finally {
          running -= 1;
        }
      },
    };
    const before = await storedRows('ctown');
    const runner = startNowcast(options({ solver: counting }));
    const [a, b] = await Promise.all([runner.runOnce('ctown'), runner.runOnce('ctown')]);
    expect(a).toBe(b);
    expect(calls).toBe(1);
    await runner.runOnce('ctown');
    expect(calls).toBe(2);
    expect(most).toBe(1);
    expect(await storedRows('ctown')).toBe(before);
    now.value += 60_000;
    await runner.runOnce('ctown');
    expect(await storedRows('ctown')).toBe(before + 3);
    await runner.stop();
  });

  it('runs every site on its timer, skipping sites without a network or without fresh telemetry', async () => {
    twin.apply([
      { siteId: 'empty', assetId: 'X', metric: 'pressure', value: 1, ts: now.value, seq: 1 },
    ]);
    const sent: string[] = [];
    const runner = startNowcast(
      options({ intervalMs: 20, firstRunMs: 0, emit: (siteId) => sent.push(siteId) }),
    );
    await expect.poll(() => sent.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    await runner.stop();
    expect(new Set(sent)).toEqual(new Set(['ctown']));
    expect(runner.lastAttempt('net1')).toMatchObject({
      outcome: 'skipped',
      reason: 'no telemetry in the last 120 s',
    });
    expect(await runner.runOnce('empty')).toBeUndefined();
    expect(runner.lastAttempt('empty')).toMatchObject({
      outcome: 'skipped',
      reason: 'no network imported',
    });
    const count = sent.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(sent.length).toBe(count);
  });

  it('deletes residuals past their retention on its timer', async () => {
    const old = new Date(now.value - 40 * 86_400_000);
    await sql.query(
      `INSERT INTO model_residual (site_id, asset_id, metric, at, measured, modelled, residual)
       VALUES ('ctown', 'J511', 'pressure', $1, 50, 49, 1)`,
      [old],
    );
    const before = await storedRows('ctown');
    const runner = startNowcast(
      options({ intervalMs: 20, firstRunMs: 0, residualRetentionMs: 30 * 86_400_000 }),
    );
    await expect
      .poll(() => logs.some((l) => l.message.includes('1 residual(s) past retention deleted')), {
        timeout: 20_000,
      })
      .toBe(true);
    await runner.stop();
    const left = await sql.query('SELECT 1 FROM model_residual WHERE at = $1', [old]);
    expect(left.rowCount).toBe(0);
    expect(await storedRows('ctown')).toBeGreaterThanOrEqual(before - 1);
  });

  it('logs a failing model, counts it, and goes on with the other sites', async () => {
    await sql.query(`INSERT INTO site (id, name) VALUES ('broken', 'Broken')`);
    await sql.query(
      `INSERT INTO network (id, site_id, hash, title, inp, model)
       VALUES (gen_random_uuid(), 'broken', 'deadbeef', 'broken', $1, '{}')`,
      ['[JUNCTIONS]\nJ1 abc\n[END]\n'],
    );
    twin.apply([
      { siteId: 'broken', assetId: 'J1', metric: 'pressure', value: 1, ts: now.value, seq: 1 },
    ]);
    logs.length = 0;
    const runner = startNowcast(options());
    expect(await runner.runOnce('broken')).toBeUndefined();
    expect(runner.stats()).toMatchObject({ runs: 0, failures: 1 });
    expect(runner.lastAttempt('broken')).toMatchObject({ outcome: 'failed' });
    expect(logs.map((l) => l.level)).toEqual(['warn']);
    expect(logs[0]?.message).toMatch(/^nowcast broken failed \(1 so far\): EPANET Error 200/);
    expect(runner.latest('broken')).toBeUndefined();
    expect(await runner.runOnce('ctown')).toBeDefined();
    await runner.stop();
  });

  it('keeps and sends the nowcast when its residuals cannot be stored', async () => {
    const failingWrites: Sql = {
      ...sql,
      query: (text, params) =>
        text.includes('INSERT INTO model_residual')
          ? Promise.reject(new Error('connection terminated'))
          : sql.query(text, params),
    };
    logs.length = 0;
    emitted.length = 0;
    now.value += 60_000;
    twin.apply([sample('J511', 'pressure', 61)]);
    const runner = startNowcast(options({ sql: failingWrites }));
    const nowcast = await runner.runOnce('ctown');
    await runner.stop();
    expect(nowcast?.residuals.J511?.pressure?.measured).toBe(61);
    expect(emitted).toEqual([nowcast]);
    expect(runner.stats()).toMatchObject({ runs: 1, failures: 0, unstored: 1 });
    expect(logs).toEqual([
      { level: 'warn', message: 'nowcast ctown: residuals not stored: connection terminated' },
    ]);
  });

  it('estimates the demand multiplier of a district from a metered junction and binds it', async () => {
    const [junction, dma] = [...readEnsembleNetwork(CTOWN).districtOf][0] ?? ['', ''];
    const own = createTwinState({ now: () => now.value });
    own.apply([sample('T1', 'level', 3.2), sample('PU1', 'status', 1)]);
    const runner = startNowcast(options({ twin: own }));
    const first = await runner.runOnce('ctown');
    const modelled = first?.values[junction]?.demand ?? NaN;
    expect(modelled).toBeGreaterThan(0);
    expect(runner.demandMultipliers('ctown')).toBeUndefined();

    own.apply([sample(junction, 'demand', 2 * modelled)]);
    await runner.runOnce('ctown');
    expect(runner.demandMultipliers('ctown')?.dma?.[dma]).toBeCloseTo(2, 2);

    const bound = await runner.runOnce('ctown');
    await runner.stop();
    expect(bound?.demandMultipliers?.dma?.[dma]).toBeCloseTo(2, 2);
    // the district now draws what its meter says
    expect(bound?.residuals[junction]?.demand?.residual ?? NaN).toBeCloseTo(0, 2);
  });
});
