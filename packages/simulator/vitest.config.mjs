import { defineConfig } from 'vitest/config';

// EPANET runs take seconds on a busy 2-core machine: allow them time.
export default defineConfig({ test: { testTimeout: 60_000 } });
