import {
  createServer,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
} from 'node:http';
import { resolve } from 'node:path';
import next from 'next';
import { Server } from 'socket.io';
import type { AppContext } from '../app-context';
import { CLIENT_IP_HEADER } from '../auth/auth-runtime';
import { trustRequestHostForNextAuth } from '../env';
import { attachRealtime, type TwinServer } from '../realtime/attach-realtime';
import { consoleRedirect, serveSpa } from './spa-files';

export interface HttpServerOptions {
  /** The web SPA's static export (apps/web/out). */
  webOutDir: string;
  /** Next dev mode (compiles routes on demand) instead of the `next build` output. */
  dev: boolean;
  /** The BFF's Next app directory (default: apps/bff). */
  bffDir?: string;
  /** socket.io delta coalescing window, ms (default 50). */
  deltaWindowMs?: number;
}

export interface BffHttpServer {
  server: HttpServer;
  io: TwinServer;
  listen(port: number, host: string): Promise<{ port: number }>;
  close(): Promise<void>;
}

/**
 * One origin: /api/* → the BFF's Next route handlers, /socket.io/ → socket.io, anything else →
 * the web SPA's static export. Call after setAppContext(context).
 */
export async function createHttpServer(
  context: AppContext,
  options: HttpServerOptions,
): Promise<BffHttpServer> {
  trustRequestHostForNextAuth();
  const nextApp = next({
    dev: options.dev,
    dir: options.bffDir ?? resolve(import.meta.dirname, '../..'),
    quiet: true,
  });
  await nextApp.prepare();
  const handleNext = nextApp.getRequestHandler();
  const webOutDir = resolve(options.webOutDir);

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error('[bff] request failed', req.method, req.url, error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('internal error: the server log has the details');
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? 'unknown';
      await handleNext(req, res);
      return;
    }
    const redirect = consoleRedirect(url.pathname);
    if (redirect) {
      res.writeHead(302, { Location: redirect }).end();
      return;
    }
    await serveSpa(webOutDir, req, res, url.pathname);
  }

  const io: TwinServer = new Server(server, { path: '/socket.io/', serveClient: false });
  const realtime = attachRealtime(io, {
    twin: context.twin,
    auth: context.auth,
    services: context.services,
    ...(options.deltaWindowMs ? { windowMs: options.deltaWindowMs } : {}),
  });

  return {
    server,
    io,
    listen: (port, host) =>
      new Promise((done, fail) => {
        server.once('error', fail);
        server.listen(port, host, () => {
          server.off('error', fail);
          const address = server.address();
          done({ port: typeof address === 'object' && address ? address.port : port });
        });
      }),
    async close() {
      realtime.close();
      await io.close();
      if (server.listening) await new Promise<void>((done) => server.close(() => done()));
      await nextApp.close();
    },
  };
}
