#!/usr/bin/env -S npx tsx
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCliConfig } from './cli-config';
import { startSimulatorWorker } from './start-simulator-worker';

function readNetwork(path: string): string {
  try {
    return readFileSync(resolve(path), 'utf8');
  } catch (error) {
    throw new Error(
      `--inp ${path}: cannot read the network file (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    );
  }
}

async function main(): Promise<void> {
  const config = parseCliConfig(process.argv.slice(2));
  const handle = await startSimulatorWorker({
    siteId: config.site,
    inpText: readNetwork(config.inp),
    seed: config.seed,
    speedup: config.speedup,
    sampleIntervalMs: config.intervalMs,
    faults: { enabled: config.faults, meanIntervalS: config.faultMeanS },
    mqttUrl: config.url,
    ...(config.username === undefined ? {} : { username: config.username }),
    ...(config.password === undefined ? {} : { password: config.password }),
    ...(config.clientId === undefined ? {} : { clientId: config.clientId }),
    logger: {
      info: (message) => console.log(message),
      warn: (message, fields) => console.warn(message, fields ?? ''),
    },
  });
  console.log(
    `simulating site ${config.site} from ${config.inp} at ${config.speedup}x, publishing to ${config.url}`,
  );
  const report = setInterval(() => {
    const s = handle.stats();
    console.log(
      `plant ${(s.plantTimeS / 3600).toFixed(2)} h, ticks ${s.ticks}, messages ${s.messages}, ` +
        `acked ${s.publisher.acknowledged}, pending ${s.publisher.pending}, dropped ${s.publisher.dropped}, ` +
        `connected ${s.publisher.connected}${s.publisher.lastError ? `, last error: ${s.publisher.lastError}` : ''}`,
    );
  }, 10_000);
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    clearInterval(report);
    await handle.stop();
    const s = handle.stats();
    console.log(
      `stopped: ${s.messages} messages, ${s.publisher.acknowledged} acknowledged, ${s.faultEvents} fault events`,
    );
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  if (config.durationS !== undefined) setTimeout(() => void stop(), config.durationS * 1000);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
