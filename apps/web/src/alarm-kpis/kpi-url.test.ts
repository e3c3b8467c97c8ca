import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RELATIVE_SPANS, type KpiPeriod } from './kpi-period';
import {
  alarmKpisHref,
  parseKpiParams,
  parseOperators,
  parseUrlTime,
  type KpiView,
} from './kpi-url';

const parse = (query: string) => parseKpiParams(new URLSearchParams(query));
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 20, 8, 0);

/** The view a link opens: parse the query of an href. */
const reopen = (href: string) => parse(href.split('?')[1] ?? '');

describe('alarm KPI URL', () => {
  it('defaults to no site, the last 24 h and one operator', () => {
    expect(parse('')).toEqual({
      ok: true,
      view: { siteId: null, period: { kind: 'relative', span: '24h' }, operators: 1 },
      notices: [],
    });
    expect(alarmKpisHref({})).toBe('/alarm-kpis');
  });

  it('reads a relative period and the operators', () => {
    expect(parse('site=ctown&period=7d&operators=2')).toEqual({
      ok: true,
      view: { siteId: 'ctown', period: { kind: 'relative', span: '7d' }, operators: 2 },
      notices: [],
    });
  });

  it('reads a custom period as ISO-8601 with an offset or epoch ms', () => {
    const from = '2026-11-20T08:00Z';
    const to = '2026-11-21T09:30:00.000+01:00';
    expect(
      parse(`site=ctown&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
    ).toMatchObject({
      ok: true,
      view: { period: { kind: 'custom', from: T0, to: T0 + DAY + 30 * 60_000 } },
      notices: [],
    });
    expect(parse(`site=ctown&from=${T0}&to=${T0 + DAY}`)).toMatchObject({
      view: { period: { kind: 'custom', from: T0, to: T0 + DAY } },
    });
  });

  it('writes defaults out and custom periods as ISO-8601 UTC', () => {
    expect(
      alarmKpisHref({ siteId: 'ctown', period: { kind: 'relative', span: '24h' }, operators: 1 }),
    ).toBe('/alarm-kpis?site=ctown');
    expect(
      alarmKpisHref({ siteId: 'ctown', period: { kind: 'relative', span: '30d' }, operators: 3 }),
    ).toBe('/alarm-kpis?site=ctown&period=30d&operators=3');
    expect(
      alarmKpisHref({ siteId: 'ctown', period: { kind: 'custom', from: T0, to: T0 + DAY } }),
    ).toBe(
      '/alarm-kpis?site=ctown&from=2026-11-20T08%3A00%3A00.000Z&to=2026-11-21T08%3A00%3A00.000Z',
    );
  });

  it('a bad site id is an error that says what one looks like', () => {
    const bad = parse('site=C%20Town');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/"C Town" is not a site id/);
  });

  it('a bad period or operators count falls back to its default and says why', () => {
    const cases: [string, RegExp][] = [
      ['period=week', /period "week" is not one of 24h, 7d, 30d\. Showing the last 24 h instead\./],
      [`from=${T0}`, /needs both from and to \(only from is in the link\)/],
      [`to=${T0}`, /only to is in the link/],
      [
        `from=yesterday&to=${T0}`,
        /from "yesterday" in the link is not a time: use ISO-8601 with an offset/,
      ],
      [
        'from=2026-11-20T08:00&to=2026-11-21T08:00',
        /from "2026-11-20T08:00" and to "2026-11-21T08:00"/,
      ],
      [`from=${T0 + DAY}&to=${T0}`, /must be before the end.*Showing the last 24 h instead/],
      [`from=${T0}&to=${T0 + 40 * DAY}`, /40 days long; KPIs cover at most 31 days/],
    ];
    for (const [query, message] of cases) {
      const result = parse(`site=ctown&${query}`);
      expect(result.ok && result.view.period, query).toEqual({ kind: 'relative', span: '24h' });
      expect(result.ok && result.notices.join(' '), query).toMatch(message);
    }
    for (const operators of ['0', '-1', 'two', '1001', 'NaN']) {
      const result = parse(`site=ctown&operators=${operators}`);
      expect(result.ok && result.view.operators).toBe(1);
      expect(result.ok && result.notices[0]).toMatch(
        `operators "${operators}" is not a number of operator positions (> 0, at most 1000): counting 1.`,
      );
    }
  });

  it('any view survives the trip through its link', () => {
    const period: fc.Arbitrary<KpiPeriod> = fc.oneof(
      fc.constantFrom(...RELATIVE_SPANS).map((span) => ({ kind: 'relative' as const, span })),
      fc
        .tuple(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: 1, max: 31 * DAY }))
        .map(([from, length]) => ({ kind: 'custom' as const, from, to: from + length })),
    );
    const view: fc.Arbitrary<KpiView> = fc.record({
      siteId: fc.constantFrom('ctown', 'net-6', 'a_b'),
      period,
      operators: fc.oneof(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
      ),
    });
    fc.assert(
      fc.property(view, (v) => {
        expect(reopen(alarmKpisHref(v))).toEqual({ ok: true, view: v, notices: [] });
      }),
    );
  });

  it('never throws on arbitrary query strings', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('site', 'period', 'from', 'to', 'operators'), fc.string()),
        (params) => {
          const result = parseKpiParams(new URLSearchParams(params));
          if (result.ok) expect(result.view.operators).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('URL values', () => {
  it('times: epoch ms or ISO-8601 with an offset only', () => {
    expect(parseUrlTime(String(T0))).toBe(T0);
    expect(parseUrlTime('2026-11-20T08:00:00Z')).toBe(T0);
    expect(parseUrlTime('2026-11-20T09:00+01:00')).toBe(T0);
    expect(parseUrlTime('2026-11-20T08:00')).toBeNull();
    expect(parseUrlTime('2026-11-20')).toBeNull();
    expect(parseUrlTime('2026-13-45T08:00Z')).toBeNull();
  });

  it('operators: more than 0, at most 1000, a decimal comma accepted', () => {
    expect(parseOperators('2')).toBe(2);
    expect(parseOperators('1,5')).toBe(1.5);
    expect(parseOperators('1000')).toBe(1000);
    for (const bad of ['', ' ', '0', '-2', '1001', 'x', 'Infinity'])
      expect(parseOperators(bad)).toBeNull();
  });
});
