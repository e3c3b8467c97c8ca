import { describe, expect, it } from 'vitest';
import { fakeResult } from './testing/nowcast-fakes';
import { predictionScenario, predictionSamples, timeToEmptyOf } from './tank-predictions';

describe('predictionScenario', () => {
  it('looks horizonH ahead, reporting every 15 min', () => {
    expect(predictionScenario(8)).toMatchObject({
      horizonS: 28_800,
      reportStepS: 900,
      perturbations: [],
    });
  });

  it('reports once at the end of a horizon shorter than the report step', () => {
    expect(predictionScenario(0.1)).toMatchObject({ horizonS: 360, reportStepS: 360 });
  });
});

describe('timeToEmptyOf and predictionSamples', () => {
  const result = fakeResult(predictionScenario(8), {
    times: [0, 900],
    timeToEmptyS: { T1: 1_234, T2: null, T3: 0 },
  });

  it('gives every tank its hours to empty (0.01 h), null when it does not empty', () => {
    expect(timeToEmptyOf(result)).toEqual({ T1: 0.34, T2: null, T3: 0 });
  });

  it('samples every tank at the prediction time, horizon + 1 h where it does not empty', () => {
    const samples = predictionSamples({
      at: 1_000,
      horizonH: 8,
      timeToEmptyH: timeToEmptyOf(result),
      elapsedMs: 20,
    });
    expect(samples.map((s) => [s.assetId, s.value, s.ts, s.source, s.metric])).toEqual([
      ['T1', 0.34, 1_000, 'prediction', 'time_to_empty_h'],
      ['T2', 9, 1_000, 'prediction', 'time_to_empty_h'],
      ['T3', 0, 1_000, 'prediction', 'time_to_empty_h'],
    ]);
  });
});
