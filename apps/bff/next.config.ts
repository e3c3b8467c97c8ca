import { resolve } from 'node:path';
import type { NextConfig } from 'next';

/**
 * The BFF's Next app holds only route handlers (app/api/**); server.ts serves them with the web
 * SPA's static export, socket.io and the ingest from one Node server.
 */
const nextConfig: NextConfig = {
  transpilePackages: ['@twinhelm/contracts'],
  turbopack: { root: resolve(import.meta.dirname, '../..') },
  outputFileTracingRoot: resolve(import.meta.dirname, '../..'),
  poweredByHeader: false,
};

export default nextConfig;
