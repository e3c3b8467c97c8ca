import type { CandidateAction, Perturbation } from '@twinhelm/contracts';
import { PlantActionSchema } from '@twinhelm/simulator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationText, plantActionsOf } from './plant-actions-of';

const TYPES: Record<string, string> = {
  PU8: 'pump',
  PU9: 'pump',
  PU10: 'pump',
  V45: 'valve',
  P100: 'pipe',
  J12: 'junction',
};
const typeOf = (id: string) => TYPES[id];
const HORIZON = { startS: 0, endS: 14_400 };

const action = (
  kind: CandidateAction['kind'],
  perturbations: Perturbation[],
  assetIds = ['PU9'],
): CandidateAction => ({
  kind,
  assetIds,
  description: `${kind} ${assetIds.join(',')}`,
  perturbations,
});

describe('plantActionsOf', () => {
  it('starts a standby pump at its speed for the window', () => {
    const plan = plantActionsOf(
      [action('start-pump', [{ type: 'pump-speed', assetId: 'PU9', speed: 1, ...HORIZON }])],
      typeOf,
    );
    expect(plan.actions).toEqual([
      { type: 'pump-speed', assetId: 'PU9', speed: 1, durationS: 14_400 },
    ]);
    expect(plan.outcomes).toEqual([
      expect.objectContaining({ kind: 'mapped', text: 'PU9 started at 100 % for 4 h' }),
    ]);
  });

  it('holds a pump on for a tank control: the suspended control is covered by the hand hold', () => {
    const plan = plantActionsOf(
      [
        action(
          'tank-control',
          [
            { type: 'control-disabled', controlIndex: 12, ...HORIZON },
            { type: 'pump-speed', assetId: 'PU10', speed: 1, ...HORIZON },
          ],
          ['PU10'],
        ),
      ],
      typeOf,
    );
    expect(plan.actions).toEqual([
      { type: 'pump-speed', assetId: 'PU10', speed: 1, durationS: 14_400 },
    ]);
    expect(plan.outcomes.map((o) => [o.kind, o.text])).toEqual([
      ['covered', 'control 12 suspended: holding PU10 by hand suspends its controls'],
      ['mapped', 'PU10 held on at 100 % for 4 h'],
    ]);
  });

  it('closes valves and stops pumps of an isolation; a pipe cannot be closed and is named', () => {
    const window = { startS: 1800, endS: 9000 };
    const plan = plantActionsOf(
      [
        action(
          'isolate-segment',
          [
            { type: 'valve-setting', assetId: 'V45', status: 'closed', ...window },
            { type: 'asset-outage', assetId: 'P100', ...window },
            { type: 'asset-outage', assetId: 'PU8', ...window },
            { type: 'asset-outage', assetId: 'V45', ...window },
          ],
          ['V45', 'P100', 'PU8'],
        ),
      ],
      typeOf,
    );
    expect(plan.actions).toEqual([
      { type: 'valve-setting', assetId: 'V45', status: 'closed', durationS: 7200 },
      { type: 'pump-speed', assetId: 'PU8', speed: 0, durationS: 7200 },
      { type: 'valve-setting', assetId: 'V45', status: 'closed', durationS: 7200 },
    ]);
    expect(plan.outcomes.map((o) => o.text)).toEqual([
      'V45 closed for 2 h (simulated from +30 min; carried out now)',
      'P100 out of service: a pipe; the demo plant operates only pumps and valves by hand, it cannot close a pipe',
      'PU8 stopped for 2 h (simulated from +30 min; carried out now)',
      'V45 closed for 2 h (simulated from +30 min; carried out now)',
    ]);
  });

  it('names what it cannot carry out: a control by itself, bursts, demands, unknown assets', () => {
    const plan = plantActionsOf(
      [
        action('tank-control', [{ type: 'control-disabled', controlIndex: 3, ...HORIZON }]),
        action('pump-speed', [
          {
            type: 'burst',
            assetId: 'J12',
            size: { kind: 'coefficient', lpsPerSqrtM: 1 },
            ...HORIZON,
          },
          { type: 'demand-multiplier', multiplier: 0.8, dma: 'DMA1', ...HORIZON },
          { type: 'asset-outage', assetId: 'X1', ...HORIZON },
          { type: 'tank-level', assetId: 'T5', levelM: 2, ...HORIZON },
          { type: 'pump-speed', assetId: 'PU9', speed: 1.2, startS: 600, endS: 600 },
        ]),
      ],
      typeOf,
    );
    expect(plan.actions).toEqual([]);
    expect(plan.outcomes.every((o) => o.kind === 'skipped')).toBe(true);
    expect(plan.outcomes.map((o) => o.text)).toEqual([
      expect.stringMatching(/^control 3 suspended: the demo plant cannot suspend one control/),
      'burst at J12: an event to simulate, not an operator action',
      'demand × 0.8 in DMA1: a demand to simulate, not an operator action',
      "X1 out of service: not an asset of the site's network, so the plant cannot take it out",
      "T5 held at 2 m: the demo plant cannot hold a tank's level",
      'PU9: its window 600–600 s is empty',
    ]);
  });

  it('caps a hold at the longest the simulator takes, and says so', () => {
    const plan = plantActionsOf(
      [
        action('pump-speed', [
          { type: 'pump-speed', assetId: 'PU9', speed: 1.1, startS: 0, endS: 10 * 86_400 },
        ]),
      ],
      typeOf,
    );
    expect(plan.actions[0]).toMatchObject({ durationS: 7 * 86_400 });
    expect(plan.outcomes[0]?.text).toBe(
      'PU9 run at 110 % for 168 h (the longest hold the demo plant takes)',
    );
  });

  it('writes plant durations for people', () => {
    expect([14_400, 5400, 1200, 45, 90].map(durationText)).toEqual([
      '4 h',
      '1.5 h',
      '20 min',
      '45 s',
      '90 s',
    ]);
  });
});

