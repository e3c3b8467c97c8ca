import { describe, expect, it } from 'vitest';
import { type Recommendation, type ScenarioKpis, type ScenarioSeries } from '@twinhelm/contracts';
import { assetCharts, bandRows, chartMetric } from './band-series';
import { defaultChartAssets } from './default-chart-assets';
import { kpiCards, kpiDeltas } from './kpi-cards';
import { recommendationHighlights } from './recommendation-highlights';
import {
  clockLabel,
  formatDuration,
  offsetLabel,
  clockTicks,
  predictionLabel,
} from './time-labels';

const series: ScenarioSeries = {
  id: 's1',
  times: [0, 900, 1800],
  startClockS: 8 * 3600,
  assets: {
    J1: {
      kind: 'node',
      series: { pressure: [40, 35, Number.NaN], demand: [1, 1, 1] },
      bands: { pressure: { p5: [38, 36, 30], p50: [40, 35, 31], p95: [42, 34, 33] } },
    },
    PU4: { kind: 'pump', series: { flow: [0, 0, 0], power: [0, 0, 0] }, bands: {} },
    T1: { kind: 'tank', series: { level: [3, 2.9, 2.8] }, bands: {} },
  },
};

describe('band rows', () => {
  it('shape series and P5–P95 bands for Recharts, skipping non-finite values', () => {
    expect(bandRows(series.times, series.assets.J1!, 'pressure')).toEqual([
      { t: 0, v: 40, p50: 40, band: [38, 42] },
      { t: 900, v: 35, p50: 35, band: [34, 36] },
      { t: 1800, p50: 31, band: [30, 33] },
    ]);
    expect(bandRows(series.times, series.assets.PU4!, 'flow')).toEqual([
      { t: 0, v: 0 },
      { t: 900, v: 0 },
      { t: 1800, v: 0 },
    ]);
  });
  it('choose a metric per asset kind and keep the requested order', () => {
    expect(chartMetric(series.assets.T1!)).toBe('level');
    expect(chartMetric(series.assets.PU4!)).toBe('flow');
    const charts = assetCharts(series, ['T1', 'missing', 'J1']);
    expect(charts.map((c) => [c.assetId, c.metric, c.hasBand])).toEqual([
      ['T1', 'level', false],
      ['J1', 'pressure', true],
    ]);
  });
});

describe('default chart assets', () => {
  it('are the perturbed assets, then the worst violators', () => {
    expect(
      defaultChartAssets(
        [{ type: 'asset-outage', assetId: 'PU4', startS: 0, endS: 10 }],
        [
          { kind: 'low-pressure', assetId: 'J2', startS: 0, endS: 9, worst: 12 },
          { kind: 'tank-overflow', assetId: 'T5', startS: 0, endS: 9, worst: 4.5 },
          { kind: 'low-pressure', assetId: 'J3', startS: 0, endS: 9, worst: 4 },
          { kind: 'low-pressure', assetId: 'J3', startS: 20, endS: 29, worst: 6 },
          { kind: 'low-pressure', assetId: 'J4', startS: 0, endS: 9, worst: 15 },
        ],
      ),
    ).toEqual(['PU4', 'J3', 'J2', 'J4']);
  });
});

describe('time labels', () => {
  it('say offsets and clock times', () => {
    expect(formatDuration(11_700)).toBe('3 h 15 min');
    expect(formatDuration(2700)).toBe('45 min');
    expect(formatDuration(93_600)).toBe('1 d 2 h');
    expect(offsetLabel(0)).toBe('t+0');
    expect(offsetLabel(11_700)).toBe('t+3 h 15 min');
    expect(clockLabel(8 * 3600, 11_700)).toBe('11:15');
    expect(clockLabel(22 * 3600, 3 * 3600)).toBe('01:00 (+1 d)');
    expect(predictionLabel(11_700, 'PU4 out')).toBe('t+3 h 15 min (PU4 out)');
    expect(clockTicks(0, 86_400)).toEqual([0, 21_600, 43_200, 64_800, 86_400]);
    // A run starting at 05:29 gets ticks at 06:00, 12:00, 18:00, 00:00.
    expect(clockTicks(5 * 3600 + 29 * 60, 86_400)).toEqual([1860, 23_460, 45_060, 66_660]);
    expect(clockTicks(0, 3 * 3600, 4)).toEqual([0, 3600, 7200, 10_800]);
  });
});

