// Serves apps/web/out (the static export) the way the BFF does: /login → login.html,
// /console → console.html, files as they are. For screenshots and local checks only.
// Usage: npx tsx scripts/serve-out.ts [port]
// A Node dev tool, not part of the SPA bundle: the Node-import ban of apps/web does not apply.
/* eslint-disable no-restricted-imports */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
/* eslint-enable no-restricted-imports */

export const OUT_DIR = resolve(fileURLToPath(new URL('../out', import.meta.url)));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The file under out/ that answers a URL path, or null. */
export function resolveOutFile(pathname: string): string | null {
  const clean = normalize(decodeURIComponent(pathname));
  const candidates =
    clean === '/' ? ['index.html'] : [clean, `${clean}.html`, join(clean, 'index.html')];
  for (const candidate of candidates) {
    const file = join(OUT_DIR, candidate);
    if (file.startsWith(`${OUT_DIR}/`) && existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

/** Request handler for the static export; unknown paths get out/404.html. */
export function staticHandler(req: IncomingMessage, res: ServerResponse): void {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  const file = resolveOutFile(pathname);
  if (file === null) {
    res.writeHead(404, { 'content-type': TYPES['.html'] });
    createReadStream(join(OUT_DIR, '404.html')).pipe(res);
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(OUT_DIR)) {
    console.error(`${OUT_DIR} does not exist: run "npm run build -w @twinhelm/web" first.`);
    process.exit(1);
  }
  const port = Number(process.argv[2] ?? 3100);
  createServer(staticHandler).listen(port, '127.0.0.1', () => {
    console.log(`serving ${OUT_DIR} at http://127.0.0.1:${port}`);
  });
}
