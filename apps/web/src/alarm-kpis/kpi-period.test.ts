import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_PERIOD_MS,
  customPeriodProblem,
  fromLocalInput,
  periodIsLive,
  periodKey,
  periodRange,
  toLocalInput,
} from './kpi-period';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 22, 10, 15);

describe('KPI periods', () => {
  it('a relative period ends now; a custom one is what it says', () => {
    expect(periodRange({ kind: 'relative', span: '24h' }, NOW)).toEqual({
      from: NOW - DAY,
      to: NOW,
    });
    expect(periodRange({ kind: 'relative', span: '7d' }, NOW)).toEqual({
      from: NOW - 7 * DAY,
      to: NOW,
    });
    expect(periodRange({ kind: 'relative', span: '30d' }, NOW)).toEqual({
      from: NOW - 30 * DAY,
      to: NOW,
    });
    expect(periodRange({ kind: 'custom', from: 1, to: 2 }, NOW)).toEqual({ from: 1, to: 2 });
  });

  it('is live (refreshed) while it reaches the present', () => {
    expect(periodIsLive({ kind: 'relative', span: '7d' }, NOW)).toBe(true);
    expect(periodIsLive({ kind: 'custom', from: NOW - DAY, to: NOW + 1 }, NOW)).toBe(true);
    expect(periodIsLive({ kind: 'custom', from: NOW - DAY, to: NOW }, NOW)).toBe(false);
  });

  it('keys tell periods apart', () => {
    expect(periodKey({ kind: 'relative', span: '7d' })).toBe('7d');
    expect(periodKey({ kind: 'custom', from: 1, to: 2 })).toBe('custom:1-2');
  });

  it('a custom period is refused as the server refuses it', () => {
    expect(customPeriodProblem(NOW - DAY, NOW)).toBeNull();
    expect(customPeriodProblem(NOW - MAX_PERIOD_MS, NOW)).toBeNull();
    expect(customPeriodProblem(NOW, NOW)).toBe(
      'The start (2026-11-22T10:15:00.000Z) must be before the end (2026-11-22T10:15:00.000Z): pick an earlier start.',
    );
    expect(customPeriodProblem(NOW - MAX_PERIOD_MS - 1, NOW)).toBe(
      'The period is 32 days long; KPIs cover at most 31 days: pick a shorter period.',
    );
    expect(customPeriodProblem(Number.NaN, NOW)).toBe('Give both a start and an end.');
  });

  it('datetime-local values round-trip in the browser time zone, to the minute', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), (ms) => {
        const text = toLocalInput(ms);
        const back = fromLocalInput(text);
        // The same wall-clock minute (an hour repeated by a DST change may pick its twin).
        expect(back).not.toBeNull();
        expect(toLocalInput(back!)).toBe(text);
        expect(Math.abs(back! - ms)).toBeLessThan(3_600_000 + 60_000);
      }),
    );
  });

  it('refuses what is not a datetime-local value', () => {
    for (const bad of [
      '',
      'tomorrow',
      '2026-11-20',
      '2026-02-30T08:00',
      '2026-11-20T24:00',
      '2026-11-20T08:61',
    ])
      expect(fromLocalInput(bad), bad).toBeNull();
    expect(fromLocalInput('2026-11-20T08:00:30')).toBe(new Date(2026, 10, 20, 8, 0, 30).getTime());
  });
});
