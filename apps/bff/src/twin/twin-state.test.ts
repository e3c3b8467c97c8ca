import type { Sample } from '@twinhelm/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTwinState } from './twin-state';

const sample = (assetId: string, metric: string, ts: number, value: number): Sample => ({
  siteId: 'ctown',
  assetId,
  metric,
  ts,
  value,
  seq: ts,
});

describe('twin state', () => {
  it('keeps the newest value by sample time and reports only the changes', () => {
    const twin = createTwinState({ now: () => 1000 });
    const seen: unknown[] = [];
    twin.onChange((siteId, changes) => seen.push({ siteId, changes }));
    twin.apply([
      sample('T1', 'level', 20, 3.1),
      sample('T1', 'level', 10, 2.9),
      sample('PU1', 'status', 5, 1),
    ]);
    twin.apply([sample('T1', 'level', 15, 9.9)]);
    expect(twin.snapshot('ctown')).toEqual({
      siteId: 'ctown',
      version: 1,
      at: 1000,
      state: { T1: { level: { v: 3.1, ts: 20 } }, PU1: { status: { v: 1, ts: 5 } } },
    });
    expect(seen).toEqual([
      {
        siteId: 'ctown',
        changes: { T1: { level: { v: 3.1, ts: 20 } }, PU1: { status: { v: 1, ts: 5 } } },
      },
    ]);
  });

  it('gives an empty state at version 0 for an unknown site, and copies (callers cannot mutate it)', () => {
    const twin = createTwinState({ now: () => 7 });
    expect(twin.snapshot('nowhere')).toEqual({ siteId: 'nowhere', version: 0, at: 7, state: {} });
    twin.apply([sample('J1', 'pressure', 1, 40)]);
    const snap = twin.snapshot('ctown');
    snap.state.J1 = {};
    expect(twin.snapshot('ctown').state.J1).toEqual({ pressure: { v: 40, ts: 1 } });
  });

  it('stops calling a listener once unsubscribed, and restores a persisted state', () => {
    const twin = createTwinState();
    let calls = 0;
    const off = twin.onChange(() => (calls += 1));
    twin.apply([sample('J1', 'pressure', 1, 40)]);
    off();
    twin.apply([sample('J1', 'pressure', 2, 41)]);
    expect(calls).toBe(1);
    twin.restore('ctown', 42, { J1: { pressure: { v: 1, ts: 1 } } });
    twin.apply([sample('J1', 'pressure', 3, 5)]);
    expect(twin.snapshot('ctown').version).toBe(43);
  });

  it('any interleaving and duplication of samples ends in the state of applying them sorted by time', () => {
    // A sample's value is a function of its key and time, as the database's dedup key makes it.
    const sampleArb = fc
      .record({
        asset: fc.constantFrom('J1', 'J2', 'T1'),
        metric: fc.constantFrom('pressure', 'level'),
        ts: fc.nat(50),
      })
      .map(({ asset, metric, ts }) => sample(asset, metric, ts, ts * 10 + asset.length));
    const scenario = fc
      .array(sampleArb, { minLength: 1, maxLength: 60 })
      .chain((samples) =>
        fc.tuple(fc.constant(samples), fc.array(fc.nat(samples.length - 1), { maxLength: 40 })),
      )
      .chain(([samples, duplicated]) => {
        const delivered = [...samples, ...duplicated.map((i) => samples[i] as Sample)];
        return fc.tuple(
          fc.constant(samples),
          fc.shuffledSubarray(delivered, { minLength: delivered.length }),
        );
      });
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 7 }), ([samples, delivered], batchSize) => {
        const live = createTwinState({ now: () => 0 });
        for (let i = 0; i < delivered.length; i += batchSize)
          live.apply(delivered.slice(i, i + batchSize));
        const reference = createTwinState({ now: () => 0 });
        reference.apply([...samples].sort((a, b) => a.ts - b.ts));
        expect(live.snapshot('ctown').state).toEqual(reference.snapshot('ctown').state);
      }),
    );
  });
});