const ids = fc.constantFrom('PU8', 'PU9', 'V45', 'P100', 'J12', 'X1', '');
const num = fc.oneof(fc.double(), fc.integer({ min: -10, max: 20 }), fc.constantFrom(0, 1, 3));
const window = { startS: num, endS: num };
const perturbation: fc.Arbitrary<Perturbation> = fc.oneof(
  fc.record({ type: fc.constant('asset-outage' as const), assetId: ids, ...window }),
  fc.record({ type: fc.constant('pump-speed' as const), assetId: ids, speed: num, ...window }),
  fc.record(
    {
      type: fc.constant('valve-setting' as const),
      assetId: ids,
      status: fc.constantFrom('open' as const, 'closed' as const),
      setting: num,
      ...window,
    },
    { requiredKeys: ['type', 'assetId', 'startS', 'endS'] },
  ),
  fc.record({ type: fc.constant('control-disabled' as const), controlIndex: num, ...window }),
  fc.record({ type: fc.constant('tank-level' as const), assetId: ids, levelM: num, ...window }),
  fc.record({ type: fc.constant('fire-flow' as const), assetId: ids, flowLps: num, ...window }),
  fc.record({ type: fc.constant('demand-multiplier' as const), multiplier: num, ...window }),
  fc.record({
    type: fc.constant('burst' as const),
    assetId: ids,
    size: fc.constant({ kind: 'coefficient' as const, lpsPerSqrtM: 1 }),
    ...window,
  }),
  // what a newer solver might send: a type this build does not know
  fc.constant({
    type: 'valve-turns',
    assetId: 'V45',
    startS: 0,
    endS: 1,
  } as unknown as Perturbation),
);
const kinds = fc.constantFrom<CandidateAction['kind']>(
  'start-pump',
  'stop-pump',
  'pump-speed',
  'open-valve',
  'close-valve',
  'valve-setting',
  'isolate-segment',
  'tank-control',
);
const actions: fc.Arbitrary<CandidateAction[]> = fc.array(
  fc.record({
    kind: kinds,
    assetIds: fc.constant(['PU9']).map((ids) => [...ids]),
    description: fc.string(),
    perturbations: fc.array(perturbation, { minLength: 1, maxLength: 5 }),
  }),
  { maxLength: 5 },
);

describe('plantActionsOf, any recommendation (property)', () => {
  it('never throws, and maps each perturbation to an action the simulator takes or names it', () => {
    fc.assert(
      fc.property(actions, (recommended) => {
        const plan = plantActionsOf(recommended, typeOf);
        const all = recommended.flatMap((a) => a.perturbations);
        expect(plan.outcomes).toHaveLength(all.length);
        plan.outcomes.forEach((outcome, i) => {
          const p = all[i] as Perturbation & { assetId?: string };
          expect(outcome.text.length).toBeGreaterThan(0);
          if (outcome.kind === 'mapped') {
            expect(PlantActionSchema.safeParse(outcome.action).success).toBe(true);
            expect(outcome.assetId).toBe(p.assetId);
          } else if (p.type === 'control-disabled') {
            expect(outcome.text).toContain(`control ${String(p.controlIndex)}`);
          } else if (p.assetId !== undefined && p.assetId !== '') {
            expect(outcome.text).toContain(p.assetId);
          }
        });
        expect(plan.actions).toEqual(
          plan.outcomes.flatMap((o) => (o.kind === 'mapped' ? [o.action] : [])),
        );
      }),
      { numRuns: 500 },
    );
  });
});
