import {
  type Band,
  type LiveState,
  type Scenario,
  type ScenarioBands,
  type ScenarioResult,
} from '@twinhelm/contracts';
import { type RunFailure } from '../engine/run-errors';
import { type SolverPool } from '../engine/solver-pool';
import { type RunOutcome } from '../engine/worker-protocol';
import { bandRowCount, compactCells, type CompactTarget, packSeries } from './compact-member';
import { computeBands } from './compute-bands';
import { type EnsembleNetwork, readEnsembleNetwork } from './ensemble-network';
import { memberInputs } from './member-inputs';
import { memberRandom, type RandomSource } from './random-source';
import { type MemberSummary, summarizeMembers } from './summarize-members';

export interface EnsembleRequest {
  inp: string;
  scenario: Scenario;
  state?: LiveState | null;
  /** Districts and tanks of the .inp; read from it (tokens only) when absent. */
  network?: EnsembleNetwork;
}

export interface EnsembleOptions {
  signal?: AbortSignal;
  /** Members answered so far (successful or not) of the total. */
  onProgress?: (done: number, total: number) => void;
  /** Per member run. */
  maxSteps?: number;
  /** Per member run, ms. */
  timeoutMs?: number;
  /** Largest shared buffer of band series, bytes; default 512 MiB. */
  maxBandBytes?: number;
  /** The random source of each member; default memberRandom(seed, index). */
  random?: (seed: number, member: number) => RandomSource;
}

const DEFAULT_MAX_BAND_BYTES = 512 * 1024 * 1024;
const MIB = 1024 * 1024;

/**
 * Runs a scenario's ensemble (`scenario.ensemble.members`, 1 when absent) on the pool and returns
 * member 0's full result with `bands` (P5/P50/P95 of every reported series: node pressure, head,
 * demand and requested demand, link flow and velocity, pump power, tank level; KPI percentiles;
 * violation probabilities). Member 0 runs first, unperturbed; the others
 * (see memberInputs) run compact: they write their series into one shared buffer and return
 * only KPIs and violations, at most two per worker in flight. Percentiles are computed in as
 * many band worker threads as the pool has workers (idle by then); this thread only dispatches
 * and assembles, in slices that yield to the event loop. A failed member is counted (`failedMembers`) and left
 * out; the ensemble fails when member 0 fails, when every other member fails, or when
 * cancelled. Never rejects.
 */
