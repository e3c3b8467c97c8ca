import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';

export interface SpawnedMosquitto {
  url: string;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until)
      throw new Error(`mosquitto did not start listening within ${ms} ms (is it installed?)`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/**
 * For tests and benchmarks: our own Mosquitto (from PATH) on a free port with on-disk persistence (kept as root: Mosquitto otherwise
 * drops to its own user, which cannot write our temp dir), so restarting it harms
 * nobody else. Unbounded queues (max_queued_messages 0): the default 1000 drops QoS 1 messages
 * in a burst (FACTS.md).
 */
export async function spawnMosquitto(options: { persistence: boolean }): Promise<SpawnedMosquitto> {
  const dir = mkdtempSync(join(tmpdir(), 'twinhelm-mosquitto-'));
  const port = await freePort();
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous true',
      'user root',
      `persistence ${options.persistence}`,
      `persistence_location ${dir}/`,
      'max_queued_messages 0',
      'max_inflight_messages 0',
      '',
    ].join('\n'),
  );
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('mosquitto', ['-c', conf], { stdio: 'ignore' });
    await waitFor(
      () =>
        new Promise<boolean>((resolve) => {
          const probe = mqtt.connect(`mqtt://127.0.0.1:${port}`, {
            reconnectPeriod: 0,
            connectTimeout: 500,
          });
          const done = (ok: boolean) => {
            probe.end(true);
            resolve(ok);
          };
          probe.on('connect', () => done(true));
          probe.on('error', () => done(false));
          probe.on('close', () => done(false));
        }),
      10_000,
    );
  };
  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url: `mqtt://127.0.0.1:${port}`,
    async restart() {
      await stop();
      await start();
    },
    async stop() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
