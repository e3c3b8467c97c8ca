import type { NextConfig } from 'next';

/** Static export: the BFF serves apps/web/out on the same origin as /api and /socket.io. */
const nextConfig: NextConfig = {
  output: 'export',
  trailingSlash: false,
  images: { unoptimized: true },
  transpilePackages: ['@twinhelm/contracts', '@twinhelm/scene'],
  reactStrictMode: true,
};

export default nextConfig;
