import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAULT_DURATIONS_S, FaultScheduler, type FaultTransition } from './fault-scheduler';
import { PlantSimulator } from './plant-simulator';
import { createSeededRandom } from './random';
import { CTOWN_INP, steppingClock } from './test-fixtures';

describe('FaultScheduler', () => {
  it('starts faults at the configured mean rate', () => {
    const scheduler = new FaultScheduler(createSeededRandom(7), {
      enabled: true,
      meanIntervalS: 1800,
    });
    const assets = Array.from({ length: 200 }, (_, i) => `A${i}`);
    let starts = 0;
    for (let t = 300; t <= 600 * 300; t += 300) {
      starts += scheduler
        .advance(t, 300, { runningPumps: assets.slice(0, 50), assets })
        .filter((f) => f.edge === 'start' && f.kind !== 'pump_trip').length;
    }
    expect(starts).toBeGreaterThan(70);
    expect(starts).toBeLessThan(130);
  });

  it('never starts anything when disabled', () => {
    const scheduler = new FaultScheduler(createSeededRandom(7), {
      enabled: false,
      meanIntervalS: 1,
    });
    expect(scheduler.advance(1000, 1000, { runningPumps: ['PU1'], assets: ['PU1'] })).toEqual([]);
  });

  it('keeps at most one fault per asset and ends each one within its duration (property)', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.array(fc.integer({ min: 1, max: 2000 }), { minLength: 1, maxLength: 200 }),
        (seed, steps) => {
          const scheduler = new FaultScheduler(createSeededRandom(seed), {
            enabled: true,
            meanIntervalS: 500,
          });
          const open = new Map<string, { kind: string; at: number }>();
          let t = 0;
          for (const dt of steps) {
            t += dt;
            for (const transition of scheduler.advance(t, dt, {
              runningPumps: ['PU1', 'PU2'],
              assets: ['PU1', 'PU2', 'T1', 'J1'],
            })) {
              if (transition.edge === 'start') {
                expect(open.has(transition.assetId)).toBe(false);
                open.set(transition.assetId, { kind: transition.kind, at: t });
              } else {
                expect(open.get(transition.assetId)?.kind).toBe(transition.kind);
                open.delete(transition.assetId);
              }
            }
            for (const [assetId, fault] of open) {
              expect(scheduler.faultOf(assetId)).toBe(fault.kind);
            }
          }
          for (const fault of open.values()) {
            const longest = FAULT_DURATIONS_S[fault.kind as keyof typeof FAULT_DURATIONS_S][1];
            expect(t - fault.at).toBeLessThanOrEqual(longest + 2000);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('FaultScheduler with injected faults (property)', () => {
  const assets = ['PU1', 'PU2', 'J1'];
  const op = fc.oneof(
    fc.record({ type: fc.constant('advance' as const), dt: fc.integer({ min: 1, max: 3000 }) }),
    fc.record({
      type: fc.constant('inject' as const),
      assetId: fc.constantFrom(...assets),
      durationS: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }),
    }),
    fc.record({ type: fc.constant('clear' as const), assetId: fc.constantFrom(...assets) }),
  );

  it('keeps one fault per asset, pairs every start with one end, and never ends an open-ended trip by itself', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(op, { maxLength: 80 }), (seed, ops) => {
        const scheduler = new FaultScheduler(createSeededRandom(seed), {
          enabled: true,
          meanIntervalS: 800,
        });
        const open = new Map<string, { kind: string; origin: string; untilS: number }>();
        let t = 0;
        const apply = (transitions: FaultTransition[], untilS = Infinity) => {
          for (const tr of transitions) {
            if (tr.edge === 'start') {
              expect(open.has(tr.assetId)).toBe(false);
              open.set(tr.assetId, { kind: tr.kind, origin: tr.origin, untilS });
            } else {
              expect(open.get(tr.assetId)).toMatchObject({ kind: tr.kind, origin: tr.origin });
              if (tr.origin === 'injected')
                expect(t).toBeGreaterThanOrEqual(open.get(tr.assetId)!.untilS);
              open.delete(tr.assetId);
            }
          }
        };
        for (const o of ops) {
          if (o.type === 'advance') {
            t += o.dt;
            apply(scheduler.advance(t, o.dt, { runningPumps: ['PU1', 'PU2'], assets }));
          } else if (o.type === 'inject') {
            const transitions = scheduler.inject('pump_trip', o.assetId, t, o.durationS);
            expect(transitions.at(-1)).toEqual({
              kind: 'pump_trip',
              edge: 'start',
              assetId: o.assetId,
              origin: 'injected',
            });
            const ended = transitions.slice(0, -1);
            for (const tr of ended) open.delete(tr.assetId);
            apply(transitions.slice(-1), o.durationS === undefined ? Infinity : t + o.durationS);
          } else {
            const had = open.get(o.assetId);
            const transitions = scheduler.clear(o.assetId);
            expect(transitions.length).toBe(had === undefined ? 0 : 1);
            for (const tr of transitions) open.delete(tr.assetId);
          }
          expect(
            scheduler
              .active()
              .map((f) => [f.assetId, f.kind, f.origin])
              .sort(),
          ).toEqual([...open].map(([id, f]) => [id, f.kind, f.origin]).sort());
          for (const f of scheduler.active())
            if (f.origin === 'injected' && open.get(f.assetId)?.untilS === Infinity)
              expect(f.plantEndS).toBeNull();
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('faults in the running plant', () => {
  it('trips pumps, drops and freezes sensors, and undoes every fault', async () => {
    const time = steppingClock(Date.UTC(2026, 0, 1), 1000);
    const simulator = await PlantSimulator.create(
      {
        siteId: 'ctown',
        inpText: CTOWN_INP,
        seed: 11,
        speedup: 300,
        faults: { enabled: true, meanIntervalS: 900 },
      },
      { clock: time.clock, publish: () => Promise.resolve() },
    );
    const ticks = Array.from({ length: 400 }, () => ({
      messages: simulator.step(),
      plantTimeS: simulator.plantTimeS,
    }));
    const events = simulator.events;
    const kinds = new Set(events.map((e) => e.kind));
    expect([...kinds].sort()).toEqual([
      'pump_precursor',
      'pump_trip',
      'sensor_dropout',
      'stuck_value',
    ]);
    const tickAt = (plantTimeS: number) => ticks.findIndex((t) => t.plantTimeS >= plantTimeS);
    let checked = 0;
    for (const start of events.filter((e) => e.edge === 'start')) {
      const end = events.find(
        (e) =>
          e.edge === 'end' &&
          e.assetId === start.assetId &&
          e.kind === start.kind &&
          e.plantTimeS > start.plantTimeS,
      );
      if (end === undefined) continue;
      const during = ticks
        .slice(tickAt(start.plantTimeS), tickAt(end.plantTimeS))
        .flatMap((t) => t.messages.filter((m) => m.assetId === start.assetId));
      const after = ticks
        .slice(tickAt(end.plantTimeS))
        .flatMap((t) => t.messages.filter((m) => m.assetId === start.assetId));
      if (start.kind === 'sensor_dropout') expect(during).toEqual([]);
      if (start.kind === 'stuck_value')
        expect(
          new Set(during.map((m) => JSON.stringify(m.payload.values))).size,
        ).toBeLessThanOrEqual(1);
      if (start.kind === 'pump_trip')
        for (const m of during)
          expect([
            m.payload.values.command,
            m.payload.values.status,
            m.payload.values.power,
          ]).toEqual([1, 0, 0]);
      if (start.kind !== 'pump_precursor' && after.length > 0) checked += 1;
      if (start.kind === 'sensor_dropout') expect(after.length).toBeGreaterThan(0);
    }
    expect(checked).toBeGreaterThan(10);
    simulator.close();
  });

  it('raises vibration and bearing temperature before a trip', async () => {
    const simulator = await PlantSimulator.create(
      {
        siteId: 'ctown',
        inpText: CTOWN_INP,
        seed: 5,
        speedup: 120,
        faults: { enabled: true, meanIntervalS: 1200 },
      },
      { clock: steppingClock(Date.UTC(2026, 0, 1), 1000).clock, publish: () => Promise.resolve() },
    );
    const messages = simulator.runTicks(900);
    const precursor = simulator.events.find(
      (e) => e.kind === 'pump_precursor' && e.edge === 'start',
    );
    const trip = simulator.events.find(
      (e) => e.kind === 'pump_trip' && e.edge === 'start' && e.assetId === precursor?.assetId,
    );
    expect(precursor && trip).toBeTruthy();
    const pumpReadings = messages.filter(
      (m) => m.assetId === precursor?.assetId && m.payload.values.status === 1,
    );
    const before = pumpReadings.filter((m) => Number(m.payload.ts) <= (precursor?.ts ?? 0));
    const rising = pumpReadings.filter(
      (m) => Number(m.payload.ts) > (precursor?.ts ?? 0) && Number(m.payload.ts) < (trip?.ts ?? 0),
    );
    const last = rising.at(-1)?.payload.values;
    expect(last?.vibration).toBeGreaterThan(
      (before.at(-1)?.payload.values.vibration as number) * 1.5,
    );
    expect(last?.bearing_temp).toBeGreaterThan(
      before.at(-1)?.payload.values.bearing_temp as number,
    );
    simulator.close();
  });
});
