import { parentPort, workerData } from 'node:worker_threads';
import { createMqttPublisher } from '../mqtt-publisher';
import { PlantSimulator } from '../plant-simulator';
import { handleRequest } from './handle-request';
import {
  type FromWorker,
  type SimulatorStats,
  type SimulatorWorkerOptions,
  type ToWorker,
} from './worker-protocol';

const port = parentPort;
if (port === null)
  throw new Error('simulator-worker.ts must run in a worker thread: use startSimulatorWorker()');
const options = (workerData as { options: SimulatorWorkerOptions }).options;
const post = (message: FromWorker): void => port.postMessage(message);

const publisher = createMqttPublisher(options);
let simulator: PlantSimulator | undefined;
let timer: NodeJS.Timeout | undefined;
let stopping = false;
let forwardedEvents = 0;

function stats(): SimulatorStats {
  return {
    running: !stopping,
    ticks: simulator?.counters.ticks ?? 0,
    messages: simulator?.counters.messages ?? 0,
    plantTimeS: simulator?.plantTimeS ?? 0,
    faultEvents: simulator?.events.length ?? 0,
    engineWarnings: simulator?.engineWarnings ?? 0,
    publisher: publisher.stats(),
  };
}

async function tick(sim: PlantSimulator): Promise<void> {
  const started = Date.now();
  try {
    await sim.tick();
  } catch (error) {
    post({ type: 'log', level: 'error', message: `simulator tick failed: ${String(error)}` });
  }
  forwardEvents(sim);
  post({ type: 'stats', stats: stats() });
  if (!stopping) {
    const wait = Math.max(0, sim.options.sampleIntervalMs - (Date.now() - started));
    timer = setTimeout(() => void tick(sim), wait);
  }
}

function forwardEvents(sim: PlantSimulator): void {
  for (const event of sim.events.slice(forwardedEvents)) post({ type: 'fault', event });
  forwardedEvents = sim.events.length;
}

async function stop(): Promise<void> {
  stopping = true;
  if (timer !== undefined) clearTimeout(timer);
  await publisher.end(options.drainMs ?? 5000);
  simulator?.close();
  post({ type: 'stopped', stats: stats() });
  port?.close();
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'stop') void stop();
  else if (message.type === 'request') {
    const reply = handleRequest(stopping ? undefined : simulator, message.body);
    if (simulator !== undefined) forwardEvents(simulator);
    post({ type: 'reply', id: message.id, reply });
  }
});

try {
  simulator = await PlantSimulator.create(options, {
    publish: publisher.publish,
    clock: Date.now,
    logger: {
      info: (message, fields) =>
        post({ type: 'log', level: 'info', message, ...(fields ? { fields } : {}) }),
      warn: (message, fields) =>
        post({ type: 'log', level: 'warn', message, ...(fields ? { fields } : {}) }),
    },
  });
  post({ type: 'ready', assets: simulator.assets.length });
  await tick(simulator);
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  await publisher.end(0);
  port.close();
}
