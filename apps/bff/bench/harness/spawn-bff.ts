import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port';

const BFF_DIR = resolve(import.meta.dirname, '../..');
const LOG_LINES_KEPT = 200;

export interface SpawnBffOptions {
  databaseUrl: string;
  mqttUrl: string;
  /** Default: a free port. */
  port?: number;
  /** Extra environment (INGEST_BATCH_MS, LOG_LEVEL…). */
  env?: Record<string, string>;
  /** Default 120 s: a cold start migrates and imports C-Town. */
  readyTimeoutMs?: number;
}

export interface BffProcess {
  baseUrl: string;
  port: number;
  pid: number;
  /** The last lines the BFF printed (stdout and stderr). */
  logs(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code (null when killed). */
  stop(graceMs?: number): Promise<number | null>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * The whole product as production runs it (`server.ts` as its own Node process, external
 * PostgreSQL and broker, DEMO=on so C-Town and the demo accounts exist, SIMULATOR=off), ready
 * once /api/health answers. The process is killed when this process exits.
 */
export async function spawnBff(options: SpawnBffOptions): Promise<BffProcess> {
  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'twinhelm-bff-'));
  const lines: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: BFF_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: options.databaseUrl,
      MQTT_URL: options.mqttUrl,
      DEMO: 'on',
      SIMULATOR: 'off',
      AUTH_SECRET: 'server-test-secret-0123456789abcdef-0123456789',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > LOG_LINES_KEPT) lines.splice(0, lines.length - LOG_LINES_KEPT);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((done) =>
    child.once('exit', (code) => {
      running.delete(child);
      rmSync(dataDir, { recursive: true, force: true });
      done(code);
    }),
  );
  const logs = () => lines.join('\n');

  const stop = async (graceMs = 15_000): Promise<number | null> => {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };

  const until = Date.now() + (options.readyTimeoutMs ?? 120_000);
  while (!(await healthy(baseUrl))) {
    if (child.exitCode !== null)
      throw new Error(`the BFF exited with code ${child.exitCode} before it was ready:\n${logs()}`);
    if (Date.now() > until) {
      await stop(2000);
      throw new Error(`the BFF was not ready on ${baseUrl} in time:\n${logs()}`);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  if (child.pid === undefined) throw new Error('the BFF process has no pid');
  return { baseUrl, port, pid: child.pid, logs, stop };
}
