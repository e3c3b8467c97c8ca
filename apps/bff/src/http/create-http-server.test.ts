import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ClientToServerEvents, JoinSiteAck, ServerToClientEvents } from '@twinhelm/contracts';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAppContext } from '../app-context';
import { hashPassword } from '../auth/passwords';
import { createTestContext, type TestContext } from '../services/testing/test-context';
import { createHttpServer, type BffHttpServer } from './create-http-server';

/**
 * The whole request path: node:http → Next's production route handlers (`next build` output in
 * apps/bff/.next, rebuilt here when app/ or src/ is newer) → services → PostgreSQL.
 */
const BFF_DIR = resolve(import.meta.dirname, '../..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'generated') newest = Math.max(newest, newestMtime(path));
    } else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function ensureBuild(): void {
  const buildId = join(BFF_DIR, '.next', 'BUILD_ID');
  const sources = Math.max(newestMtime(join(BFF_DIR, 'app')), newestMtime(join(BFF_DIR, 'src')));
  if (existsSync(buildId) && statSync(buildId).mtimeMs > sources) return;
  const build = spawnSync('npx', ['next', 'build'], {
    cwd: BFF_DIR,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0)
    throw new Error(
      'next build of apps/bff failed: run `npm run build -w @twinhelm/bff` to see why',
    );
}

describe('createHttpServer', () => {
  let t: TestContext;
  let http: BffHttpServer;
  let base: string;
  let viewerCookie = '';

  beforeAll(async () => {
    ensureBuild();
    t = await createTestContext();
    t.now.value = Date.now();
    setAppContext(t.context);
    const web = mkdtempSync(join(tmpdir(), 'web-out-'));
    writeFileSync(join(web, 'index.html'), '<h1>sites</h1>');
    writeFileSync(join(web, 'login.html'), '<h1>login</h1>');
    await t.db.prisma.user.create({
      data: {
        username: 'viewer',
        name: 'V',
        role: 'viewer',
        passwordHash: await hashPassword('viewer-password'),
      },
    });
    http = await createHttpServer(t.context, { webOutDir: web, dev: false });
    const { port } = await http.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${port}`;
  }, 300_000);
  afterAll(async () => {
    await http?.close();
    await t?.db.drop();
  });

  async function signIn(
    username: string,
    password: string,
  ): Promise<{ cookie: string | null; url: string }> {
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const res = await fetch(`${base}/api/auth/callback/credentials`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
      body: new URLSearchParams({ csrfToken, username, password, json: 'true' }),
    });
    const session = res.headers
      .getSetCookie()
      .find((c) => c.startsWith('next-auth.session-token='));
    const { url } = (await res.json()) as { url: string };
    return { cookie: session ? session.split(';')[0]! : null, url };
  }

  it('serves health and the OpenAPI document without auth', async () => {
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: { connected: true } });
    const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/sites/{siteId}/assets/{assetId}/telemetry');
  });

  it('answers 401 without a session, then signs in with next-auth credentials', async () => {
    const anonymous = await fetch(`${base}/api/me`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({
      error: { code: 'unauthorized', message: 'session expired or missing: sign in again' },
    });
    const { cookie } = await signIn('viewer', 'viewer-password');
    expect(cookie).toBeTruthy();
    viewerCookie = cookie!;
    const me = await fetch(`${base}/api/me`, { headers: { cookie: cookie! } });
    expect(await me.json()).toMatchObject({ name: 'viewer', role: 'viewer' });
    const importing = await fetch(`${base}/api/sites/ctown/network`, {
      method: 'POST',
      headers: { cookie: cookie! },
      body: '[JUNCTIONS]',
    });
    expect(importing.status).toBe(403);
    const unknown = await fetch(`${base}/api/sites/nowhere`, { headers: { cookie: cookie! } });
    expect(unknown.status).toBe(404);
    const badId = await fetch(`${base}/api/sites/Bad%20Id`, { headers: { cookie: cookie! } });
    expect(badId.status).toBe(400);
  });

  it('rate limits failed sign-ins with a clear message', async () => {
    for (let i = 0; i < 5; i++)
      expect((await signIn('viewer', 'wrong')).url).toMatch(/error=wrong/);
    const limited = await signIn('viewer', 'viewer-password');
    expect(limited.cookie).toBeNull();
    expect(decodeURIComponent(limited.url)).toMatch(/too many failed sign-ins/);
  });

  it('accepts bearer API tokens and refuses revoked ones', async () => {
    const admin = await t.db.prisma.user.create({
      data: { username: 'adm', name: 'A', role: 'admin', passwordHash: 'x' },
    });
    const created = await t.context.services.createToken(
      { kind: 'user', id: admin.id, name: 'adm', role: 'admin' },
      { name: 'ci', role: 'admin' },
    );
    const headers = { authorization: `Bearer ${created.token}` };
    const tokens = await fetch(`${base}/api/tokens`, { headers });
    expect(tokens.status).toBe(200);
    const bad = await fetch(`${base}/api/tokens`, { method: 'POST', headers, body: '{"name":' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(
      /not valid JSON/,
    );
    expect(
      (await fetch(`${base}/api/tokens/${created.id}`, { method: 'DELETE', headers })).status,
    ).toBe(204);
    const revoked = await fetch(`${base}/api/me`, { headers });
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toEqual({
      error: { code: 'unauthorized', message: 'API token revoked: create a new one' },
    });
  });

  it('serves the SPA, redirects deep links, and authenticates sockets by session cookie', async () => {
    expect(await (await fetch(`${base}/login`)).text()).toBe('<h1>login</h1>');
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    const deep = await fetch(`${base}/sites/ctown/assets/T1`, { redirect: 'manual' });
    expect(deep.headers.get('location')).toBe('/console?site=ctown&asset=T1');

    const anonymous: Socket<ServerToClientEvents, ClientToServerEvents> = connect(base, {
      transports: ['websocket'],
      reconnection: false,
    });
    expect((await new Promise<Error>((done) => anonymous.on('connect_error', done))).message).toBe(
      'unauthorized',
    );
    anonymous.disconnect();
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(base, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { cookie: viewerCookie },
    });
    const ack = await new Promise<JoinSiteAck>((done) =>
      socket.emit('site:join', { siteId: 'ctown' }, done),
    );
    expect(ack).toEqual({
      ok: false,
      error: 'ctown: unknown site (no site has been imported yet)',
    });
    socket.disconnect();
  });
});
