import { NowcastSchema, type LiveState, type Nowcast } from '@twinhelm/contracts';
import type { AlarmSample } from '@twinhelm/alarms';
import { describe, expect, it } from 'vitest';
import { createTwinState } from '../twin/twin-state';
import {
  fakeNetworkSql,
  fakeResult,
  fakeSolver,
  recordingLog,
  twinSample,
} from './testing/nowcast-fakes';
import type { NowcastOptions } from './nowcast-types';
import { startNowcast } from './start-nowcast';

const T0 = Date.parse('2026-11-22T08:30:00Z');
const MIN = 60_000;
const STATE: LiveState = {
  takenAt: T0,
  timeOfDayS: 8.5 * 3600,
  tanks: { T1: { levelM: 2.5 } },
  pumps: { PU1: { on: true } },
  valves: {},
  demandMultipliers: { dma: { DMA1: 1.3 } },
};

/** The loop over fakes: one site 's1', a twin measuring T1 level, J1 pressure and PU1 status. */
function setup(overrides: Partial<NowcastOptions> = {}) {
  const now = { value: T0 };
  const twin = createTwinState({ now: () => now.value });
  const measure = (): void =>
    twin.apply([
      twinSample('s1', 'T1', 'level', 2.5, now.value - 1_000),
      twinSample('s1', 'J1', 'pressure', 41, now.value - 1_000),
      twinSample('s1', 'PU1', 'status', 1, now.value - 1_000),
    ]);
  measure();
  const forwardAnswers: (() => Awaited<ReturnType<NowcastOptions['solver']['run']>>)[] = [];
  const solver = fakeSolver({
    snapshot: ({ scenario }) => ({
      ok: true,
      result: fakeResult(scenario, {
        times: [0],
        nodes: {
          J1: { pressure: [40.5], head: [90], demand: [1.2], requested: [1.2] },
          J2: { pressure: [38], head: [88], demand: [0.7], requested: [0.7] },
          T1: { pressure: [2.4], head: [102.4], demand: [-3], requested: [-3] },
        },
        links: { PU1: { flow: [30], velocity: [1] } },
        tanks: { T1: { level: [2.4] } },
      }),
    }),
    forward: ({ scenario }) =>
      forwardAnswers.shift()?.() ?? {
        ok: true,
        result: fakeResult(scenario, {
          times: [0, 900],
          timeToEmptyS: { T1: 9_900, T2: null },
        }),
      },
  });
  const sent: Nowcast[] = [];
  const batches: AlarmSample[][] = [];
  const { log, lines } = recordingLog();
  const runner = startNowcast({
    solver,
    twin,
    sql: fakeNetworkSql('s1', '[fake network]'),
    bindState: () => STATE,
    emit: (_siteId, nowcast) => sent.push(nowcast),
    onSamples: (siteId, samples) => {
      expect(siteId).toBe('s1');
      batches.push(samples);
    },
    intervalMs: 0,
    utcOffsetMin: 0,
    maxSteps: 1_000,
    timeoutMs: 10_000,
    clock: () => now.value,
    log,
    ...overrides,
  });
  const advance = (ms: number): void => {
    now.value += ms;
    measure();
  };
  return { runner, solver, sent, batches, lines, advance, forwardAnswers };
}

const predictionsIn = (samples: AlarmSample[] | undefined) =>
  (samples ?? []).filter((s) => s.source === 'prediction');

