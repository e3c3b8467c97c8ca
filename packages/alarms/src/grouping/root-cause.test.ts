import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readInpGraph } from '../testing/read-inp-graph';
import { groupAlarmsByRootCause, type GroupableAlarm } from './root-cause';
import { SupplyGraph, type AlarmGraph } from './supply-graph';

/**
 *   R1 ─P1─ J1 ─PU1▶ J2 ─P2─ J3 ─P3─ J4
 *           │  └PU2▶┘│        └─P4─ T1
 *           P5       V1
 *           J5       J6 ─P6─ J7
 */
const net: AlarmGraph = {
  nodes: [
    { id: 'R1', type: 'reservoir' },
    ...['J1', 'J2', 'J3', 'J4', 'J5', 'J6', 'J7'].map((id) => ({ id, type: 'junction' as const })),
    { id: 'T1', type: 'tank' },
  ],
  links: [
    { id: 'P1', type: 'pipe', from: 'R1', to: 'J1' },
    { id: 'PU1', type: 'pump', from: 'J1', to: 'J2' },
    { id: 'PU2', type: 'pump', from: 'J1', to: 'J2' },
    { id: 'P2', type: 'pipe', from: 'J2', to: 'J3' },
    { id: 'P3', type: 'pipe', from: 'J3', to: 'J4' },
    { id: 'P4', type: 'pipe', from: 'J3', to: 'T1' },
    { id: 'P5', type: 'pipe', from: 'J1', to: 'J5' },
    { id: 'V1', type: 'valve', from: 'J2', to: 'J6' },
    { id: 'P6', type: 'pipe', from: 'J6', to: 'J7' },
  ],
};

const low = (assetId: string, metric = 'pressure'): GroupableAlarm => ({
  key: `${assetId}/${metric}-low`,
  assetId,
  kind: 'threshold',
  metric,
  sense: 'low',
});
const alarms: GroupableAlarm[] = [
  { key: 'PU1/pump-mismatch', assetId: 'PU1', kind: 'mismatch', metric: 'command', sense: null },
  low('J3'),
  low('T1', 'level'),
  {
    key: 'T1/time-to-empty',
    assetId: 'T1',
    kind: 'prediction',
    metric: 'time_to_empty_h',
    sense: null,
  },
  low('J5'),
  low('J7'),
  { key: 'J4/pressure-residual', assetId: 'J4', kind: 'residual', metric: 'pressure', sense: null },
  { key: 'J4/pressure-high', assetId: 'J4', kind: 'threshold', metric: 'pressure', sense: 'high' },
];

