import { TIME_TO_EMPTY_METRIC, type AssetType } from '@twinhelm/contracts';
import type { AlarmSample } from '@twinhelm/alarms';
import { createSolverPool, liveStateFromTwin, parseInp, type SolverPool } from '@twinhelm/solver';
import { stripSection } from '@twinhelm/solver/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CTOWN } from '../scenarios/testing/ctown';
import { createTwinState } from '../twin/twin-state';
import { fakeNetworkSql, recordingLog, twinSample } from './testing/nowcast-fakes';
import type { BindLiveState } from './nowcast-types';
import { startNowcast } from './start-nowcast';

const NOW = Date.parse('2026-11-22T08:30:00Z');
const HORIZON_H = 8;

/** The solver's live-state binding over C-Town's assets (what the product binds from its asset table). */
function ctownBinder(): BindLiveState {
  const parsed = parseInp(CTOWN);
  if (!parsed.ok) throw new Error('C-Town does not parse');
  const assets: { id: string; type: AssetType }[] = [
    ...parsed.model.nodes.map((n) => ({ id: n.id, type: n.type })),
    ...parsed.model.links.map((l) => ({ id: l.id, type: l.type })),
  ];
  return ({ state, nowMs, utcOffsetMin, maxAgeMs }) =>
    liveStateFromTwin(state, assets, { nowMs, utcOffsetMin, maxAgeMs });
}

/** The time_to_empty_h samples of one nowcast of C-Town (`inp`) whose twin measured `measured`. */
async function predict(
  solver: SolverPool,
  inp: string,
  measured: [assetId: string, metric: string, value: number][],
) {
  const twin = createTwinState({ now: () => NOW });
  twin.apply(measured.map(([a, m, v]) => twinSample('ctown', a, m, v, NOW - 5_000)));
  const samples: AlarmSample[] = [];
  const { log, lines } = recordingLog();
  const runner = startNowcast({
    solver,
    twin,
    sql: fakeNetworkSql('ctown', inp),
    bindState: ctownBinder(),
    emit: () => undefined,
    onSamples: (_siteId, batch) => samples.push(...batch),
    predictionIntervalMs: 300_000,
    predictionHorizonH: HORIZON_H,
    intervalMs: 0,
    utcOffsetMin: 0,
    maxSteps: 20_000,
    timeoutMs: 30_000,
    clock: () => NOW,
    log,
  });
  const nowcast = await runner.runOnce('ctown');
  await runner.stop();
  expect(lines).toEqual([]);
  const hours = new Map(
    samples
      .filter((s) => s.source === 'prediction' && s.metric === TIME_TO_EMPTY_METRIC)
      .map((s) => [s.assetId, s.value]),
  );
  return { nowcast, hours, samples };
}

describe('tank predictions on C-Town (real solver pool)', () => {
  let solver: SolverPool;
  beforeAll(() => {
    solver = createSolverPool({ size: 1 });
  });
  afterAll(async () => {
    await solver?.close();
  });

  it('a tank measured nearly empty empties within the horizon; the others get horizon + 1', async () => {
    const { nowcast, hours, samples } = await predict(solver, CTOWN, [
      ['T1', 'level', 0.3],
      ['PU1', 'status', 1],
      ['J511', 'pressure', 60],
    ]);
    // C-Town's seven tanks, each once, at the nowcast's time
    expect([...hours.keys()].sort()).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7']);
    const t1 = hours.get('T1') ?? NaN;
    expect(t1).toBeGreaterThan(0);
    expect(t1).toBeLessThan(HORIZON_H);
    expect(hours.get('T3')).toBe(HORIZON_H + 1);
    expect(samples.filter((s) => s.source === 'prediction').every((s) => s.ts === NOW)).toBe(true);
    // the residual rules' model samples: the measured metrics the model gives
    expect(
      samples.filter((s) => s.source === 'model').map((s) => `${s.assetId}.${s.metric}`),
    ).toEqual(['T1.level', 'J511.pressure']);
    expect(nowcast?.predictions?.timeToEmptyH.T1).toBe(t1);
    expect(nowcast?.predictions?.timeToEmptyH.T3).toBeNull();
  });

  it('a tank whose inflow pumps are forced off (controls suspended) empties within the horizon', async () => {
    const normal = await predict(solver, CTOWN, [['T7', 'level', 2.5]]);
    expect(normal.hours.get('T7')).toBe(HORIZON_H + 1);
    const forcedOff = await predict(solver, stripSection(CTOWN, 'CONTROLS'), [
      ['T7', 'level', 2.5],
      ['PU10', 'status', 0],
      ['PU11', 'status', 0],
    ]);
    const t7 = forcedOff.hours.get('T7') ?? NaN;
    expect(t7).toBeGreaterThan(0);
    expect(t7).toBeLessThan(HORIZON_H);
  });
});
