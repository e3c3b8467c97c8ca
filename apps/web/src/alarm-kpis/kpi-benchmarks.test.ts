import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chatteringBand,
  floodShareBand,
  headlineFigures,
  isQuietPeriod,
  peakBand,
  rateBand,
  standingBand,
} from './kpi-benchmarks';
import { kpiEntry, kpisFixture } from './test-kpis';

const figure = (id: string, kpis = kpisFixture()) => {
  const found = headlineFigures(kpis).find((f) => f.id === id);
  if (!found) throw new Error(`no figure ${id}`);
  return found;
};

describe('EEMUA 191 / ISA-18.2 bands', () => {
  it('alarms per operator-hour: ≤ 6 acceptable, ≤ 12 manageable, more over-demanding', () => {
    expect(rateBand(0)).toEqual({ band: 'good', verdict: 'acceptable' });
    expect(rateBand(6)).toEqual({ band: 'good', verdict: 'acceptable' });
    expect(rateBand(6.01)).toEqual({ band: 'fair', verdict: 'manageable' });
    expect(rateBand(12)).toEqual({ band: 'fair', verdict: 'manageable' });
    expect(rateBand(12.01)).toEqual({ band: 'poor', verdict: 'over-demanding' });
  });

  it('a higher rate is never in a better band', () => {
    const rank = { good: 0, fair: 1, poor: 2, neutral: -1 };
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(rank[rateBand(low).band]).toBeLessThanOrEqual(rank[rateBand(high).band]);
        },
      ),
    );
  });

  it('peak per 10 minutes: ≤ 10 is outside flood', () => {
    expect(peakBand(10)).toEqual({ band: 'good', verdict: 'outside flood' });
    expect(peakBand(11)).toEqual({ band: 'poor', verdict: 'flood' });
  });

  it('time in flood: under 1 %', () => {
    expect(floodShareBand(0.01).band).toBe('good');
    expect(floodShareBand(0.0101).band).toBe('poor');
  });

  it('chattering: none; standing: fewer than 5', () => {
    expect(chatteringBand(0).band).toBe('good');
    expect(chatteringBand(1).band).toBe('poor');
    expect(standingBand(0)).toEqual({ band: 'good', verdict: 'none' });
    expect(standingBand(4)).toEqual({ band: 'fair', verdict: 'below 5' });
    expect(standingBand(5)).toEqual({ band: 'poor', verdict: 'too many' });
  });
});

describe('headline figures', () => {
  it('shows each figure with its benchmark, in order', () => {
    const figures = headlineFigures(kpisFixture());
    expect(figures.map((f) => f.id)).toEqual([
      'rate',
      'peak',
      'flood',
      'ack-time',
      'ack',
      'chattering',
      'standing',
    ]);
    for (const f of figures) expect(f.benchmark).not.toBe('');
  });

  it('alarms per operator-hour with the load behind it', () => {
    const kpis = kpisFixture({ alarmsPerOperatorHour: 15.5, announced: 744, operators: 2 });
    expect(figure('rate', kpis)).toMatchObject({
      value: '15.5',
      band: 'poor',
      verdict: 'over-demanding',
      benchmark: 'EEMUA 191: ~6 acceptable, ≤ 12 manageable',
      detail: '744 alarms in 1 d, 2 operators',
    });
  });

  it('floods, time to acknowledge and the unacknowledged', () => {
    const kpis = kpisFixture({ floodShare: 0.034, floods: 2, peakPer10Min: 23 });
    expect(figure('flood', kpis)).toMatchObject({
      value: '3.4 %',
      band: 'poor',
      detail: '2 floods began (> 10 alarms in 10 min)',
    });
    expect(figure('peak', kpis)).toMatchObject({
      value: '23',
      unit: 'alarms',
      band: 'poor',
      verdict: 'flood',
    });
    expect(figure('ack-time')).toMatchObject({
      value: '1 min 35 s',
      band: 'neutral',
      detail: 'over 90 acknowledgements',
    });
    expect(
      figure('ack-time', kpisFixture({ meanTimeToAckS: null, acknowledged: 0 })),
    ).toMatchObject({
      value: '—',
      detail: 'No acknowledgements in this period',
    });
    expect(figure('ack')).toMatchObject({ value: '90 / 6', band: 'fair', verdict: '6 waiting' });
    expect(figure('ack', kpisFixture({ unacknowledged: 0 }))).toMatchObject({
      band: 'neutral',
      verdict: 'none waiting',
    });
  });

  it('chattering counts are capped at the top 10 the API sends', () => {
    const ten = Array.from({ length: 10 }, (_, i) => kpiEntry({ assetId: `J${i}` }));
    expect(figure('chattering', kpisFixture({ chattering: ten }))).toMatchObject({
      value: '≥ 10',
      band: 'poor',
    });
    expect(figure('chattering')).toMatchObject({ value: '0', band: 'good', verdict: 'none' });
  });

  it('a period without alarms is quiet; a standing alarm alone is not', () => {
    const empty = kpisFixture({
      announced: 0,
      byPriority: { critical: 0, high: 0, medium: 0, low: 0 },
      alarmsPerOperatorHour: 0,
      peakPer10Min: 0,
      meanTimeToAckS: null,
      acknowledged: 0,
      unacknowledged: 0,
    });
    expect(isQuietPeriod(empty)).toBe(true);
    expect(isQuietPeriod(kpisFixture())).toBe(false);
    const standing = kpiEntry({ maxPerMinute: null, since: 0, ongoing: true, activeS: 200_000 });
    expect(isQuietPeriod({ ...empty, standing: [standing] })).toBe(false);
  });
});
