import {
  ScenarioResultSchema,
  type Sample,
  type Scenario,
  type ScenarioResult,
} from '@twinhelm/contracts';
import type { SqlQuery } from '../../db/sql';
import type { LogLevel } from '../../log';
import type { NowcastSolver } from '../nowcast-types';

/**
 * In-memory stand-ins for the nowcast's unit tests: the two network queries the loop makes
 * (sites with an active network, a network's text) answered from one site's .inp; writes
 * (residuals, retention) accepted and counted.
 */
export function fakeNetworkSql(
  siteId: string,
  inp: string,
  hash = 'h1',
): SqlQuery & { writes: number } {
  const sql = {
    writes: 0,
    query<R>(text: string) {
      if (text.includes('FROM network') && text.includes('DISTINCT ON')) {
        return Promise.resolve({ rows: [{ site_id: siteId, hash }] as R[], rowCount: 1 });
      }
      if (text.includes('SELECT inp FROM network')) {
        return Promise.resolve({ rows: [{ inp }] as R[], rowCount: 1 });
      }
      sql.writes += 1;
      return Promise.resolve({ rows: [] as R[], rowCount: 0 });
    },
    exec: () => Promise.resolve(),
  };
  return sql;
}

/** A twin sample of site `siteId` at `ts`. */
export const twinSample = (
  siteId: string,
  assetId: string,
  metric: string,
  value: number,
  ts: number,
): Sample => ({ siteId, assetId, metric, value, ts, seq: 1 });

/** A run result over report `times` with the given series and tank times to empty (s). */
export function fakeResult(
  scenario: Scenario,
  series: {
    times: number[];
    nodes?: ScenarioResult['nodes'];
    links?: ScenarioResult['links'];
    tanks?: ScenarioResult['tanks'];
    timeToEmptyS?: Record<string, number | null>;
  },
): ScenarioResult {
  return ScenarioResultSchema.parse({
    engineVersion: 'epanet-js test',
    modelHash: 'a'.repeat(64),
    scenario,
    seed: 0,
    times: series.times,
    nodes: series.nodes ?? {},
    links: series.links ?? {},
    pumps: {},
    tanks: series.tanks ?? {},
    kpis: {
      minPressure: null,
      belowService: { thresholdM: 20, nodes: [] },
      unservedDemandM3: 0,
      tanks: Object.entries(series.timeToEmptyS ?? {}).map(([tankId, timeToEmptyS]) => ({
        tankId,
        minLevelM: 0,
        maxLevelM: 5,
        timeToEmptyS,
        timeToOverflowS: null,
      })),
      energy: { totalKwh: 0, cost: null, currency: null, pumps: [] },
    },
    violations: [],
    stats: { hydraulicSteps: series.times.length, simulatedS: scenario.horizonS ?? 0 },
  });
}

type RunRequest = Parameters<NowcastSolver['run']>[0];
type RunAnswer = Awaited<ReturnType<NowcastSolver['run']>>;

/**
 * A solver that answers snapshots (1-s horizon) and forward runs with the given functions and
 * keeps every request.
 */
export function fakeSolver(answers: {
  snapshot: (request: RunRequest) => RunAnswer;
  forward: (request: RunRequest) => RunAnswer;
}): NowcastSolver & { requests: RunRequest[] } {
  const requests: RunRequest[] = [];
  return {
    requests,
    run(request) {
      requests.push(request);
      try {
        const answer = request.scenario.horizonS === 1 ? answers.snapshot : answers.forward;
        return Promise.resolve(answer(request));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
}

/** A logger that keeps what it is told. */
export function recordingLog(): {
  log: (level: LogLevel, message: string) => void;
  lines: { level: LogLevel; message: string }[];
} {
  const lines: { level: LogLevel; message: string }[] = [];
  return { log: (level, message) => lines.push({ level, message }), lines };
}
