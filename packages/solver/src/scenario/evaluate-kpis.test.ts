import { describe, expect, it } from 'vitest';
import { evaluateKpis, intervals, priceAt } from './evaluate-kpis';

const times = [0, 3600, 7200, 10_800];
const base = {
  times,
  horizonS: 10_800,
  servicePressureM: 20,
  junctions: [],
  tanks: [],
  pumps: [],
};

describe('evaluateKpis (hand-made series)', () => {
  it('finds the minimum pressure and the time each junction spends below service', () => {
    const { kpis, violations } = evaluateKpis({
      ...base,
      junctions: [
        { id: 'A', pressure: [30, 15, 12, 25], demand: [1, 1, 1, 1], requested: [1, 1, 1, 1] },
        { id: 'B', pressure: [40, 40, 40, 40], demand: [1, 1, 1, 1], requested: [1, 1, 1, 1] },
      ],
    });
    expect(kpis.minPressure).toEqual({ valueM: 12, nodeId: 'A', timeS: 7200 });
    expect(kpis.belowService.nodes).toEqual([{ nodeId: 'A', durationS: 7200, firstS: 3600 }]);
    expect(violations).toEqual([
      { kind: 'low-pressure', assetId: 'A', startS: 3600, endS: 10_800, worst: 12 },
    ]);
  });

  it('integrates unserved demand (L/s held over each report interval) in m³', () => {
    const { kpis } = evaluateKpis({
      ...base,
      junctions: [
        { id: 'A', pressure: [5, 5, 5, 5], demand: [1, 2, 3, 3], requested: [2, 2, 4, 9] },
      ],
    });
    expect(kpis.unservedDemandM3).toBeCloseTo((1 * 3600 + 0 + 1 * 3600) / 1000, 9);
  });

  it('reports tank extremes and when a tank empties or overflows', () => {
    const { kpis, violations } = evaluateKpis({
      ...base,
      tanks: [{ id: 'T', level: [3, 1, 0.5, 6], minLevelM: 0.5, maxLevelM: 6 }],
    });
    expect(kpis.tanks).toEqual([
      { tankId: 'T', minLevelM: 0.5, maxLevelM: 6, timeToEmptyS: 7200, timeToOverflowS: 10_800 },
    ]);
    expect(violations.map((v) => [v.kind, v.startS, v.endS])).toEqual([
      ['tank-empty', 7200, 10_800],
      ['tank-overflow', 10_800, 10_800],
    ]);
  });

  it('prices pump energy with a time-of-day tariff', () => {
    const tariff = {
      currency: 'EUR',
      periods: [
        { fromS: 0, pricePerKwh: 0.1 },
        { fromS: 7200, pricePerKwh: 0.3 },
      ],
    };
    const { kpis } = evaluateKpis({
      ...base,
      tariff,
      pumps: [{ id: 'P', power: [10, 20, 30, 40] }],
    });
    expect(kpis.energy.totalKwh).toBeCloseTo(60, 9);
    expect(kpis.energy.cost).toBeCloseTo(10 * 0.1 + 20 * 0.1 + 30 * 0.3, 9);
    expect(kpis.energy.currency).toBe('EUR');
  });

  it('prices by the time of day: a run starting at 01:00 reaches the 02:00 price an hour in', () => {
    const tariff = {
      currency: 'EUR',
      periods: [
        { fromS: 0, pricePerKwh: 0.1 },
        { fromS: 7200, pricePerKwh: 0.3 },
      ],
    };
    const { kpis } = evaluateKpis({
      ...base,
      startClockS: 3600,
      tariff,
      pumps: [{ id: 'P', power: [10, 20, 30, 40] }],
    });
    expect(kpis.energy.cost).toBeCloseTo(10 * 0.1 + 20 * 0.3 + 30 * 0.3, 9);
  });

  it('handles empty series and prices wrap at midnight', () => {
    expect(evaluateKpis({ ...base, times: [] }).kpis.minPressure).toBeNull();
    expect(intervals([0, 900], 3600)).toEqual([900, 2700]);
    expect(
      priceAt(
        {
          currency: 'EUR',
          periods: [
            { fromS: 0, pricePerKwh: 1 },
            { fromS: 3600, pricePerKwh: 2 },
          ],
        },
        86_400 + 3600,
      ),
    ).toBe(2);
  });
});
