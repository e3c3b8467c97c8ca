// Screenshots of the static export against a faked API (page.route) and a fake socket.io feed.
// Usage: node scripts/shoot.mjs [outDir]   (after npm run build -w @twinhelm/web)
// Needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { Server } from 'socket.io';
import { SITE_ID, assetList, me, network, sites, state, telemetry } from './demo-site.mjs';
import { staticHandler } from './serve-out.mjs';

const outDir = resolve(process.argv[2] ?? '/work/helpers/shots-web');
mkdirSync(outDir, { recursive: true });

const http = createServer(staticHandler());
const io = new Server(http, { path: '/socket.io' });
io.on('connection', (socket) => {
  let version = 1;
  let timer = null;
  socket.on('site:join', (req, ack) => {
    if (req?.siteId !== SITE_ID) return ack({ ok: false, error: `unknown site ${req?.siteId}` });
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
await new Promise((done) => http.listen(0, '127.0.0.1', done));
const base = `http://127.0.0.1:${http.address().port}`;

const json = (route, body, status = 200) =>
  route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });

async function fakeApi(route) {
  const url = new URL(route.request().url());
  const p = url.pathname;
  if (p === '/api/auth/providers') {
    return json(route, { credentials: { id: 'credentials', name: 'Credentials', type: 'credentials', signinUrl: `${base}/api/auth/signin/credentials`, callbackUrl: `${base}/api/auth/callback/credentials` } });
  }
  if (p === '/api/auth/csrf') return json(route, { csrfToken: 'csrf' });
  if (p === '/api/auth/session') return json(route, {});
  if (p === '/api/auth/callback/credentials') {
    return json(route, { url: `${base}/api/auth/error?error=CredentialsSignin&provider=credentials` }, 401);
  }
  if (p === '/api/me') return json(route, me);
  if (p === '/api/sites') return json(route, sites);
  if (p === `/api/sites/${SITE_ID}`) return json(route, sites.sites[0]);
  if (p === `/api/sites/${SITE_ID}/network`) return json(route, network);
  if (p === `/api/sites/${SITE_ID}/assets`) return json(route, assetList);
  const m = p.match(/^\/api\/sites\/demo\/assets\/([^/]+)\/telemetry$/);
  if (m) {
    const to = Number(url.searchParams.get('to'));
    const from = Number(url.searchParams.get('from'));
    return json(route, telemetry(decodeURIComponent(m[1]), url.searchParams.get('metric'), from, to, Number(url.searchParams.get('maxPoints'))));
  }
  return json(route, { error: { code: 'not_found', message: `${p}: not faked` } }, 404);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const viewports = { '1366': { width: 1366, height: 768 }, '3840': { width: 3840, height: 2160 } };
const shots = [
  { name: 'login', path: '/login' },
  { name: 'login-error', path: '/login?next=%2Fconsole%3Fsite%3Ddemo', act: async (page) => {
    await page.getByLabel('Username').fill('ada');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
  } },
  { name: 'sites', path: '/', wait: 'Demo town' },
  { name: 'console', path: `/console?site=${SITE_ID}`, settle: 6000 },
  { name: 'console-search', path: `/console?site=${SITE_ID}`, settle: 5000, act: async (page) => {
    await page.getByRole('searchbox', { name: 'Search assets' }).fill('t');
    await page.keyboard.press('ArrowDown');
  } },
  { name: 'console-pump', path: `/console?site=${SITE_ID}&asset=PU1`, settle: 7000 },
  { name: 'console-stale', path: `/console?site=${SITE_ID}&asset=J6`, settle: 6000 },
];

for (const [label, viewport] of Object.entries(viewports)) {
  const context = await browser.newContext({ viewport });
  await context.route('**/api/**', fakeApi);
  for (const shot of shots) {
    const page = await context.newPage();
    const problems = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    await page.goto(`${base}${shot.path}`, { waitUntil: 'load' });
    if (shot.wait) await page.getByText(shot.wait).first().waitFor();
    if (shot.settle) await page.waitForTimeout(shot.settle);
    if (shot.act) await shot.act(page);
    await page.waitForTimeout(800);
    const file = `${outDir}/${shot.name}-${label}.png`;
    await page.screenshot({ path: file });
    console.log(`${file}${problems.length ? `\n  ${problems.slice(0, 8).join('\n  ')}` : ''}`);
    await page.close();
  }
  await context.close();
}
await browser.close();
io.close();
http.close();
