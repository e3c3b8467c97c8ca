import type { CandidateAction } from '@twinhelm/contracts';
import type { PlantAction } from '@twinhelm/simulator';
import { describe, expect, it } from 'vitest';
import { failedCarryOut, plantCarryOut, summaryOf } from './carry-out';
import type { SimulatorControl } from './simulator-control';

const HORIZON = { startS: 0, endS: 14_400 };
const refusal = (code: string, message: string) => Object.assign(new Error(message), { code });

/** A simulator that refuses a whole batch when one action is on a tripped pump, like the real one. */
function fakeSimulator(tripped: string[] = [], failWith?: Error) {
  const calls: PlantAction[][] = [];
  const simulator: SimulatorControl = {
    siteId: 'ctown',
    injectFault: () => Promise.reject(new Error('not used')),
    clearFault: () => Promise.reject(new Error('not used')),
    faults: () => Promise.reject(new Error('not used')),
    applyActions(actions) {
      calls.push([...actions]);
      if (failWith) return Promise.reject(failWith);
      const trip = actions.find((a) => tripped.includes(a.assetId));
      if (trip)
        return Promise.reject(
          refusal('invalid', `${trip.assetId} is tripped: clear its fault first, then act on it`),
        );
      return Promise.resolve({ siteId: 'ctown', plantTimeS: 7200, settings: [] });
    },
  };
  return { simulator, calls };
}

const startPump = (id: string): CandidateAction => ({
  kind: 'start-pump',
  assetIds: [id],
  description: `Start pump ${id}`,
  perturbations: [{ type: 'pump-speed', assetId: id, speed: 1, ...HORIZON }],
});
const types = (map: Record<string, string>) => () => Promise.resolve(new Map(Object.entries(map)));

describe('plantCarryOut', () => {
  it('hands the mapped actions to the simulator and says what the plant did', async () => {
    const { simulator, calls } = fakeSimulator();
    const carryOut = plantCarryOut({
      siteId: 'ctown',
      simulator: () => simulator,
      assetTypes: types({}),
    });
    const result = await carryOut('ctown', [startPump('PU9')]);
    expect(calls).toEqual([[{ type: 'pump-speed', assetId: 'PU9', speed: 1, durationS: 14_400 }]]);
    expect(result).toEqual({
      outcome: 'carried_out',
      summary: 'Demo plant: PU9 started at 100 % for 4 h.',
      done: [{ assetId: 'PU9', text: 'PU9 started at 100 % for 4 h' }],
      skipped: [],
      plantTimeS: 7200,
      actions: [{ type: 'pump-speed', assetId: 'PU9', speed: 1, durationS: 14_400 }],
    });
  });

  it('carries out the rest when the simulator refuses one action, and names the refused one', async () => {
    const { simulator, calls } = fakeSimulator(['PU8']);
    const carryOut = plantCarryOut({
      siteId: 'ctown',
      simulator: () => simulator,
      assetTypes: types({ PU8: 'pump', P1: 'pipe' }),
    });
    const outage: CandidateAction = {
      kind: 'isolate-segment',
      assetIds: ['PU8', 'P1'],
      description: 'Isolate',
      perturbations: [
        { type: 'asset-outage', assetId: 'PU8', ...HORIZON },
        { type: 'asset-outage', assetId: 'P1', ...HORIZON },
      ],
    };
    const result = await carryOut('ctown', [startPump('PU9'), outage]);
    expect(calls).toHaveLength(3);
    expect(result?.outcome).toBe('partly');
    expect(result?.done).toEqual([{ assetId: 'PU9', text: 'PU9 started at 100 % for 4 h' }]);
    expect(result?.skipped).toEqual([
      {
        assetId: 'PU8',
        text: 'PU8 stopped for 4 h: refused by the plant (PU8 is tripped: clear its fault first, then act on it)',
      },
      {
        assetId: 'P1',
        text: 'P1 out of service: a pipe; the demo plant operates only pumps and valves by hand, it cannot close a pipe',
      },
    ]);
    expect(result?.actions).toEqual([
      { type: 'pump-speed', assetId: 'PU9', speed: 1, durationS: 14_400 },
    ]);
    expect(result?.summary).toMatch(
      /^Demo plant: PU9 started at 100 % for 4 h\. Not carried out: PU8/,
    );
  });

  it('asks nothing of the simulator when nothing can be carried out', async () => {
    const { simulator, calls } = fakeSimulator();
    const carryOut = plantCarryOut({
      siteId: 'ctown',
      simulator: () => simulator,
      assetTypes: types({}),
    });
    const result = await carryOut('ctown', [
      {
        kind: 'tank-control',
        assetIds: ['PU10'],
        description: 'Keep PU10 running',
        perturbations: [{ type: 'control-disabled', controlIndex: 4, ...HORIZON }],
      },
    ]);
    expect(calls).toEqual([]);
    expect(result).toMatchObject({ outcome: 'nothing', done: [], plantTimeS: null });
    expect(result?.summary).toMatch(
      /^Demo plant: nothing carried out\. Not carried out: control 4/,
    );
  });

  it('is not asked for another site, and rejects when the simulator is away', async () => {
    const { simulator } = fakeSimulator([], refusal('unavailable', 'the simulator has stopped'));
    const carryOut = plantCarryOut({
      siteId: 'ctown',
      simulator: () => simulator,
      assetTypes: types({}),
    });
    expect(await carryOut('other', [startPump('PU9')])).toBeUndefined();
    await expect(carryOut('ctown', [startPump('PU9')])).rejects.toThrow(/has stopped/);
    const notYet = plantCarryOut({
      siteId: 'ctown',
      simulator: () => undefined,
      assetTypes: types({}),
    });
    await expect(notYet('ctown', [startPump('PU9')])).rejects.toThrow(/not running yet/);
  });

  it('lists every action when the plant could not be asked', () => {
    expect(failedCarryOut([startPump('PU9')], new Error('no answer within 10 s'))).toEqual({
      outcome: 'failed',
      summary: 'Demo plant: not carried out (no answer within 10 s); the approval stands.',
      done: [],
      skipped: [{ assetId: 'PU9', text: 'Start pump PU9' }],
      plantTimeS: null,
      actions: [],
    });
    expect(summaryOf([], [])).toBe('Demo plant: nothing carried out.');
  });
});
