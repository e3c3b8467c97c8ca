import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NowcastSchema, ResidualSeriesSchema, type Nowcast } from '@twinhelm/contracts';
import type pg from 'pg';
import { quietPool } from '../testing/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getNowcastRoute } from '../../app/api/sites/[siteId]/nowcast/route';
import { GET as getResidualsRoute } from '../../app/api/sites/[siteId]/residuals/route';
import { setAppContext, type AppContext } from '../app-context';
import { hashPassword } from '../auth/passwords';
import { pgSql } from '../db/sql-pg';
import {
  createTestContext,
  principal,
  refusal,
  type TestContext,
} from '../services/testing/test-context';
import {
  createNowcastServices,
  type NowcastServiceDeps,
  type NowcastServices,
} from './nowcast-services';
import { insertResiduals } from './nowcast-store';
import type { NowcastAttempt } from './start-nowcast';

const CTOWN = readFileSync(
  resolve(import.meta.dirname, '../../../../data/networks/CTOWN.INP'),
  'utf8',
);
const MINUTE = 60_000;

/** The nowcast services over a stub loop, and the routes over them (auth, parsing, errors). */
describe('nowcast and residual routes', () => {
  let t: TestContext;
  let pool: pg.Pool;
  let token = '';
  const latest = new Map<string, Nowcast>();
  const attempts = new Map<string, NowcastAttempt>();
  const runner: NonNullable<NowcastServiceDeps['runner']> = {
    latest: (siteId) => latest.get(siteId),
    lastAttempt: (siteId) => attempts.get(siteId),
    schedule: { intervalMs: 60_000, firstRunMs: 10_000, startedAt: 0 },
  };
  let services: NowcastServices;

  const nowcast = (at: number): Nowcast => ({
    siteId: 'ctown',
    at,
    stateTakenAt: at - 2_000,
    modelHash: 'a'.repeat(64),
    engineVersion: 'epanet-js 0.9.0',
    elapsedMs: 30,
    values: { J511: { pressure: 58.5, head: 163.6, demand: 1.2 }, T1: { level: 3.2 } },
    residuals: { J511: { pressure: { measured: 60, modelled: 58.5, residual: 1.5 } } },
  });

  const call = (
    handler: typeof getNowcastRoute,
    path: string,
    siteId: string,
    auth = true,
  ): Promise<Response> =>
    handler(
      new Request(`http://localhost${path}`, {
        headers: auth ? { authorization: `Bearer ${token}` } : {},
      }),
      { params: Promise.resolve({ siteId }) },
    );

  beforeAll(async () => {
    t = await createTestContext();
    await t.context.services.importNetwork(principal('admin'), { siteId: 'ctown', inp: CTOWN });
    const user = await t.db.prisma.user.create({
      data: {
        username: 'admin',
        name: 'A',
        role: 'admin',
        passwordHash: await hashPassword('admin-password'),
      },
    });
    ({ token } = await t.context.services.createToken(principal('admin', user.id), {
      name: 'viewer token',
      role: 'viewer',
    }));
    services = createNowcastServices({ prisma: t.db.prisma, runner, clock: () => t.now.value });
    const context: AppContext & { nowcast: NowcastServices } = { ...t.context, nowcast: services };
    setAppContext(context);
    pool = quietPool(t.db.url, { max: 2 });
    const sql = pgSql(pool);
    for (const k of [3, 2, 1]) {
      const at = t.now.value - k * MINUTE;
      await insertResiduals(sql, 'ctown', at, {
        J511: { pressure: { measured: 60, modelled: 60 - k, residual: k } },
        T1: { level: { measured: 3, modelled: 3, residual: 0 } },
      });
    }
  }, 120_000);
  afterAll(async () => {
    await pool?.end();
    await t?.db.drop();
  });

  it('refuses a request without a session or token (401)', async () => {
    for (const [handler, path] of [
      [getNowcastRoute, '/api/sites/ctown/nowcast'],
      [getResidualsRoute, '/api/sites/ctown/residuals?assetId=J511&metric=pressure'],
    ] as const) {
      const res = await call(handler, path, 'ctown', false);
      expect(res.status).toBe(401);
    }
  });

  it('says why there is no nowcast yet (404), then serves the latest to any role', async () => {
    const before = await call(getNowcastRoute, '/api/sites/ctown/nowcast', 'ctown');
    expect(before.status).toBe(404);
    expect(await before.json()).toEqual({
      error: {
        code: 'not_found',
        message: 'ctown: no nowcast yet: the first runs 10 s after start, then every 60 s',
      },
    });
    attempts.set('ctown', { at: 0, outcome: 'skipped', reason: 'no telemetry in the last 120 s' });
    expect(await refusal(services.getNowcast(principal('viewer'), { siteId: 'ctown' }))).toEqual({
      status: 404,
      message:
        'ctown: no nowcast yet: the last attempt (1970-01-01T00:00:00.000Z) was skipped: no telemetry in the last 120 s; the next runs within 60 s',
    });
    latest.set('ctown', nowcast(t.now.value));
    const res = await call(getNowcastRoute, '/api/sites/ctown/nowcast', 'ctown');
    expect(res.status).toBe(200);
    expect(NowcastSchema.parse(await res.json())).toEqual(nowcast(t.now.value));
  });

  it('names the nearest sites for an unknown one and says when the nowcast is off', async () => {
    const res = await call(getNowcastRoute, '/api/sites/ctwn/nowcast', 'ctwn');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      'ctwn: unknown site (did you mean ctown?)',
    );
    const off = createNowcastServices({ prisma: t.db.prisma, runner: undefined, clock: Date.now });
    expect((await refusal(off.getNowcast(principal('viewer'), { siteId: 'ctown' }))).message).toBe(
      'ctown: no nowcast: the nowcast is off (set NOWCAST_INTERVAL_S to a number of seconds > 0)',
    );
  });

  it('returns the stored residuals of one sensor, oldest first, within from..to', async () => {
    const res = await call(
      getResidualsRoute,
      '/api/sites/ctown/residuals?assetId=J511&metric=pressure',
      'ctown',
    );
    expect(res.status).toBe(200);
    const series = ResidualSeriesSchema.parse(await res.json());
    expect(series).toEqual({
      siteId: 'ctown',
      assetId: 'J511',
      metric: 'pressure',
      points: [3, 2, 1].map((k) => ({
        t: t.now.value - k * MINUTE,
        measured: 60,
        modelled: 60 - k,
        residual: k,
      })),
    });
    const from = t.now.value - 2 * MINUTE;
    const window = await services.queryResiduals(principal('viewer'), {
      siteId: 'ctown',
      query: { assetId: 'J511', metric: 'pressure', from, to: t.now.value },
    });
    expect(window.points.map((p) => p.residual)).toEqual([2, 1]);
  });

  it('refuses a bad query (400) and an unknown asset (404 naming the nearest ids)', async () => {
    const bad = async (path: string) => {
      const res = await call(getResidualsRoute, path, 'ctown');
      return { status: res.status, body: (await res.json()) as { error: { message: string } } };
    };
    const noAsset = await bad('/api/sites/ctown/residuals?metric=pressure');
    expect(noAsset.status).toBe(400);
    expect(noAsset.body.error.message).toMatch(/^invalid query: assetId: /);
    const badTime = await bad(
      '/api/sites/ctown/residuals?assetId=J511&metric=pressure&from=yesterday',
    );
    expect(badTime.status).toBe(400);
    expect(badTime.body.error.message).toMatch(/^invalid query: from: /);
    const metric = await bad('/api/sites/ctown/residuals?assetId=J511&metric=status');
    expect(metric).toMatchObject({
      status: 400,
      body: {
        error: {
          message:
            'metric "status" has no residuals: use one of pressure, head, demand, level, flow, velocity, power',
        },
      },
    });
    const reversed = await bad(
      `/api/sites/ctown/residuals?assetId=J511&metric=pressure&from=${t.now.value}&to=${t.now.value - 1}`,
    );
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toMatch(/^from \(.+\) must be before to/);
    const long = await bad(`/api/sites/ctown/residuals?assetId=J511&metric=pressure&from=0`);
    expect(long.body.error.message).toBe(
      'the range is longer than 31 days: ask for a shorter range',
    );
    const unknown = await bad('/api/sites/ctown/residuals?assetId=J5111&metric=pressure');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(
      /^J5111: unknown asset in site ctown \(did you mean J511.*\?\)$/,
    );
  });
});
