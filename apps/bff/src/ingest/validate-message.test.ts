import {
  MAX_FUTURE_SKEW_MS,
  MAX_TELEMETRY_PAYLOAD_BYTES,
  type AssetType,
} from '@twinhelm/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssetLookup } from './asset-registry';
import { nearestIds } from '../text/nearest-ids';
import { validateMessage } from './validate-message';

const ASSETS: Record<string, AssetType> = {
  J511: 'junction',
  J512: 'junction',
  T1: 'tank',
  PU4: 'pump',
};
const lookup: AssetLookup = {
  hasSite: (site) => site === 'ctown',
  typeOf: (site, asset) => (site === 'ctown' ? ASSETS[asset] : undefined),
  suggest: (_site, asset) => nearestIds(asset, Object.keys(ASSETS)),
  siteIds: () => ['ctown'],
};
const NOW = Date.parse('2026-11-22T10:00:00.000Z');
const topic = (asset: string, site = 'ctown') => `twinhelm/v1/${site}/${asset}/telemetry`;
const run = (t: string, body: unknown) =>
  validateMessage(
    t,
    Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
    lookup,
    NOW,
  );

describe('validateMessage', () => {
  it('turns a valid message into samples (ISO ts, booleans as 1/0)', () => {
    const result = run(topic('PU4'), {
      ts: '2026-11-22T09:59:00.000Z',
      seq: 7,
      values: { status: true, speed: 0.9 },
    });
    expect(result.rejections).toEqual([]);
    expect(result.samples).toEqual([
      { siteId: 'ctown', assetId: 'PU4', metric: 'status', ts: NOW - 60_000, value: 1, seq: 7 },
      { siteId: 'ctown', assetId: 'PU4', metric: 'speed', ts: NOW - 60_000, value: 0.9, seq: 7 },
    ]);
    expect(run(topic('T1'), { ts: 123, seq: 0, values: { level: 2 } }).samples[0]?.ts).toBe(123);
  });

  it.each([
    [
      'bad_topic',
      'sensors/ctown/J511',
      { ts: 1, seq: 1, values: { pressure: 1 } },
      /not of the form/,
    ],
    ['bad_json', topic('J511'), '{"ts": 1,', /not JSON/],
    ['bad_shape', topic('J511'), { ts: 1, values: { pressure: 1 } }, /seq/],
    ['bad_shape', topic('J511'), { ts: 1, seq: 1, values: {}, extra: 1 }, /extra|Unrecognized/],
    ['bad_shape', topic('J511'), [1, 2], /JSON object/],
    ['bad_shape', topic('J511'), { ts: 1, seq: 1, values: {} }, /at least one metric/],
    [
      'non_finite',
      topic('J511'),
      '{"ts":1,"seq":1,"values":{"pressure":1e400}}',
      /pressure: must be finite/,
    ],
    [
      'unknown_site',
      topic('J511', 'nowhere'),
      { ts: 1, seq: 1, values: { pressure: 1 } },
      /nowhere: unknown site \(known: ctown\)/,
    ],
    [
      'unknown_asset',
      topic('J513'),
      { ts: 1, seq: 1, values: { pressure: 1 } },
      /J513: unknown asset in site ctown \(did you mean J511, J512\?\)/,
    ],
    [
      'unknown_metric',
      topic('T1'),
      { ts: 1, seq: 1, values: { rpm: 1 } },
      /unknown metric rpm; a tank reports level, head, pressure/,
    ],
    [
      'future_timestamp',
      topic('T1'),
      { ts: NOW + MAX_FUTURE_SKEW_MS + 1000, seq: 1, values: { level: 1 } },
      /in the future/,
    ],
  ])('rejects %s: %s', (reason, t, body, detail) => {
    const result = run(t, body);
    expect(result.samples).toEqual([]);
    expect(result.rejections).toHaveLength(1);
    expect(result.rejections[0]?.reason).toBe(reason);
    expect(result.rejections[0]?.detail).toMatch(detail);
  });

  it('rejects an oversize payload unread', () => {
    const result = validateMessage(
      topic('T1'),
      new Uint8Array(MAX_TELEMETRY_PAYLOAD_BYTES + 1),
      lookup,
      NOW,
    );
    expect(result.rejections[0]).toMatchObject({
      reason: 'oversize',
      siteId: 'ctown',
      assetId: 'T1',
    });
  });

  it('keeps the good values of a message with some bad metrics', () => {
    const result = run(
      topic('J511'),
      '{"ts":1,"seq":3,"values":{"pressure":41.5,"rpm":3,"head":1e999,"Bad-Name":1,"demand":"x"}}',
    );
    expect(result.samples).toEqual([
      { siteId: 'ctown', assetId: 'J511', metric: 'pressure', ts: 1, value: 41.5, seq: 3 },
    ]);
    expect(result.rejections.map((r) => r.reason).sort()).toEqual([
      'bad_shape',
      'non_finite',
      'unknown_metric',
    ]);
  });

  it('never throws and accounts for every message, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.string(), fc.oneof(fc.json(), fc.string(), fc.uint8Array()), (t, body) => {
        const bytes = typeof body === 'string' ? Buffer.from(body) : body;
        const result = validateMessage(t, bytes, lookup, NOW);
        expect(result.samples.length + result.rejections.length).toBeGreaterThan(0);
        for (const s of result.samples) expect(Number.isFinite(s.value)).toBe(true);
      }),
    );
  });
});