const kpis: ScenarioKpis = {
  minPressure: { valueM: 12.34, nodeId: 'J9', timeS: 7200 },
  belowService: {
    thresholdM: 20,
    nodes: [
      { nodeId: 'J9', durationS: 3600, firstS: 3600 },
      { nodeId: 'J8', durationS: 5400, firstS: 1800 },
    ],
  },
  unservedDemandM3: 14.2,
  tanks: [
    { tankId: 'T1', minLevelM: 0, maxLevelM: 3, timeToEmptyS: 18_000, timeToOverflowS: null },
    { tankId: 'T2', minLevelM: 1.5, maxLevelM: 2, timeToEmptyS: null, timeToOverflowS: null },
    { tankId: 'T3', minLevelM: 2.5, maxLevelM: 4, timeToEmptyS: null, timeToOverflowS: null },
    { tankId: 'T6', minLevelM: 5, maxLevelM: 5.5, timeToEmptyS: null, timeToOverflowS: 0 },
  ],
  energy: { totalKwh: 1234.5, cost: 180.2, currency: 'EUR', pumps: [] },
};

describe('KPI cards', () => {
  it('read the scenario KPIs with units, places and alarms', () => {
    expect(kpiCards(kpis).map((c) => [c.label, c.value, c.detail, c.alarm, c.assetId])).toEqual([
      ['Minimum pressure', '12.3 m', 'at J9, t+2 h', true, 'J9'],
      ['Nodes below 20 m', '2', 'longest J8, 1 h 30 min', true, 'J8'],
      ['Unserved demand', '14.2 m³', null, true, null],
      ['Tank T1', 'empty in 5 h', 'level 0.00–3.00 m', true, 'T1'],
      ['Tank T6', 'full from the start', 'level 5.00–5.50 m', true, 'T6'],
      ['Other tanks', '2 within limits', 'lowest T2 1.50 m', false, 'T2'],
      ['Pumping energy', '1235 kWh', '180 EUR', false, null],
    ]);
  });
  it('sign deltas against doing nothing and say which way is better', () => {
    expect(
      kpiDeltas(
        {
          violations: -3,
          unservedDemandM3: -14.2,
          energyKwh: 52,
          energyCost: 7.5,
          minPressureM: 9.1,
          nodesBelowService: 0,
        },
        'EUR',
      ),
    ).toEqual([
      { label: 'Violations', text: '−3', better: true },
      { label: 'Nodes below service', text: '±0', better: null },
      { label: 'Unserved demand', text: '−14.2 m³', better: true },
      { label: 'Minimum pressure', text: '+9.10 m', better: true },
      { label: 'Energy', text: '+52.0 kWh', better: false },
      { label: 'Cost', text: '+7.50 EUR', better: false },
    ]);
  });
});

describe('recommendation highlights', () => {
  it('mark action assets by role, then the affected ones, and frame the actions', () => {
    const perturbation = { type: 'asset-outage' as const, assetId: 'V1', startS: 0, endS: 10 };
    const rec: Recommendation = {
      rank: 1,
      title: 'Isolate P301',
      actions: [
        {
          kind: 'isolate-segment',
          assetIds: ['V1', 'V2'],
          description: '',
          perturbations: [perturbation],
        },
        {
          kind: 'start-pump',
          assetIds: ['PU5', 'V1'],
          description: '',
          perturbations: [perturbation],
        },
      ],
      kpis,
      violations: [],
      deltas: {
        violations: 0,
        unservedDemandM3: 0,
        energyKwh: 0,
        energyCost: null,
        minPressureM: null,
        nodesBelowService: 0,
      },
      assumptions: [],
      why: '',
    };
    expect(recommendationHighlights(rec, ['J301', 'PU5'])).toEqual({
      highlights: [
        { assetId: 'V1', role: 'close' },
        { assetId: 'V2', role: 'close' },
        { assetId: 'PU5', role: 'start' },
        { assetId: 'J301', role: 'affected' },
      ],
      frame: ['V1', 'V2', 'PU5'],
    });
  });
});
