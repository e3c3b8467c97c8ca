import type { ClientsSummary } from './clients-process';
import { mergeSparse } from './latency-histogram';
import type { PublisherReport } from './publisher';

export interface CpuWindow {
  seconds: number;
  /** CPU of each process (group) as a fraction of one core. */
  processes: Record<string, number>;
  /** Busy fraction of the whole machine (all cores). */
  machineBusy: number;
  cores: number;
}

export interface BenchResult {
  machine: { cores: number; model: string; node: string; loadBefore: string; loadAfter: string };
  config: {
    rate: number;
    seconds: number;
    clients: number;
    clientProcesses: number;
    warmupS: number;
    junctions: number;
  };
  publisher: Extract<PublisherReport, { type: 'done' }>;
  allDurableAt: number | undefined;
  health: { at: number; accepted: number; duplicates: number; pending: number }[];
  window: { from: number; until: number };
  verified: { rows: number; seqs: number; keys: number };
  cpu: CpuWindow | undefined;
  clients: ClientsSummary[];
}

/** Accepted rows at time `at`, linearly between the two health samples around it. */
function acceptedAt(health: BenchResult['health'], at: number): number {
  const after = health.findIndex((s) => s.at >= at);
  if (after <= 0) return health[Math.max(0, after)]?.accepted ?? 0;
  const a = health[after - 1];
  const b = health[after];
  if (!a || !b) return 0;
  return a.accepted + ((b.accepted - a.accepted) * (at - a.at)) / Math.max(1, b.at - a.at);
}

const pct = (fraction: number) => `${(fraction * 100).toFixed(0)} %`;
const row = (label: string, value: string) => `  ${label.padEnd(44)} ${value}`;

export function printReport(r: BenchResult): void {
  const { publisher: p, verified: v } = r;
  const latency = mergeSparse(r.clients.map((c) => c.latency));
  const toEmit = mergeSparse(r.clients.map((c) => c.toEmit));
  const delivery = mergeSparse(r.clients.map((c) => c.delivery));
  const sum = (key: 'deltas' | 'versionGaps' | 'disconnects') =>
    r.clients.reduce((total, c) => total + c[key], 0);
  const expected = p.sent * 3;
  const windowS = (r.window.until - r.window.from) / 1000;
  const windowRate =
    (acceptedAt(r.health, r.window.until) - acceptedAt(r.health, r.window.from)) / 3 / windowS;
  const overallS = r.allDurableAt === undefined ? NaN : (r.allDurableAt - p.startedAt) / 1000;
  const lossless = v.rows === expected && v.keys === expected && v.seqs === p.sent;
  const duplicates = r.health.at(-1)?.duplicates ?? 0;
  const lines = [
    '',
    'Twinhelm ingest bench: MQTT → BFF (server.ts) → PostgreSQL → twin → socket.io',
    row('machine', `${r.machine.cores} cores (${r.machine.model}), Node ${r.machine.node}`),
    row(
      'load average before / after (1 5 15 min)',
      `${r.machine.loadBefore} / ${r.machine.loadAfter}`,
    ),
    row(
      'load',
      `${r.config.rate} msg/s × 3 values for ${r.config.seconds} s to ${r.config.junctions} junctions, ${r.config.clients} socket.io clients in ${r.config.clientProcesses} process(es); steady window after ${r.config.warmupS} s warm-up`,
    ),
    '',
    'Throughput and durability',
    row(
      'published (acknowledged by the broker)',
      `${p.sent} msgs (${p.acked}), ${expected} values`,
    ),
    row(
      'publisher behind schedule at most',
      `${p.maxBehind} msgs; ts bumped for uniqueness ${p.bumped}`,
    ),
    row(
      'durable in the steady window',
      `${windowRate.toFixed(0)} msg/s (${(windowRate * 3).toFixed(0)} rows/s)`,
    ),
    row(
      'all durable, first publish → last commit',
      r.allDurableAt === undefined
        ? 'NOT REACHED within 60 s of the end'
        : `${(p.sent / overallS).toFixed(0)} msg/s over ${overallS.toFixed(1)} s (drained ${((r.allDurableAt - p.endedAt) / 1000).toFixed(2)} s after the last publish)`,
    ),
    row(
      'max messages pending (not yet durable)',
      String(Math.max(...r.health.map((s) => s.pending))),
    ),
    row(
      'rows in PostgreSQL / expected',
      `${v.rows} / ${expected}: ${lossless ? 'zero loss, no duplicates' : `MISMATCH (distinct seq ${v.seqs} of ${p.sent}, distinct asset-metric-seq ${v.keys})`}`,
    ),
    row('redelivered duplicates ignored by the BFF', String(duplicates)),
    '',
    `CPU over the steady window${r.cpu ? ` (${r.cpu.seconds.toFixed(1)} s; 100 % = one core)` : ''}`,
    ...(r.cpu
      ? [
          ...Object.entries(r.cpu.processes).map(([name, f]) => row(name, pct(f))),
          row(`machine (all ${r.cpu.cores} cores busy)`, pct(r.cpu.machineBusy)),
        ]
      : [row('not measured', 'the run ended before the window closed')]),
    '',
    'Latency publish → socket.io client (value in a twin:delta), steady window',
    row('values timed (all clients)', `${latency.count} in ${sum('deltas')} deltas`),
    row(
      'p50 / p95 / p99 / max',
      `${latency.percentile(50)} / ${latency.percentile(95)} / ${latency.percentile(99)} / ${latency.max} ms`,
    ),
    row(
      '  of which publish → BFF emits (p50 / p95)',
      `${toEmit.percentile(50)} / ${toEmit.percentile(95)} ms`,
    ),
    row(
      '  of which emit → client handles (p50 / p95)',
      `${delivery.percentile(50)} / ${delivery.percentile(95)} ms`,
    ),
    row('delta version gaps / disconnects', `${sum('versionGaps')} / ${sum('disconnects')}`),
    '',
  ];
  console.log(lines.join('\n'));
}
