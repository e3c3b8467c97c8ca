import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AssetIdSchema, SiteIdSchema } from './ids';
import { parseTelemetryTopic, TelemetryPayloadSchema, telemetryTopic } from './telemetry';

const siteId = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,20}$/);
const assetId = fc.stringMatching(/^[A-Za-z0-9_.:-]{1,31}$/);

describe('telemetry topics', () => {
  it('round-trips every valid site and asset id', () => {
    fc.assert(
      fc.property(siteId, assetId, (site, asset) => {
        expect(parseTelemetryTopic(telemetryTopic(site, asset))).toEqual({
          ok: true,
          siteId: site,
          assetId: asset,
        });
      }),
    );
  });

  it('never throws, and explains every refusal', () => {
    fc.assert(
      fc.property(fc.string(), (topic) => {
        const parsed = parseTelemetryTopic(topic);
        if (!parsed.ok) expect(parsed.reason).toContain(topic);
      }),
    );
  });

  it('refuses wrong shapes with the expected form in the message', () => {
    expect(parseTelemetryTopic('twinhelm/v1/ctown/T1')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('twinhelm/v1/<siteId>/<assetId>/telemetry') as string,
    });
    expect(parseTelemetryTopic('twinhelm/v1/CTown/T1/telemetry').ok).toBe(false);
    expect(parseTelemetryTopic('twinhelm/v2/ctown/T1/telemetry').ok).toBe(false);
  });

  it('agrees with the id schemas', () => {
    expect(SiteIdSchema.safeParse('ctown').success).toBe(true);
    expect(AssetIdSchema.safeParse('J 511').success).toBe(false);
    expect(AssetIdSchema.safeParse('x'.repeat(32)).success).toBe(false);
  });
});

describe('telemetry payloads', () => {
  it('accepts ISO and epoch-millisecond timestamps, numbers and booleans', () => {
    expect(
      TelemetryPayloadSchema.safeParse({
        ts: '2026-11-22T10:15:00.000Z',
        seq: 1,
        values: { pressure: 41.7, status: true },
      }).success,
    ).toBe(true);
    expect(
      TelemetryPayloadSchema.safeParse({ ts: 1_790_000_000_000, seq: 0, values: { level: 3 } })
        .success,
    ).toBe(true);
  });

  it.each([
    ['NaN', { ts: 0, seq: 1, values: { level: Number.NaN } }],
    ['Infinity', { ts: 0, seq: 1, values: { level: Number.POSITIVE_INFINITY } }],
    ['no values', { ts: 0, seq: 1, values: {} }],
    ['a string value', { ts: 0, seq: 1, values: { level: '3.2' } }],
    ['a negative seq', { ts: 0, seq: -1, values: { level: 1 } }],
    ['an unknown field', { ts: 0, seq: 1, values: { level: 1 }, extra: true }],
    ['a bad metric name', { ts: 0, seq: 1, values: { 'Level!': 1 } }],
    ['a date without offset', { ts: '2026-11-22 10:15', seq: 1, values: { level: 1 } }],
  ])('refuses %s', (_name, payload) => {
    expect(TelemetryPayloadSchema.safeParse(payload).success).toBe(false);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        TelemetryPayloadSchema.safeParse(value);
      }),
    );
  });
});
