// Runs `prisma generate` offline. Prisma 7's CLI wants a native schema engine it would download
// from a host this project cannot reach; generate never executes it, so any existing file will
// do (docs/ARCHITECTURE.md, "Prisma offline"). npm 11 does not run Prisma's install scripts, so
// the build runs this explicitly.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(import.meta.url);
const cli = require.resolve('prisma/build/index.js');
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
const result = spawnSync(
  process.execPath,
  [cli, 'generate', '--config', resolve(root, 'prisma.config.ts')],
  {
    cwd: root,
    env,
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
