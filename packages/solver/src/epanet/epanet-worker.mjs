// @ts-check
/* global console */
// Worker thread body of checkWithEpanet: plain ESM JavaScript so that it starts the same way
// under node, tsx, vitest and a bundled server, with no TypeScript loader in the worker.
// It only runs the engine and reports raw facts; check-result.ts interprets them.
import { parentPort, workerData } from 'node:worker_threads';
import { InitHydOption, Project, TimeParameter, Workspace } from 'epanet-js';

/**
 * @param {unknown} data
 * @returns {{ text: string; budgetMs: number; maxSteps: number }}
 */
const jobOf = (data) => /** @type {{ text: string; budgetMs: number; maxSteps: number }} */ (data);
const { text, budgetMs, maxSteps } = jobOf(workerData);

/** @type {{ code: number; message: string; time: number }[]} */
const warnings = [];
let clock = 0;
console.warn = (/** @type {unknown[]} */ ...args) => {
  const message = args.map(String).join(' ');
  const code = Number(/Warning (\d+)/.exec(message)?.[1] ?? 0);
  warnings.push({
    code,
    message: message.replace(/^epanet-js \(Warning \d+\):\s*(WARNING:\s*)?/, ''),
    time: clock,
  });
};

/** @param {unknown} error */
function describe(error) {
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: Number(/Error (\d+)/.exec(message)?.[1] ?? 0),
    message: message.replace(/^EPANET Error \d+:\s*/, ''),
  };
}

const ws = new Workspace();
await ws.loadModule();
const project = new Project(ws);
const readReport = () => {
  try {
    return ws.readFile('check.rpt');
  } catch {
    return '';
  }
};
/** @type {Record<string, unknown>} */
const result = {
  version: ws.version,
  warnings,
  steps: 0,
  simulatedSeconds: 0,
  budgetExceeded: false,
};
ws.writeFile('check.inp', text);
let stage = 'open';
try {
  project.open('check.inp', 'check.rpt', 'check.out');
  stage = 'init';
  project.openH();
  project.initH(InitHydOption.NoSave);
  result.duration = project.getTimeParameter(TimeParameter.Duration);
  stage = 'run';
  const started = Date.now();
  let steps = 0;
  for (;;) {
    clock = project.runH();
    result.simulatedSeconds = clock;
    steps++;
    const next = project.nextH();
    if (next <= 0) break;
    if (steps >= maxSteps || Date.now() - started > budgetMs) {
      result.budgetExceeded = true;
      break;
    }
  }
  result.steps = steps;
  stage = 'done';
  project.closeH();
} catch (error) {
  result.error = describe(error);
}
result.stage = stage;
try {
  project.close();
} catch {
  // close after a failed open has nothing to release.
}
result.report = readReport();
parentPort?.postMessage(result);