export async function runEnsemble(
  pool: SolverPool,
  request: EnsembleRequest,
  options: EnsembleOptions = {},
): Promise<RunOutcome> {
  const { scenario, inp } = request;
  const { signal } = options;
  const total = scenario.ensemble?.members ?? 1;
  const budget = {
    ...(options.maxSteps !== undefined ? { maxSteps: options.maxSteps } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(signal ? { signal } : {}),
  };
  const state = request.state ?? null;
  const first = await pool.run({ inp, scenario, state, ...budget });
  options.onProgress?.(1, total);
  const ensemble = scenario.ensemble;
  if (!first.ok || total <= 1 || ensemble === undefined) return first;
  const base = first.result;
  const layout = {
    members: total,
    nodes: Object.keys(base.nodes).length,
    links: Object.keys(base.links).length,
    pumps: Object.keys(base.pumps).length,
    times: base.times.length,
  };
  const bytes = compactCells(layout) * Float32Array.BYTES_PER_ELEMENT;
  const maxBytes = options.maxBandBytes ?? DEFAULT_MAX_BAND_BYTES;
  if (bytes > maxBytes) return failed('invalid', tooLarge(layout, bytes, maxBytes));
  const buffer = new SharedArrayBuffer(bytes);
  const target = (member: number): CompactTarget => ({ buffer, member, ...layout });
  packSeries(base, target(0));
  const network = request.network ?? networkOf(base.modelHash, inp);
  const random = options.random ?? memberRandom;
  const summaries: (MemberSummary | undefined)[] = [base];
  let firstFailure: RunFailure | undefined;
  let done = 1;
  const runMember = async (index: number): Promise<void> => {
    const inputs = memberInputs({
      index,
      ensemble,
      network,
      state,
      fileStartClockS: base.startClockS,
      random: random(scenario.seed, index),
    });
    const outcome = await pool.run({ inp, scenario, ...inputs, ...budget, compact: target(index) });
    if (outcome.ok) summaries[index] = outcome.result;
    else firstFailure ??= outcome.failure;
    options.onProgress?.(++done, total);
  };
  let next = 1;
  const lane = async (): Promise<void> => {
    while (next < total && signal?.aborted !== true) await runMember(next++);
  };
  await Promise.all(Array.from({ length: Math.min(total - 1, 2 * pool.size) }, lane));
  if (signal?.aborted === true) return failed('cancelled', 'ensemble cancelled');
  const ok = summaries.flatMap((s, i) => (s ? [i] : []));
  if (ok.length === 1) {
    return failed(
      firstFailure?.kind ?? 'worker',
      `every ensemble member besides member 0 failed (${total - 1} of ${total - 1}): ${firstFailure?.message ?? 'no answer'}`,
    );
  }
  let rows: Band[] | undefined;
  try {
    rows = await computeBands({
      data: buffer,
      members: total,
      memberIndices: ok,
      rows: bandRowCount(layout),
      times: layout.times,
      threads: pool.size,
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    return failed(
      'worker',
      `ensemble bands: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (rows === undefined) return failed('cancelled', 'ensemble cancelled');
  const bands: ScenarioBands = {
    members: total,
    failedMembers: total - ok.length,
    ...shapeBands(base, rows),
    ...summarizeMembers(ok.flatMap((i) => summaries[i] ?? [])),
  };
  return { ok: true, result: { ...base, bands } };
}

function shapeBands(
  base: ScenarioResult,
  rows: readonly Band[],
): Pick<ScenarioBands, 'nodes' | 'links' | 'pumps' | 'tanks'> {
  const empty: Band = { p5: [], p50: [], p95: [] };
  let next = 0;
  /** The next `count` rows, one block of the layout (compact-member.ts). */
  const block = (count: number): Band[] => {
    const taken = Array.from({ length: count }, (_, i) => rows[next + i] ?? empty);
    next += count;
    return taken;
  };
  const nodeIds = Object.keys(base.nodes);
  const linkIds = Object.keys(base.links);
  const pumpIds = Object.keys(base.pumps);
  const [pressure, head, demand, requested] = [1, 2, 3, 4].map(() => block(nodeIds.length));
  const [flow, velocity] = [1, 2].map(() => block(linkIds.length));
  const power = block(pumpIds.length);
  const nodes: ScenarioBands['nodes'] = {};
  nodeIds.forEach((id, i) => {
    nodes[id] = {
      pressure: pressure?.[i] ?? empty,
      head: head?.[i] ?? empty,
      demand: demand?.[i] ?? empty,
      requested: requested?.[i] ?? empty,
    };
  });
  const links: ScenarioBands['links'] = {};
  linkIds.forEach((id, j) => {
    links[id] = { flow: flow?.[j] ?? empty, velocity: velocity?.[j] ?? empty };
  });
  const pumps: ScenarioBands['pumps'] = {};
  pumpIds.forEach((id, k) => {
    pumps[id] = { power: power[k] ?? empty };
  });
  const tanks: ScenarioBands['tanks'] = {};
  for (const id of Object.keys(base.tanks)) tanks[id] = { level: nodes[id]?.pressure ?? empty };
  return { nodes, links, pumps, tanks };
}

const networks = new Map<string, EnsembleNetwork>();
const NETWORK_CACHE_SIZE = 4;

/** Districts and tanks by model hash (a few kept: reading a large .inp takes a while). */
function networkOf(hash: string, inp: string): EnsembleNetwork {
  const cached = networks.get(hash);
  if (cached) return cached;
  const network = readEnsembleNetwork(inp);
  networks.set(hash, network);
  if (networks.size > NETWORK_CACHE_SIZE) networks.delete(networks.keys().next().value ?? '');
  return network;
}

function tooLarge(
  layout: { members: number; nodes: number; links: number; pumps: number; times: number },
  bytes: number,
  maxBytes: number,
): string {
  const series = bandRowCount(layout);
  return `ensemble bands would need ${Math.ceil(bytes / MIB)} MiB (${series} series × ${layout.times} report times × ${layout.members} members) over the limit of ${Math.floor(maxBytes / MIB)} MiB: use fewer members, a longer report step or a shorter horizon`;
}

const failed = (kind: RunFailure['kind'], message: string): RunOutcome => ({
  ok: false,
  failure: { kind, message },
});