describe('startNowcast: alarm samples', () => {
  it('sends the modelled value of every measured metric as a model sample at the nowcast time', async () => {
    const { runner, solver, batches, sent } = setup();
    const nowcast = await runner.runOnce('s1');
    await runner.stop();
    expect(nowcast).toBeDefined();
    expect(batches).toHaveLength(1);
    // PU1 status is measured but not modelled, J2 modelled but not measured: neither is sent
    expect(batches[0]).toEqual([
      { assetId: 'T1', metric: 'level', value: 2.4, ts: T0, source: 'model' },
      { assetId: 'J1', metric: 'pressure', value: 40.5, ts: T0, source: 'model' },
    ]);
    // no prediction interval: no forward run, no predictions in the nowcast
    expect(solver.requests).toHaveLength(1);
    expect(sent[0]).not.toHaveProperty('predictions');
    expect(runner.stats()).toMatchObject({ runs: 1, predictions: 0, predictionFailures: 0 });
  });

  it('predicts every tank on its own schedule from the nowcast state, horizon + 1 when it does not empty', async () => {
    const { runner, solver, batches, sent, advance } = setup({
      predictionIntervalMs: 5 * MIN,
      predictionHorizonH: 8,
    });
    await runner.runOnce('s1');
    expect(solver.requests).toHaveLength(2);
    const [snapshot, forward] = solver.requests;
    expect(forward?.scenario).toMatchObject({ horizonS: 8 * 3600, reportStepS: 900 });
    expect(forward?.state).toBe(snapshot?.state);
    expect(forward?.state?.demandMultipliers).toEqual({ dma: { DMA1: 1.3 } });
    expect(predictionsIn(batches[0])).toEqual([
      { assetId: 'T1', metric: 'time_to_empty_h', value: 2.75, ts: T0, source: 'prediction' },
      { assetId: 'T2', metric: 'time_to_empty_h', value: 9, ts: T0, source: 'prediction' },
    ]);
    const predictions = { at: T0, horizonH: 8, timeToEmptyH: { T1: 2.75, T2: null } };
    expect(NowcastSchema.parse(sent[0]).predictions).toMatchObject(predictions);

    // a minute later: a nowcast, no forward run; the nowcast still carries the predictions
    advance(MIN);
    await runner.runOnce('s1');
    expect(solver.requests).toHaveLength(3);
    expect(predictionsIn(batches[1])).toEqual([]);
    expect(batches[1]?.map((s) => s.ts)).toEqual([T0 + MIN, T0 + MIN]);
    expect(sent[1]?.predictions).toMatchObject(predictions);

    // five minutes after the first: due again
    advance(4 * MIN);
    await runner.runOnce('s1');
    await runner.stop();
    expect(solver.requests).toHaveLength(5);
    expect(predictionsIn(batches[2]).map((s) => s.ts)).toEqual([T0 + 5 * MIN, T0 + 5 * MIN]);
    expect(sent[2]?.predictions?.at).toBe(T0 + 5 * MIN);
    expect(runner.stats()).toMatchObject({ runs: 3, predictions: 2, predictionFailures: 0 });
  });

  it('logs and counts a failing forward run and goes on with the nowcasts', async () => {
    const { runner, sent, batches, lines, advance, forwardAnswers } = setup({
      predictionIntervalMs: 5 * MIN,
    });
    await runner.runOnce('s1');
    forwardAnswers.push(
      () => ({ ok: false, failure: { message: 'budget: 1000 steps reached' } }),
      () => {
        throw new Error('worker exited');
      },
    );
    advance(5 * MIN);
    const failed = await runner.runOnce('s1');
    expect(failed).toBeDefined();
    expect(sent).toHaveLength(2);
    expect(predictionsIn(batches[1])).toEqual([]);
    expect(batches[1]).toHaveLength(2);
    // the last predictions stand while they are younger than two intervals
    expect(failed?.predictions?.at).toBe(T0);

    advance(5 * MIN);
    const again = await runner.runOnce('s1');
    await runner.stop();
    expect(again).toBeDefined();
    expect(again).not.toHaveProperty('predictions');
    expect(runner.stats()).toMatchObject({ runs: 3, failures: 0, predictions: 1 });
    expect(runner.stats().predictionFailures).toBe(2);
    expect(lines).toEqual([
      {
        level: 'warn',
        message: 'nowcast s1: tank prediction failed (1 so far): budget: 1000 steps reached',
      },
      { level: 'warn', message: 'nowcast s1: tank prediction failed (2 so far): worker exited' },
    ]);
  });

  it('keeps the nowcast when the samples cannot be taken', async () => {
    const { runner, sent, lines } = setup({
      onSamples: () => {
        throw new Error('alarm engine stopped');
      },
    });
    expect(await runner.runOnce('s1')).toBeDefined();
    await runner.stop();
    expect(sent).toHaveLength(1);
    expect(runner.latest('s1')).toBe(sent[0]);
    expect(lines).toEqual([
      { level: 'warn', message: 'nowcast s1: alarm samples not taken: alarm engine stopped' },
    ]);
  });
});
