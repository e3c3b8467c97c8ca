// Serves apps/web/out (the static export) the way the BFF does: /login → login.html,
// /console → console.html, files as they are. For screenshots and local checks only.
// Usage: node scripts/serve-out.mjs [port]
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = resolve(fileURLToPath(new URL('../out', import.meta.url)));
const TYPES = {
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
export function resolveOutFile(pathname) {
  const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  const candidates = clean === '/' ? ['index.html'] : [clean, `${clean}.html`, join(clean, 'index.html')];
  for (const candidate of candidates) {
    const file = join(OUT, candidate);
    if (file.startsWith(OUT) && existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

/** Request handler for the static export; `fallthrough` gets what is not a file (e.g. /api). */
export function staticHandler(fallthrough) {
  return (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const file = resolveOutFile(pathname);
    if (file === null) {
      if (fallthrough && fallthrough(req, res)) return;
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      createReadStream(join(OUT, '404.html')).pipe(res);
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(OUT)) {
    console.error(`${OUT} does not exist: run "npm run build -w @twinhelm/web" first.`);
    process.exit(1);
  }
  const port = Number(process.argv[2] ?? 3100);
  createServer(staticHandler()).listen(port, '127.0.0.1', () => {
    console.log(`serving ${OUT} at http://127.0.0.1:${port}`);
  });
}
