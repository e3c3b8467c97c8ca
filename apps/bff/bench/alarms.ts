// Alarm benchmark (issue 4): rule evaluation throughput on C-Town with 10 rules per junction,
// then the whole path at the ingest's target rate (publisher process → broker → ingest →
// PostgreSQL → alarm engine → alarm rows) with surges raising and clearing alarms, timed from
// the publish to the stored change and checked row by row. See README.md ("bench:alarms").
import { cpus, loadavg } from 'node:os';
import { printLive, printPure } from './alarms/alarm-report';
import { runLivePath } from './alarms/live-run';
import { runPureEvaluation } from './alarms/pure-evaluation';
import { benchNumber } from './harness/bench-settings';

const RATE = benchNumber('BENCH_RATE', 5000);
const SECONDS = benchNumber('BENCH_SECONDS', 25);
const SURGES = benchNumber('BENCH_SURGES', 20);
/** Junctions taking turns at surging, and how many toggle pairs a surge lasts (1 s at 20/s). */
const VICTIMS = 100;
const HOLD = Math.max(1, Math.round(SURGES / 2));
const WARMUP_S = Math.min(5, SECONDS / 5);
const HARD_LIMIT_MS = (SECONDS + 240) * 1000;

for (const [name, value] of Object.entries({ RATE, SECONDS, SURGES }))
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`BENCH_${name} must be a positive number (got ${String(value)})`);
if (SECONDS < 6) throw new Error(`BENCH_SECONDS must be at least 6 (got ${SECONDS})`);

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const hardStop = setTimeout(() => {
    console.error(`bench: still running after ${HARD_LIMIT_MS / 1000} s: giving up`);
    process.exit(2);
  }, HARD_LIMIT_MS);
  hardStop.unref();
  let failed = false;
  try {
    console.log(
      `Twinhelm alarm bench: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`,
    );
    const pureLoad = load();
    console.log('1. evaluating C-Town traffic with the rule evaluator alone…');
    const pure = runPureEvaluation({
      rate: RATE,
      surgesPerS: SURGES,
      victims: VICTIMS,
      hold: HOLD,
      roundS: 20,
      rounds: 5,
    });
    printPure(pure, RATE, pureLoad);

    const liveLoad = load();
    console.log(
      `\n2. setting up (fresh database, C-Town, rules, broker, ingest, engine); then ${RATE} msg/s for ${SECONDS} s…`,
    );
    const live = await runLivePath(
      {
        rate: RATE,
        seconds: SECONDS,
        surgesPerS: SURGES,
        victims: VICTIMS,
        hold: HOLD,
        warmupS: WARMUP_S,
      },
      cleanups,
    );
    printLive(live, liveLoad);
    console.log(`load average after (1 5 15 min): ${load()}`);
  } catch (error) {
    failed = true;
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    while (cleanups.length > 0)
      await cleanups
        .pop()?.()
        .catch((error: unknown) => console.error(`cleanup: ${String(error)}`));
  }
  process.exit(failed ? 1 : 0);
}

void main();
