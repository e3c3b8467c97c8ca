import { describe, expect, it } from 'vitest';
import {
  type AlarmQuantity,
  type QuantityEffect,
  type RecommendationCheck,
} from '@twinhelm/contracts';
import {
  adviceCauseFor,
  effectLines,
  effectSeries,
  formatDurationS,
  verdictText,
} from './advice-shaping';
import { advicePollMs } from './api/advice-queries';
import { alarmView } from './test-fixtures';

const quantity: AlarmQuantity = {
  assetId: 'T1',
  metric: 'level',
  extreme: 'min',
  limit: 0.6,
  label: 'level of T1',
};

const effect = (patch: Partial<QuantityEffect> = {}): QuantityEffect => ({
  times: [0, 3600, 7200],
  values: [1, 0.5, 0.2],
  p5: null,
  p95: null,
  extreme: 0.2,
  end: 0.2,
  extremeRange: null,
  endRange: null,
  beyondLimitS: 5400,
  timeToEmptyS: 9000,
  violationProbability: null,
  ...patch,
});

describe('advice shaping', () => {
  it('offers actions only for active operational alarms', () => {
    expect(adviceCauseFor(alarmView('PU1/pump-mismatch', { kind: 'mismatch', sense: null }))).toBe(
      'pump_trip',
    );
    expect(adviceCauseFor(alarmView('T1/level-low', { metric: 'level' }))).toBe('tank_low');
    expect(adviceCauseFor(alarmView('J1/pressure-low'))).toBe('pressure_low');
    expect(adviceCauseFor(alarmView('J1/pressure-low', { condition: false }))).toBeNull();
    expect(
      adviceCauseFor(alarmView('J1/stale', { kind: 'stale', metric: null, sense: null })),
    ).toBeNull();
  });

  it('compares doing nothing with the action, with the uncertainty', () => {
    const lines = effectLines(
      quantity,
      effect(),
      effect({
        extreme: 1.4,
        end: 2.1,
        extremeRange: { p5: 1.2, p95: 1.6 },
        beyondLimitS: 0,
        timeToEmptyS: null,
        violationProbability: 0.1,
      }),
    );
    expect(lines).toEqual([
      {
        label: 'Lowest level',
        baseline: '0.20 m',
        withAction: '1.40 m',
        uncertainty: 'P5–P95 1.20 m – 1.60 m',
      },
      { label: 'At the horizon', baseline: '0.20 m', withAction: '2.10 m', uncertainty: null },
      {
        label: 'Beyond the limit (0.60 m)',
        baseline: '1 h 30 min',
        withAction: '0 s',
        uncertainty: null,
      },
      {
        label: 'Empties in',
        baseline: '2 h 30 min',
        withAction: 'not within the horizon',
        uncertainty: null,
      },
      { label: 'Chance of a violation', baseline: '—', withAction: '10 %', uncertainty: null },
    ]);
  });

  it('merges both courses on hours with the action band', () => {
    const rows = effectSeries(
      effect(),
      effect({ values: [1, 1.1, 1.2], p5: [0.9, 1, 1.1], p95: [1.1, 1.2, 1.3] }),
    );
    expect(rows[1]).toEqual({ h: 1, baseline: 0.5, action: 1.1, band: [1, 1.2] });
  });

  it('says the verdict with its numbers, or when the check is due', () => {
    const check: RecommendationCheck = {
      adviceId: 'a',
      rank: 1,
      assetId: 'T1',
      metric: 'level',
      approvedAt: 0,
      dueAt: 600_000,
      timeScale: 60,
      predicted: { times: [], values: [], p5: null, p95: null },
      verdict: null,
      checkedAt: null,
      numbers: null,
    };
    expect(verdictText(check, 0)).toBe(
      'Check in about 10 min: what happens will be compared with the prediction.',
    );
    expect(
      verdictText(
        {
          ...check,
          verdict: 'deviated',
          numbers: {
            points: 20,
            withinBand: 0.5,
            meanAbsError: 0.31,
            maxAbsError: 0.9,
            tolerance: 0.05,
          },
        },
        0,
      ),
    ).toBe('Deviated: 10 of 20 points within P5–P95 (± 0.05), mean error 0.31, largest 0.90');
    expect(
      verdictText(
        {
          ...check,
          verdict: 'as_predicted',
          numbers: {
            points: 24,
            withinBand: 1,
            meanAbsError: 0.03,
            maxAbsError: 0.08,
            tolerance: 0.1,
            startOffset: -0.519,
          },
        },
        0,
      ),
    ).toBe(
      "As predicted: 24 of 24 points within P5–P95 (± 0.10), mean error 0.03, largest 0.08; compared from the level at the approval (0.52 m below the advice's start)",
    );
  });

  it('durations in words', () => {
    expect(formatDurationS(20)).toBe('20 s');
    expect(formatDurationS(2700)).toBe('45 min');
    expect(formatDurationS(7200)).toBe('2 h');
  });

  it('polls while searching and while a check is pending', () => {
    expect(advicePollMs(undefined)).toBe(false);
    const base = {
      status: 'running',
      recommendations: [],
    } as unknown as Parameters<typeof advicePollMs>[0];
    expect(advicePollMs(base)).toBe(2000);
    expect(advicePollMs({ ...base!, status: 'done' })).toBe(false);
  });
});