describe('root-cause grouping on a hand-made network', () => {
  it('puts low pressure and low level downstream of a tripped pump under its mismatch alarm', () => {
    const result = groupAlarmsByRootCause(net, alarms, [], { closedLinks: ['PU2'] });
    expect(result.problems).toEqual([]);
    expect(result.groups).toEqual([
      {
        cause: { kind: 'pump_trip', linkId: 'PU1', alarmKey: 'PU1/pump-mismatch' },
        parentKey: 'PU1/pump-mismatch',
        children: ['J3/pressure-low', 'J7/pressure-low', 'T1/level-low', 'T1/time-to-empty'],
        affectedNodes: ['J2', 'J3', 'J4', 'J6', 'J7', 'T1'],
      },
    ]);
    expect(result.ungrouped).toEqual([
      'J5/pressure-low',
      'J4/pressure-residual',
      'J4/pressure-high',
    ]);
  });

  it('groups nothing while a parallel pump still supplies the zone', () => {
    const result = groupAlarmsByRootCause(net, alarms);
    expect(result.groups[0]?.children).toEqual([]);
    expect(result.ungrouped).not.toContain('PU1/pump-mismatch');
  });

  it('handles a closed valve and a burst named by the caller', () => {
    const valve = groupAlarmsByRootCause(net, alarms.slice(1), [
      { kind: 'valve_closed', linkId: 'V1' },
    ]);
    expect(valve.groups).toMatchObject([
      { parentKey: null, children: ['J7/pressure-low'], affectedNodes: ['J6', 'J7'] },
    ]);
    const burst = groupAlarmsByRootCause(
      net,
      alarms.slice(1),
      [{ kind: 'pipe_burst', linkId: 'P2', alarmKey: 'P2/burst' }],
      { burstHops: 1 },
    );
    expect(burst.groups[0]?.affectedNodes).toEqual(['J1', 'J2', 'J3', 'J4', 'J6', 'T1']);
    expect(burst.groups[0]?.children).toEqual([
      'J3/pressure-low',
      'T1/level-low',
      'T1/time-to-empty',
    ]);
  });

  it('reports causes it cannot use', () => {
    const result = groupAlarmsByRootCause(
      net,
      [],
      [
        { kind: 'pump_trip', linkId: 'PU9' },
        { kind: 'pump_trip', linkId: 'P1' },
      ],
      { closedLinks: ['X1'] },
    );
    expect(result.problems).toEqual([
      'closed link X1 is not a link of the network',
      'pump_trip at PU9: no such link in the network',
      'pump_trip at P1: that link is a pipe, not a pump',
    ]);
  });

  it('refuses a graph whose link names an unknown node', () => {
    expect(
      () =>
        new SupplyGraph({
          nodes: net.nodes,
          links: [{ id: 'PX', type: 'pipe', from: 'J1', to: 'J99' }],
        }),
    ).toThrow('link PX joins J99, which is not a node of the graph');
  });
});

describe('root-cause grouping on C-Town', () => {
  const ctown = readInpGraph(
    readFileSync(
      fileURLToPath(new URL('../../../../data/networks/CTOWN.INP', import.meta.url)),
      'utf8',
    ),
  );
  const graph = new SupplyGraph(ctown);

  it('groups the zone of station PU4/PU5 under PU4 when PU4 trips with PU5 off', () => {
    const result = groupAlarmsByRootCause(
      graph,
      [
        {
          key: 'PU4/pump-mismatch',
          assetId: 'PU4',
          kind: 'mismatch',
          metric: 'command',
          sense: null,
        },
        low('T3', 'level'),
        low('J1169'),
        low('J310'),
        low('J299'),
      ],
      [],
      { closedLinks: ['PU5'] },
    );
    expect(ctown.nodes).toHaveLength(396);
    const [group] = result.groups;
    expect(group?.affectedNodes).toHaveLength(35);
    expect(group?.affectedNodes).toContain('J292');
    expect(group?.affectedNodes).not.toContain('J299');
    expect(group?.children).toEqual(['J1169/pressure-low', 'T3/level-low']);
    expect(result.ungrouped).toEqual(['J310/pressure-low', 'J299/pressure-low']);
  });

  it('groups the T5 zone under PU8, whose partner PU9 never runs (the simulator demo trip)', () => {
    const result = groupAlarmsByRootCause(
      graph,
      [
        {
          key: 'PU8/pump-mismatch',
          assetId: 'PU8',
          kind: 'mismatch',
          metric: 'command',
          sense: null,
        },
        ...['J72', 'J87', 'J245', 'J246'].map((id) => low(id)),
        low('T5', 'level'),
        low('J26'),
      ],
      [],
      { closedLinks: ['PU3', 'PU5', 'PU6', 'PU9', 'PU11'] },
    );
    expect(result.groups).toHaveLength(1);
    expect(result.groups[0]?.affectedNodes).toHaveLength(46);
    expect(result.groups[0]?.children).toEqual([
      'J245/pressure-low',
      'J246/pressure-low',
      'J72/pressure-low',
      'J87/pressure-low',
      'T5/level-low',
    ]);
    expect(result.ungrouped).toEqual(['J26/pressure-low']);
  });

  it('groups nothing for one pump of a running pair', () => {
    const result = groupAlarmsByRootCause(
      graph,
      [low('T3', 'level')],
      [{ kind: 'pump_trip', linkId: 'PU4' }],
    );
    expect(result.groups[0]?.children).toEqual([]);
  });
});
