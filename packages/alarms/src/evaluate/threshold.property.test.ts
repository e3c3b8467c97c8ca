import { AlarmRuleSchema } from '@twinhelm/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRuleEvaluator } from './rule-evaluator';

const caseArb = fc.record({
  setpoint: fc.integer({ min: 10, max: 30 }),
  deadband: fc.integer({ min: 0, max: 5 }),
  onDelayS: fc.integer({ min: 0, max: 30 }),
  offDelayS: fc.integer({ min: 0, max: 30 }),
  samples: fc.array(
    fc.tuple(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 0, max: 45 })),
    {
      maxLength: 150,
    },
  ),
});

describe('threshold evaluation (property)', () => {
  it('alternates raise and clear, each backed by every sample since the change began', () => {
    fc.assert(
      fc.property(caseArb, ({ setpoint, deadband, onDelayS, offDelayS, samples }) => {
        const rule = AlarmRuleSchema.parse({
          id: 'low',
          version: 1,
          kind: 'threshold',
          metric: 'pressure',
          limit: 'l',
          setpoint,
          deadband,
          onDelayS,
          offDelayS,
          priority: 'low',
          consequence: 'c',
          response: 'r',
        });
        const evaluator = createRuleEvaluator([{ assetId: 'J1', rules: [rule] }]);
        const seen: [number, number][] = [];
        let ts = 0;
        let active = false;
        for (const [gap, value] of samples) {
          ts += gap;
          seen.push([ts, value]);
          for (const change of evaluator.push({ assetId: 'J1', metric: 'pressure', value, ts })) {
            expect(change.active).toBe(!active);
            active = change.active;
            expect(change.ts - change.since).toBeGreaterThanOrEqual(
              (active ? onDelayS : offDelayS) * 1000,
            );
            const span = seen.filter(([t]) => t >= change.since && t <= change.ts);
            for (const [, v] of span) {
              if (active) expect(v).toBeLessThan(setpoint);
              else expect(v).toBeGreaterThanOrEqual(setpoint + deadband);
            }
          }
        }
        expect(evaluator.activeConditions().length).toBe(active ? 1 : 0);
      }),
      { numRuns: 300 },
    );
  });
});
