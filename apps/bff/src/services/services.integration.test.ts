import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords';
import { verifyLogin, LoginError } from '../auth/verify-login';
import { LoginRateLimiter } from '../auth/login-rate-limiter';
import { ensureDemoData, DEMO_USERS } from './ensure-demo-data';
import { ensureInitialAdmin } from './ensure-initial-admin';
import { createTestContext, principal, type TestContext, refusal } from './testing/test-context';

const CTOWN = readFileSync(
  resolve(import.meta.dirname, '../../../../data/networks/CTOWN.INP'),
  'utf8',
);
const admin = principal('admin');
const viewer = principal('viewer');

describe('services against PostgreSQL', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(async () => {
    await t.db.drop();
  });

  it('imports C-Town: site, active network and every asset, audited, ingest notified', async () => {
    const s = t.context.services;
    const result = await s.importNetwork(admin, { siteId: 'ctown', name: 'C-Town', inp: CTOWN });
    expect(result.counts).toEqual({
      junction: 388,
      reservoir: 1,
      tank: 7,
      pipe: 429,
      pump: 11,
      valve: 4,
    });
    expect(t.imported).toEqual(['ctown']);
    const { sites } = await s.listSites(viewer);
    expect(sites).toEqual([
      {
        id: 'ctown',
        name: 'C-Town',
        modelVersion: result.modelVersion,
        assetCount: 840,
        lastSampleAt: null,
      },
    ]);
    const network = await s.getNetwork(viewer, { siteId: 'ctown' });
    expect(network.nodes).toHaveLength(396);
    const pump = await t.db.prisma.asset.findUniqueOrThrow({
      where: { siteId_id: { siteId: 'ctown', id: 'PU1' } },
    });
    expect(pump.fromId).toBeTruthy();
    const audit = await s.listAudit(admin, { action: 'network.import', limit: 10 });
    expect(audit.entries[0]).toMatchObject({
      actor: 'admin',
      action: 'network.import',
      target: 'ctown',
    });
    // re-import the same file: still one active network
    await s.importNetwork(admin, { siteId: 'ctown', inp: CTOWN });
    expect(await t.db.prisma.network.count({ where: { siteId: 'ctown', active: true } })).toBe(1);
  });

  it('refuses a broken file with every error and its line, writing nothing', async () => {
    const before = await t.db.prisma.auditLog.count();
    const bad = '[JUNCTIONS]\nJ1 abc\n[PIPES]\nP1 J1 J9 10 100 100\n';
    const error = await refusal(
      t.context.services.importNetwork(admin, { siteId: 'broken', inp: bad }),
    );
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/refused with \d+ errors/);
    expect(error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'line 2 [JUNCTIONS]' })]),
    );
    expect(await t.db.prisma.site.findUnique({ where: { id: 'broken' } })).toBeNull();
    expect(await t.db.prisma.auditLog.count()).toBe(before);
  });

  it('refuses roles without the permission', async () => {
    expect(
      (await refusal(t.context.services.importNetwork(viewer, { siteId: 'x', inp: CTOWN }))).status,
    ).toBe(403);
    expect(
      (await refusal(t.context.services.listRejected(principal('operator'), { limit: 10 }))).status,
    ).toBe(403);
    expect((await refusal(t.context.services.listAudit(viewer, { limit: 10 }))).status).toBe(403);
    expect((await refusal(t.context.services.listTokens(principal('manager')))).status).toBe(403);
  });

  it('answers unknown sites and assets with the nearest ids', async () => {
    const site = await refusal(t.context.services.getSite(viewer, { siteId: 'ctwn' }));
    expect(site).toMatchObject({
      status: 404,
      message: 'ctwn: unknown site (did you mean ctown?)',
    });
    const asset = await refusal(
      t.context.services.getAsset(viewer, { siteId: 'ctown', assetId: 'PU12' }),
    );
    expect(asset.status).toBe(404);
    expect(asset.message).toMatch(
      /^PU12: unknown asset in site ctown \(did you mean PU1, PU10, PU11\?\)$/,
    );
  });

  it('reports latest values and freshness from the twin state', async () => {
    const now = t.now.value;
    t.twin.apply('ctown', {
      T1: { level: { v: 3.2, ts: now - 1000 } },
      T2: { level: { v: 1, ts: now - 181_000 } },
    });
    const { assets } = await t.context.services.listAssets(viewer, { siteId: 'ctown' });
    const byId = new Map(assets.map((a) => [a.id, a]));
    expect(byId.get('T1')).toMatchObject({
      freshness: 'fresh',
      lastSeenAt: now - 1000,
      latest: { level: { v: 3.2 } },
    });
    expect(byId.get('T2')?.freshness).toBe('stale');
    expect(byId.get('T3')).toMatchObject({ freshness: 'unmeasured', lastSeenAt: null, latest: {} });
    expect((await t.context.services.getSite(viewer, { siteId: 'ctown' })).lastSampleAt).toBe(
      now - 1000,
    );
  });

  it('downsamples telemetry in SQL: bucket mean, min, max, count', async () => {
    const from = Date.parse('2026-11-22T00:00:00Z');
    const ts = Array.from({ length: 3600 }, (_, i) => new Date(from + i * 1000));
    const values = ts.map((_, i) => i % 100);
    await t.db.prisma.$executeRaw`
      INSERT INTO telemetry_sample (site_id, asset_id, metric, ts, value, seq)
      SELECT 'ctown', 'T1', 'level', t, v, row_number() OVER () FROM unnest(${ts}::timestamptz[], ${values}::float8[]) AS u(t, v)`;
    const series = await t.context.services.queryTelemetry(viewer, {
      siteId: 'ctown',
      assetId: 'T1',
      query: { metric: 'level', from: from, to: from + 3_599_999, maxPoints: 36 },
    });
    expect(series.bucketMs).toBe(100_000);
    expect(series.points).toHaveLength(36);
    expect(series.points[0]).toEqual({ t: from, v: 49.5, min: 0, max: 99, n: 100 });
    expect(series.points.reduce((n, p) => n + p.n, 0)).toBe(3600);
    const wrong = await refusal(
      t.context.services.queryTelemetry(viewer, {
        siteId: 'ctown',
        assetId: 'T1',
        query: { metric: 'pressure_x', maxPoints: 10 },
      }),
    );
    expect(wrong.message).toBe(
      'metric "pressure_x" is not reported by tank T1: use one of level, head, pressure',
    );
    const backwards = await refusal(
      t.context.services.queryTelemetry(viewer, {
        siteId: 'ctown',
        assetId: 'T1',
        query: { metric: 'level', from: 10, to: 5, maxPoints: 10 },
      }),
    );
    expect(backwards.status).toBe(400);
  });

  it('lists rejected messages with counts per site and reason, paged by cursor', async () => {
    await t.db.prisma.rejectedMessage.createMany({
      data: [
        ...Array.from({ length: 5 }, (_, i) => ({
          siteId: 'ctown',
          topic: 't',
          reason: 'unknown_asset',
          detail: `d${i}`,
          payload: '{}',
        })),
        { siteId: null, topic: 'bad', reason: 'bad_topic', detail: 'x', payload: '' },
      ],
    });
    const first = await t.context.services.listRejected(admin, { limit: 4 });
    expect(first.counts).toEqual({ ctown: { unknown_asset: 5 }, '(none)': { bad_topic: 1 } });
    expect(first.messages).toHaveLength(4);
    expect(first.nextCursor).not.toBeNull();
    const second = await t.context.services.listRejected(admin, {
      limit: 4,
      cursor: first.nextCursor!,
    });
    expect(second.messages).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const site = await t.context.services.listRejected(admin, { limit: 10, siteId: 'ctown' });
    expect(site.messages).toHaveLength(5);
  });

  it('creates, authenticates, lists and revokes API tokens', async () => {
    const user = await t.db.prisma.user.create({
      data: { username: 'root', name: 'Root', role: 'admin', passwordHash: 'x' },
    });
    const me = principal('admin', user.id);
    const created = await t.context.services.createToken(me, {
      name: 'scada',
      role: 'viewer',
      expiresInDays: 1,
    });
    expect(created.token).toMatch(/^thk_[A-Za-z0-9_-]{43}$/);
    expect(await t.db.prisma.apiToken.count({ where: { tokenHash: created.token } })).toBe(0);
    const caller = await t.context.auth.authenticate({
      authorization: `Bearer ${created.token}`,
      cookie: null,
    });
    expect(caller).toEqual({ kind: 'token', id: created.id, name: 'scada', role: 'viewer' });
    expect((await refusal(t.context.services.listTokens(caller))).status).toBe(403);
    expect((await t.context.services.listTokens(me)).map((x) => x.name)).toEqual(['scada']);
    t.now.value += 2 * 24 * 3600 * 1000;
    await expect(
      t.context.auth.authenticate({ authorization: `Bearer ${created.token}`, cookie: null }),
    ).rejects.toThrow(/expired/);
    t.now.value -= 2 * 24 * 3600 * 1000;
    await t.context.services.revokeToken(me, { id: created.id });
    await expect(
      t.context.auth.authenticate({ authorization: `Bearer ${created.token}`, cookie: null }),
    ).rejects.toThrow('API token revoked: create a new one');
    await expect(
      t.context.auth.authenticate({ authorization: 'Bearer thk_nope', cookie: null }),
    ).rejects.toThrow(/malformed/);
    await expect(
      t.context.auth.authenticate({ authorization: null, cookie: null }),
    ).rejects.toThrow('session expired or missing: sign in again');
    expect((await refusal(t.context.services.revokeToken(me, { id: 'nope' }))).status).toBe(404);
    const actions = (await t.context.services.listAudit(admin, { limit: 50 })).entries.map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['token.create', 'token.revoke']));
  });

  it('checks passwords, limits failed sign-ins and audits both', async () => {
    await t.db.prisma.user.create({
      data: {
        username: 'ops',
        name: 'Ops',
        role: 'operator',
        passwordHash: await hashPassword('correct horse'),
      },
    });
    const deps = {
      prisma: t.db.prisma,
      limiter: new LoginRateLimiter({
        maxFailures: 5,
        windowMs: 900_000,
        clock: () => t.now.value,
      }),
      clock: () => t.now.value,
    };
    expect(
      await verifyLogin(deps, { username: 'ops', password: 'correct horse', ip: '192.0.2.1' }),
    ).toMatchObject({ username: 'ops', role: 'operator' });
    for (let i = 0; i < 5; i++) {
      await expect(
        verifyLogin(deps, { username: 'ops', password: 'wrong', ip: '192.0.2.1' }),
      ).rejects.toThrow('wrong username or password');
    }
    const limited = verifyLogin(deps, {
      username: 'ops',
      password: 'correct horse',
      ip: '192.0.2.2',
    });
    await expect(limited).rejects.toBeInstanceOf(LoginError);
    await expect(limited).rejects.toThrow(
      'too many failed sign-ins for this account or address: try again in 15 minutes',
    );
    const audit = await t.db.prisma.auditLog.groupBy({
      by: ['action'],
      where: { action: { startsWith: 'login.' } },
      _count: { _all: true },
    });
    expect(Object.fromEntries(audit.map((a) => [a.action, a._count._all]))).toEqual({
      'login.success': 1,
      'login.failure': 5,
      'login.rate_limited': 1,
    });
  });

  it('keeps the audit log append-only', async () => {
    await expect(t.db.prisma.auditLog.updateMany({ data: { actor: 'mallory' } })).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.prisma.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
  });

  it('creates demo data idempotently and the initial admin only on an empty user table', async () => {
    const first = await ensureDemoData(t.deps);
    expect(first.usersCreated).toEqual(DEMO_USERS.map((u) => u.username));
    expect(first.siteImported).toBe(false);
    expect(await ensureDemoData(t.deps)).toEqual({ usersCreated: [], siteImported: false });
    expect(
      await ensureInitialAdmin(t.deps, { username: 'boss', password: 'long-enough-password' }),
    ).toBe(false);
    const health = await t.context.services.health();
    expect(health).toMatchObject({ status: 'ok', version: 'test', database: { connected: true } });
  });
});
