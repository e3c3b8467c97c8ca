import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/**
 * Serves the web SPA's static export (apps/web/out): `/x` is x.html or x/index.html, `/` is
 * index.html; hashed assets under /_next/ are cached for a year, HTML never.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

/** /sites/<id> and /sites/<id>/assets/<assetId> deep links → the console's query form. */
export function consoleRedirect(pathname: string): string | null {
  const match = /^\/sites\/([^/]+)(?:\/assets\/([^/]+))?\/?$/.exec(pathname);
  if (!match?.[1]) return null;
  const query = new URLSearchParams({ site: decodeURIComponent(match[1]) });
  if (match[2]) query.set('asset', decodeURIComponent(match[2]));
  return `/console?${query.toString()}`;
}

/** The file under outDir a request path maps to, or null (never outside outDir). */
export async function resolveSpaFile(outDir: string, pathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  if (relative.split(/[/\\]/).includes('..')) return null;
  const base = join(outDir, relative);
  if (base !== outDir && !base.startsWith(outDir + sep)) return null;
  const candidates =
    relative === '' || relative.endsWith('/')
      ? [join(base, 'index.html')]
      : [base, `${base}.html`, join(base, 'index.html')];
  for (const file of candidates) {
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) return file;
  }
  return null;
}

export async function serveSpa(
  outDir: string,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res
      .writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
      .end('method not allowed: the SPA is read-only');
    return;
  }
  const file = await resolveSpaFile(outDir, pathname);
  if (!file) {
    const notFoundPage = await resolveSpaFile(outDir, '/404');
    if (notFoundPage) return send(res, req, notFoundPage, 404, 'no-cache');
    res
      .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
      .end(`${pathname}: not found`);
    return;
  }
  const cache = pathname.startsWith('/_next/') ? 'public, max-age=31536000, immutable' : 'no-cache';
  return send(res, req, file, 200, cache);
}

function send(
  res: ServerResponse,
  req: IncomingMessage,
  file: string,
  status: number,
  cache: string,
): Promise<void> {
  res.writeHead(status, {
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': cache,
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return Promise.resolve();
  }
  return new Promise((done) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      res.destroy();
      done();
    });
    stream.on('end', done);
    stream.pipe(res);
  });
}
