// Screenshots of the static export against a faked API (page.route) and a fake socket.io feed.
// Usage: npx tsx scripts/shoot.ts [outDir]   (after npm run build -w @twinhelm/web)
// Chromium: /usr/bin/chromium, or CHROMIUM_PATH. A Node dev tool, not part of the SPA bundle.
/* eslint-disable no-restricted-imports */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
/* eslint-enable no-restricted-imports */
import { chromium, type Page, type Route } from 'playwright-core';
import { Server } from 'socket.io';
import { type ClientToServerEvents, type ServerToClientEvents } from '@twinhelm/contracts';
import { SITE_ID, assetList, me, network, sites, state, telemetry } from './demo-site';
import { staticHandler } from './serve-out';

async function main(): Promise<void> {
  const outDir = resolve(process.argv[2] ?? '/work/helpers/shots-web');
  mkdirSync(outDir, { recursive: true });

  const http = createServer(staticHandler);
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(http, { path: '/socket.io' });
  io.on('connection', (socket) => {
    let version = 1;
    let timer: NodeJS.Timeout | undefined;
    socket.on('site:join', (req, ack) => {
      if (req.siteId !== SITE_ID) {
        ack({ ok: false, error: `unknown site ${req.siteId}` });
        return;
      }
      version = 1;
      ack({ ok: true, snapshot: { siteId: SITE_ID, version, at: Date.now(), state } });
      clearInterval(timer);
      timer = setInterval(() => {
        version += 1;
        const ts = Date.now();
        const wobble = Math.sin(version / 5);
        socket.emit('twin:delta', {
          siteId: SITE_ID,
          version,
          at: ts,
          changes: {
            PU1: { flow: { v: 38.4 + 2 * wobble, ts }, power: { v: 27.1 + wobble, ts } },
            T1: { level: { v: 3.84 + 0.05 * wobble, ts }, head: { v: 73.84 + 0.05 * wobble, ts } },
            J1: { pressure: { v: 48.2 + 0.5 * wobble, ts } },
          },
        });
      }, 300);
    });
    socket.on('disconnect', () => clearInterval(timer));
  });
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const json = (route: Route, body: unknown, status = 200) =>
    route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });

  async function fakeApi(route: Route): Promise<void> {
    const url = new URL(route.request().url());
    const p = url.pathname;
    const q = (name: string) => url.searchParams.get(name) ?? '';
    if (p === '/api/auth/providers') {
      const credentials = { id: 'credentials', name: 'Credentials', type: 'credentials' };
      return json(route, {
        credentials: {
          ...credentials,
          signinUrl: `${base}/api/auth/signin/credentials`,
          callbackUrl: `${base}/api/auth/callback/credentials`,
        },
      });
    }
    if (p === '/api/auth/csrf') return json(route, { csrfToken: 'csrf' });
    if (p === '/api/auth/session') return json(route, {});
    if (p === '/api/auth/callback/credentials') {
      return json(
        route,
        { url: `${base}/api/auth/error?error=CredentialsSignin&provider=credentials` },
        401,
      );
    }
    if (p === '/api/me') return json(route, me);
    if (p === '/api/sites') return json(route, sites);
    if (p === `/api/sites/${SITE_ID}`) return json(route, sites.sites[0]);
    if (p === `/api/sites/${SITE_ID}/network`) return json(route, network);
    if (p === `/api/sites/${SITE_ID}/assets`) return json(route, assetList);
    const m = /^\/api\/sites\/demo\/assets\/([^/]+)\/telemetry$/.exec(p);
    if (m?.[1]) {
      return json(
        route,
        telemetry(
          decodeURIComponent(m[1]),
          q('metric'),
          Number(q('from')),
          Number(q('to')),
          Number(q('maxPoints')),
        ),
      );
    }
    return json(route, { error: { code: 'not_found', message: `${p}: not faked` } }, 404);
  }

  interface Shot {
    name: string;
    path: string;
    wait?: string;
    settle?: number;
    act?: (page: Page) => Promise<void>;
  }

  const shots: Shot[] = [
    { name: 'login', path: '/login' },
    {
      name: 'login-error',
      path: '/login?next=%2Fconsole%3Fsite%3Ddemo',
      act: async (page) => {
        await page.getByLabel('Username').fill('ada');
        await page.getByLabel('Password').fill('wrong');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('alert').waitFor();
      },
    },
    { name: 'sites', path: '/', wait: 'Demo town' },
    { name: 'console', path: `/console?site=${SITE_ID}`, settle: 6000 },
    {
      name: 'console-search',
      path: `/console?site=${SITE_ID}`,
      settle: 5000,
      act: async (page) => {
        await page.getByRole('searchbox', { name: 'Search assets' }).fill('t');
        await page.keyboard.press('ArrowDown');
      },
    },
    { name: 'console-pump', path: `/console?site=${SITE_ID}&asset=PU1`, settle: 7000 },
    { name: 'console-stale', path: `/console?site=${SITE_ID}&asset=J6`, settle: 6000 },
  ];

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const viewports = { '1366': { width: 1366, height: 768 }, '3840': { width: 3840, height: 2160 } };
  const only = process.env.SHOTS?.split(',');

  for (const [label, viewport] of Object.entries(viewports)) {
    const context = await browser.newContext({ viewport });
    await context.route('**/api/**', fakeApi);
    for (const shot of shots.filter((s) => !only || only.includes(s.name))) {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      await page.goto(`${base}${shot.path}`, { waitUntil: 'load' });
      if (shot.wait) await page.getByText(shot.wait).first().waitFor();
      if (shot.settle) await page.waitForTimeout(shot.settle);
      if (shot.act) await shot.act(page);
      await page.waitForTimeout(800);
      const file = `${outDir}/${shot.name}-${label}.png`;
      await page.screenshot({ path: file, timeout: 240_000 });
      console.log([file, ...problems.slice(0, 8)].join('\n  '));
      await page.close();
    }
    await context.close();
  }
  await browser.close();
  await io.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
