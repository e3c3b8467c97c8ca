import { describe, expect, it } from 'vitest';
import { emptyStateCounts } from '@twinhelm/contracts';
import {
  causeText,
  formatAxisClock,
  countsText,
  floodText,
  formatAgo,
  referenceLimit,
  stateDetail,
  trendMetric,
  valueEntries,
} from './alarm-format';
import { alarmView } from './test-fixtures';

describe('alarm formatting', () => {
  it('counts: unacknowledged always, other states when not zero', () => {
    expect(countsText(emptyStateCounts())).toBe('unack 0');
    expect(countsText({ ...emptyStateCounts(), unack_active: 3, ack_active: 5, shelved: 1 })).toBe(
      'unack 3 · ack 5 · shelved 1',
    );
  });

  it('flood: the sentence while active, nothing otherwise', () => {
    const flood = { active: true, since: 1, count: 14, windowMs: 600_000, last24h: 2 };
    expect(floodText(flood)).toBe('FLOOD: 14 alarms in 10 min');
    expect(floodText({ ...flood, active: false })).toBeNull();
  });

  it('values: the value first, labelled, formatted', () => {
    expect(valueEntries({ setpoint: 10, value: 8.234, deadband: 1 })).toEqual([
      ['value', '8.23'],
      ['deadband', '1.00'],
      ['limit', '10.0'],
    ]);
    expect(valueEntries({ silentS: 190 })).toEqual([['silent s', '190']]);
  });

  it('trends the alarm’s metric, a tank’s level for a prediction, a pump’s power for a mismatch', () => {
    expect(trendMetric(alarmView('J1/pressure-low'))).toBe('pressure');
    expect(
      trendMetric(alarmView('T1/empty-soon', { kind: 'prediction', metric: 'time_to_empty_h' })),
    ).toBe('level');
    expect(trendMetric(alarmView('PU1/pump-mismatch', { kind: 'mismatch', metric: null }))).toBe(
      'power',
    );
    // the engine names the command metric; the trend shows the feedback its limit applies to
    expect(
      trendMetric(alarmView('PU8/pump-mismatch', { kind: 'mismatch', metric: 'command' })),
    ).toBe('power');
    expect(trendMetric(alarmView('P1/stale', { kind: 'stale', metric: null }))).toBeNull();
    expect(
      referenceLimit(
        alarmView('PU1/pump-mismatch', { kind: 'mismatch', values: { feedbackMin: 1 } }),
      ),
    ).toBe(1);
  });

  it('the trend limit is the setpoint when there is one', () => {
    expect(referenceLimit(alarmView('J1/pressure-low'))).toBe(20);
    expect(referenceLimit(alarmView('J1/stale', { values: { silentS: 200 } }))).toBeNull();
  });

  it('ages in words', () => {
    expect(formatAgo(10_000)).toBe('just now');
    expect(formatAgo(4 * 60_000)).toBe('4 min ago');
    expect(formatAgo(125 * 60_000)).toBe('2 h 5 min ago');
    expect(formatAgo(120 * 60_000)).toBe('2 h ago');
    expect(formatAgo(50 * 3_600_000)).toBe('2 d ago');
  });

  it('state details: who acknowledged, why shelved or out of service', () => {
    expect(stateDetail(alarmView('a/b', { state: 'ack_active', ackedBy: 'operator' }))).toBe(
      'by operator',
    );
    expect(
      stateDetail(
        alarmView('a/b', {
          state: 'out_of_service',
          overlayBy: 'admin',
          overlayReason: 'sensor swap',
        }),
      ),
    ).toBe('by admin: sensor swap');
    const shelved = stateDetail(
      alarmView('a/b', {
        state: 'shelved',
        shelvedUntil: Date.UTC(2026, 10, 22, 10),
        overlayBy: 'op',
        overlayReason: 'maintenance',
      }),
    );
    expect(shelved).toMatch(/^until \d\d:\d\d by op: maintenance$/);
  });

  it('names the root cause', () => {
    expect(causeText({ kind: 'pump_trip', linkId: 'PU1' })).toBe('Root cause: pump trip at PU1');
  });

  it('axis ticks: seconds when the axis spans under ten minutes', () => {
    const t = Date.UTC(2026, 10, 22, 8, 35, 9);
    expect(formatAxisClock(t, 120_000)).toMatch(/\d\d:\d\d:\d\d/);
    expect(formatAxisClock(t, 3_600_000)).not.toMatch(/\d\d:\d\d:\d\d/);
  });
});
