import { describe, expect, it } from 'vitest';
import { formatWhen } from '../alarm-rules/format-when';
import { chatteringRows, priorityBars, staleRows, standingRows } from './kpi-rows';
import { FROM, kpiEntry } from './test-kpis';

const names = new Map([['PU1', 'Pump 1']]);

describe('KPI table rows', () => {
  it('chattering: the alarm, a console link to its asset, activations and most per minute', () => {
    const rows = chatteringRows(
      'ctown',
      [kpiEntry({ assetId: 'PU1', ruleId: 'mismatch' }), kpiEntry()],
      names,
    );
    expect(rows).toEqual([
      {
        key: 'PU1/mismatch',
        alarmKey: 'PU1/mismatch',
        assetId: 'PU1',
        assetName: 'Pump 1',
        ruleId: 'mismatch',
        href: '/console?site=ctown&asset=PU1',
        activations: 12,
        mostPerMinute: 4,
      },
      expect.objectContaining({
        assetId: 'J1',
        assetName: null,
        href: '/console?site=ctown&asset=J1',
      }),
    ]);
  });

  it('stale data: time active in words and whether it was still stale at the end', () => {
    const rows = staleRows('ctown', [
      kpiEntry({
        ruleId: 'stale',
        maxPerMinute: null,
        activeS: 5 * 3600 + 720,
        ongoing: true,
        activations: 2,
      }),
      kpiEntry({
        assetId: 'T1',
        ruleId: 'stale',
        maxPerMinute: null,
        activeS: 40,
        ongoing: false,
        activations: 1,
      }),
    ]);
    expect(rows.map((r) => [r.key, r.active, r.activations, r.status])).toEqual([
      ['J1/stale', '5 h 12 min', 2, 'still stale'],
      ['T1/stale', '40 s', 1, 'updating again'],
    ]);
  });

  it('standing: since when, for how long, ongoing; one row per long activation', () => {
    const since = FROM - 2 * 86_400_000;
    const rows = standingRows('ctown', [
      kpiEntry({
        assetId: 'T1',
        ruleId: 'level-low',
        since,
        activeS: 3 * 86_400,
        ongoing: true,
        maxPerMinute: null,
      }),
      kpiEntry({
        assetId: 'T1',
        ruleId: 'level-low',
        since: since - 86_400_000 * 3,
        activeS: 90_000,
        ongoing: false,
        maxPerMinute: null,
      }),
    ]);
    expect(rows.map((r) => [r.key, r.since, r.active, r.ongoing, r.status])).toEqual([
      [`T1/level-low@${since}`, formatWhen(since), '3 d', true, 'ongoing'],
      [
        `T1/level-low@${since - 86_400_000 * 3}`,
        formatWhen(since - 86_400_000 * 3),
        '1 d 1 h',
        false,
        'cleared',
      ],
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(2);
    expect(rows[0]!.href).toBe('/console?site=ctown&asset=T1');
  });

  it('encodes what the console link carries', () => {
    expect(chatteringRows('net-6', [kpiEntry({ assetId: 'J 1' })])[0]!.href).toBe(
      '/console?site=net-6&asset=J+1',
    );
  });
});

describe('priority bars', () => {
  it('critical first, with shares of the total', () => {
    expect(priorityBars({ critical: 1, high: 4, medium: 15, low: 80 })).toEqual([
      { priority: 'critical', label: 'Critical', count: 1, share: 0.01, shareText: '1 %' },
      { priority: 'high', label: 'High', count: 4, share: 0.04, shareText: '4 %' },
      { priority: 'medium', label: 'Medium', count: 15, share: 0.15, shareText: '15 %' },
      { priority: 'low', label: 'Low', count: 80, share: 0.8, shareText: '80 %' },
    ]);
  });

  it('no alarms: zero shares, every priority listed', () => {
    expect(priorityBars({}).map((b) => [b.priority, b.count, b.shareText])).toEqual([
      ['critical', 0, '0 %'],
      ['high', 0, '0 %'],
      ['medium', 0, '0 %'],
      ['low', 0, '0 %'],
    ]);
  });
});
