import { describe, expect, it } from 'vitest';
import type { Nowcast } from '@twinhelm/contracts';
import { burstPerturbation, quantityOfTrip } from './cause-perturbations';
import type { AdvisableAlarm } from './alarm-cause';

const config = { horizonS: 14_400, burstLps: 10, burstPressureM: 30 };
const pipeAlarm: AdvisableAlarm = {
  key: 'P1/flow-high',
  assetId: 'P1',
  ruleId: 'flow-high',
  kind: 'threshold',
  metric: 'flow',
  sense: 'high',
  condition: true,
  state: 'unack_active',
  values: { value: 55, setpoint: 40 },
};
const ends = { from: { id: 'R1', type: 'reservoir' }, to: { id: 'J5', type: 'junction' } };

describe('burstPerturbation', () => {
  it('sizes the leak from the nowcast residual at the junction end', () => {
    const nowcast = {
      residuals: { P1: { flow: { measured: 55, modelled: 35, residual: 20 } } },
      values: { J5: { pressure: 25 } },
    } as unknown as Nowcast;
    const out = burstPerturbation(pipeAlarm, ends, nowcast, config);
    expect(out).toMatchObject({
      perturbation: {
        type: 'burst',
        assetId: 'J5',
        size: { kind: 'coefficient', lpsPerSqrtM: 4 },
        startS: 0,
        endS: 14_400,
      },
    });
    expect('assumption' in out && out.assumption).toMatch(/20 L\/s at 25 m .*nowcast/);
  });

  it('falls back to the excess over the limit, then the default leak', () => {
    expect(burstPerturbation(pipeAlarm, ends, undefined, config)).toMatchObject({
      perturbation: { size: { lpsPerSqrtM: Math.round((15 / Math.sqrt(30)) * 1000) / 1000 } },
    });
    const rate = { ...pipeAlarm, kind: 'rate' as const, values: {} };
    const fallback = burstPerturbation(rate, ends, undefined, config);
    expect('assumption' in fallback && fallback.assumption).toMatch(/ALARM_ADVICE_BURST_LPS/);
  });

  it('has a problem when neither end is a junction', () => {
    const out = burstPerturbation(
      pipeAlarm,
      { ...ends, to: { id: 'T1', type: 'tank' } },
      undefined,
      config,
    );
    expect('problem' in out && out.problem).toMatch(/no junction at either end/);
  });
});

describe('quantityOfTrip', () => {
  it('prefers the watched tank, then the discharge junction', () => {
    expect(quantityOfTrip('PU1', 'T1', undefined)).toMatchObject({
      assetId: 'T1',
      metric: 'level',
    });
    expect(quantityOfTrip('PU1', undefined, ends)).toMatchObject({
      assetId: 'J5',
      metric: 'pressure',
    });
    expect(quantityOfTrip('PU1', undefined, undefined)).toBeNull();
  });
});
