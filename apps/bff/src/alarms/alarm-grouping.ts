import {
  groupAlarmsByRootCause,
  type GroupableAlarm,
  type RootCauseKind,
  type SupplyGraph,
} from '@twinhelm/alarms';
import type { AlarmCause, AlarmGroup, TwinState } from '@twinhelm/contracts';

/** A site's root-cause groups and, per alarm, its parent and children. */
export interface Grouping {
  groups: AlarmGroup[];
  parentOf: Map<string, string>;
  childrenOf: Map<string, string[]>;
}

export const NO_GROUPING: Grouping = { groups: [], parentOf: new Map(), childrenOf: new Map() };

const CAUSE_KIND: Record<RootCauseKind, AlarmCause['kind']> = {
  pump_trip: 'pump_trip',
  valve_closed: 'valve_closed',
  pipe_burst: 'burst',
};

/**
 * Links closed in the plant now: pumps, valves and pipes whose live `status` is 0 (under 0.5).
 * Without a live status, pipes keep the network file's status (a closed pipe is shut for good)
 * and pumps and valves count as open: their [STATUS] in the file is where a simulation starts
 * before its controls run (C-Town starts with ten of its eleven pumps and valve V2 shut), not
 * the plant now.
 */
export function liveClosedLinks(graph: SupplyGraph, state: TwinState): string[] {
  const closed: string[] = [];
  for (const link of graph.graph.links) {
    const status = state[link.id]?.status;
    if (status !== undefined) {
      if (status.v < 0.5) closed.push(link.id);
    } else if (link.type === 'pipe' && link.initialStatus === 'closed') closed.push(link.id);
  }
  return closed;
}

const isPumpMismatch = (graph: SupplyGraph, alarm: GroupableAlarm) =>
  alarm.kind === 'mismatch' &&
  graph.graph.links[graph.linkIndex.get(alarm.assetId) ?? -1]?.type === 'pump';

/**
 * Groups announced alarms under their root cause (a pump whose mismatch alarm says it tripped)
 * with the plant's live link states. The tripped pumps themselves are not taken as closed: that
 * they stopped is what the group explains. Groups without a parent alarm or without children
 * are left out.
 */
export function groupAnnounced(
  graph: SupplyGraph,
  alarms: readonly GroupableAlarm[],
  state: () => TwinState,
): Grouping {
  if (!alarms.some((alarm) => isPumpMismatch(graph, alarm))) return NO_GROUPING;
  const causes = new Set(
    alarms.filter((alarm) => isPumpMismatch(graph, alarm)).map((a) => a.assetId),
  );
  const closedLinks = liveClosedLinks(graph, state()).filter((id) => !causes.has(id));
  const result = groupAlarmsByRootCause(graph, alarms, [], { closedLinks });
  const grouping: Grouping = { groups: [], parentOf: new Map(), childrenOf: new Map() };
  for (const group of result.groups) {
    if (group.parentKey === null || group.children.length === 0) continue;
    grouping.groups.push({
      parentKey: group.parentKey,
      cause: { kind: CAUSE_KIND[group.cause.kind], linkId: group.cause.linkId },
      childKeys: group.children,
      affectedNodes: group.affectedNodes.length,
    });
    grouping.childrenOf.set(group.parentKey, group.children);
    for (const child of group.children) grouping.parentOf.set(child, group.parentKey);
  }
  return grouping;
}

/** Keys whose parent or children differ between two groupings. */
export function regroupedKeys(before: Grouping, after: Grouping): Set<string> {
  const changed = new Set<string>();
  const same = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
    (a ?? []).length === (b ?? []).length && (a ?? []).every((key, i) => key === b?.[i]);
  for (const key of new Set([...before.parentOf.keys(), ...after.parentOf.keys()]))
    if (before.parentOf.get(key) !== after.parentOf.get(key)) changed.add(key);
  for (const key of new Set([...before.childrenOf.keys(), ...after.childrenOf.keys()]))
    if (!same(before.childrenOf.get(key), after.childrenOf.get(key))) changed.add(key);
  return changed;
}
