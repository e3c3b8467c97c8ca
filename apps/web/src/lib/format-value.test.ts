import { describe, expect, it } from 'vitest';
import {
  defaultTrendMetric,
  formatMetricValue,
  formatNumber,
  metricLabel,
  metricUnit,
} from './format-value';

describe('formatNumber', () => {
  it.each([
    [0, '0.00'],
    [1.2345, '1.23'],
    [12.345, '12.3'],
    [1234.5, '1235'],
    [-0.001, '0.00'],
    [-12.34, '-12.3'],
    [Number.NaN, '—'],
  ])('%d → %s', (v, s) => {
    expect(formatNumber(v)).toBe(s);
  });
});

describe('formatMetricValue', () => {
  it('adds the unit from the metric catalogue', () => {
    expect(formatMetricValue('pressure', 42.12)).toBe('42.1 m');
    expect(formatMetricValue('flow', 3.5)).toBe('3.50 L/s');
    expect(formatMetricValue('bearing_temp', 61)).toBe('61.0 °C');
  });
  it('shows status as words', () => {
    expect(formatMetricValue('status', 1, 'pump')).toBe('running');
    expect(formatMetricValue('status', 0, 'pump')).toBe('stopped');
    expect(formatMetricValue('status', 0, 'valve')).toBe('closed');
    expect(formatMetricValue('status', 1, 'pipe')).toBe('open');
  });
  it('shows unknown metrics without a unit', () => {
    expect(formatMetricValue('chlorine', 0.4)).toBe('0.40');
    expect(metricLabel('chlorine')).toBe('chlorine');
    expect(metricUnit('toString')).toBe('');
  });
});

describe('defaultTrendMetric', () => {
  it('prefers the quantity operators watch for each asset type', () => {
    expect(defaultTrendMetric(['status', 'speed', 'flow', 'power'])).toBe('flow');
    expect(defaultTrendMetric(['level', 'head', 'pressure'])).toBe('level');
    expect(defaultTrendMetric(['pressure', 'head', 'demand'])).toBe('pressure');
  });
  it('falls back to any non-status metric, then status, then nothing', () => {
    expect(defaultTrendMetric(['status', 'chlorine'])).toBe('chlorine');
    expect(defaultTrendMetric(['status'])).toBe('status');
    expect(defaultTrendMetric([])).toBeNull();
  });
});
