// Worker entry point. A worker thread does not inherit the TypeScript loader of the thread that
// spawned it under vitest (vite-node transforms in-process), and only sometimes under tsx
// (through execArgv). Registering tsx here makes both work, and plain Node with tsx installed.
import { register } from 'tsx/esm/api';

register();
await import('./simulator-worker.ts');
