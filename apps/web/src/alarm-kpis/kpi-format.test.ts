import { describe, expect, it } from 'vitest';
import { formatShare, formatSpan, operatorsText, plural } from './kpi-format';

describe('KPI words', () => {
  it('durations', () => {
    expect(formatSpan(0)).toBe('0 s');
    expect(formatSpan(42.4)).toBe('42 s');
    expect(formatSpan(60)).toBe('1 min');
    expect(formatSpan(252)).toBe('4 min 12 s');
    expect(formatSpan(42 * 60 + 20)).toBe('42 min');
    expect(formatSpan(3600)).toBe('1 h');
    expect(formatSpan(5 * 3600 + 12 * 60)).toBe('5 h 12 min');
    expect(formatSpan(86_400)).toBe('1 d');
    expect(formatSpan(3 * 86_400 + 4 * 3600 + 59)).toBe('3 d 4 h');
    expect(formatSpan(Number.NaN)).toBe('—');
  });

  it('shares', () => {
    expect(formatShare(0)).toBe('0 %');
    expect(formatShare(0.0004)).toBe('< 0.1 %');
    expect(formatShare(0.004)).toBe('0.4 %');
    expect(formatShare(0.05)).toBe('5 %');
    expect(formatShare(0.123)).toBe('12 %');
    expect(formatShare(1)).toBe('100 %');
  });

  it('counts', () => {
    expect(plural(1, 'flood')).toBe('1 flood');
    expect(plural(0, 'flood')).toBe('0 floods');
    expect(operatorsText(1)).toBe('1 operator');
    expect(operatorsText(2)).toBe('2 operators');
    expect(operatorsText(1.5)).toBe('1.5 operators');
  });
});
