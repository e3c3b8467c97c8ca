import { beforeAll, describe, expect, it } from 'vitest';
import { readNetwork } from '../engine/plain-run.fixture';
import { RunError } from '../engine/run-errors';
import { levelStopControl } from './parse-controls';
import { type Topology, topologyOf } from './topology';

describe('topologyOf', () => {
  let ctown: Topology;
  beforeAll(async () => {
    ctown = await topologyOf(readNetwork('CTOWN.INP'));
  });

  it('reads every simple control of C-Town with its engine index', () => {
    expect(ctown.controls).toHaveLength(20);
    expect(ctown.controls[3]).toEqual({
      index: 4,
      linkId: 'PU2',
      action: { status: 'closed' },
      condition: { kind: 'node', nodeId: 'T1', above: true, value: 4.5 },
    });
    expect(levelStopControl(ctown.controls, 'PU2', ctown.tankIds)?.index).toBe(4);
    expect(levelStopControl(ctown.controls, 'PU3', ctown.tankIds)).toBeUndefined();
  });

  it('groups C-Town’s pumps into its five stations from the pipes alone', () => {
    const stations = [...new Set([...ctown.stations.values()].map((s) => s.join(' ')))].sort();
    expect(stations).toEqual(['PU1 PU2 PU3', 'PU10 PU11', 'PU4 PU5', 'PU6 PU7', 'PU8 PU9']);
  });

  it('converts level thresholds of a US-unit file to metres (Net1: feet)', async () => {
    const net1 = await topologyOf(readNetwork('Net1.inp'));
    const [open, close] = net1.controls;
    expect(open).toMatchObject({ linkId: '9', action: { status: 'open' } });
    expect(open?.condition).toEqual({
      kind: 'node',
      nodeId: '2',
      above: false,
      value: 110 * 0.3048,
    });
    expect(close?.condition).toMatchObject({ above: true, value: 140 * 0.3048 });
  });

  it('keeps engine indices across time controls and lines of other shapes', async () => {
    const inp = readNetwork('Net1.inp').replace(
      '[CONTROLS]',
      '[CONTROLS]\n LINK 10 CLOSED AT TIME 6\n LINK 10 OPEN AT CLOCKTIME 6 PM\n',
    );
    const { controls } = await topologyOf(inp);
    expect(controls.slice(0, 3).map((c) => [c.index, c.linkId, c.condition.kind])).toEqual([
      [1, '10', 'time'],
      [2, '10', 'time'],
      [3, '9', 'node'],
    ]);
    expect(controls[1]?.condition).toEqual({ kind: 'time', clock: true, text: '6 PM' });
  });

  it('caches by content and rejects a file that does not parse, naming the line', async () => {
    expect(await topologyOf(readNetwork('CTOWN.INP'))).toBe(ctown);
    await expect(topologyOf('[JUNCTIONS]\n J1 x\n')).rejects.toThrow(RunError);
    await expect(topologyOf('[JUNCTIONS]\n J1 x\n')).rejects.toThrow(
      /does not parse.*line 2 \[JUNCTIONS\]/,
    );
  });
});
