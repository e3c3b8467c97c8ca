import type { Alarm } from '@twinhelm/contracts';
import { type AlarmGraph, SupplyGraph } from './supply-graph';

export type RootCauseKind = 'pump_trip' | 'valve_closed' | 'pipe_burst';

/** Something that cuts or loses supply at a link; `alarmKey` is the alarm that reports it. */
export interface RootCause {
  kind: RootCauseKind;
  linkId: string;
  alarmKey?: string | null;
}

/** The alarm fields grouping reads; an Alarm fits. */
export type GroupableAlarm = Pick<Alarm, 'key' | 'assetId' | 'kind' | 'metric' | 'sense'>;

export interface RootCauseGroup {
  cause: RootCause;
  /** The cause's own alarm, shown as the parent (null when the cause came without one). */
  parentKey: string | null;
  /** Symptom alarms at nodes that lost supply through the cause. */
  children: string[];
  /** Ids of the nodes attributed to the cause. */
  affectedNodes: string[];
}

export interface GroupingOptions {
  /**
   * Links closed or stopped in the plant now (pumps off, valves shut). Default: links whose
   * initialStatus is 'closed'. Pass the live state for faithful grouping.
   */
  closedLinks?: Iterable<string>;
  /** A burst also claims nodes within this many links of the pipe (default 3). */
  burstHops?: number;
}

export interface GroupingResult {
  groups: RootCauseGroup[];
  /** Alarms that are neither a cause nor a child, in input order. */
  ungrouped: string[];
  /** Causes that could not be used, one sentence each. */
  problems: string[];
}

const SUPPLY_METRICS = new Set(['pressure', 'level', 'head']);

/** Low pressure, low level, low head and predicted emptying are symptoms of lost supply. */
export function isSupplySymptom(alarm: GroupableAlarm): boolean {
  if (alarm.kind === 'prediction') return true;
  return (
    alarm.kind === 'threshold' && alarm.sense === 'low' && SUPPLY_METRICS.has(alarm.metric ?? '')
  );
}

const CAUSE_LINK_TYPE = { pump_trip: 'pump', valve_closed: 'valve', pipe_burst: 'pipe' } as const;

/**
 * Groups symptom alarms under the tripped pump, closed valve or burst pipe that explains
 * them. Supply is traced from the reservoirs (from the tanks when there are none; tanks are
 * storage, not sources). A node belongs to a cause when it is supplied with every cause in
 * service, is not supplied with all of them out, and is reached from the cause's link within
 * that unsupplied part; a burst also claims its neighbourhood. Pumps with an active mismatch
 * alarm count as tripped without being named. Pure and deterministic.
 */
export function groupAlarmsByRootCause(
  network: AlarmGraph | SupplyGraph,
  alarms: readonly GroupableAlarm[],
  causes: readonly RootCause[] = [],
  options: GroupingOptions = {},
): GroupingResult {
  const graph = network instanceof SupplyGraph ? network : new SupplyGraph(network);
  const problems: string[] = [];
  const closed = new Set<number>();
  const closedIds =
    options.closedLinks ??
    graph.graph.links.filter((link) => link.initialStatus === 'closed').map((link) => link.id);
  for (const id of closedIds) {
    const index = graph.linkIndex.get(id);
    if (index === undefined) problems.push(`closed link ${id} is not a link of the network`);
    else closed.add(index);
  }

  const inferred = alarms
    .filter(
      (alarm) =>
        alarm.kind === 'mismatch' &&
        graph.graph.links[graph.linkIndex.get(alarm.assetId) ?? -1]?.type === 'pump',
    )
    .map((alarm): RootCause => ({ kind: 'pump_trip', linkId: alarm.assetId, alarmKey: alarm.key }))
    .sort((a, b) => (a.linkId < b.linkId ? -1 : a.linkId > b.linkId ? 1 : 0));
  const used: { cause: RootCause; link: number }[] = [];
  const seenLinks = new Set<string>();
  for (const cause of [...causes, ...inferred]) {
    if (seenLinks.has(cause.linkId)) continue;
    const index = graph.linkIndex.get(cause.linkId);
    const link = index === undefined ? undefined : graph.graph.links[index];
    if (index === undefined || link === undefined) {
      problems.push(`${cause.kind} at ${cause.linkId}: no such link in the network`);
      continue;
    }
    if (link.type !== CAUSE_LINK_TYPE[cause.kind]) {
      problems.push(
        `${cause.kind} at ${cause.linkId}: that link is a ${link.type}, not a ${CAUSE_LINK_TYPE[cause.kind]}`,
      );
      continue;
    }
    seenLinks.add(cause.linkId);
    used.push({ cause, link: index });
  }

  const allOut = new Set([...closed, ...used.map(({ link }) => link)]);
  const supplied = graph.reach(graph.sources, closed);
  const stillSupplied = graph.reach(graph.sources, allOut);
  const orphaned = new Set([...supplied].filter((node) => !stillSupplied.has(node)));

  const claimed = new Set<number>();
  const symptomsByNode = new Map<string, GroupableAlarm[]>();
  for (const alarm of alarms) {
    if (!isSupplySymptom(alarm)) continue;
    const list = symptomsByNode.get(alarm.assetId) ?? [];
    list.push(alarm);
    symptomsByNode.set(alarm.assetId, list);
  }
  const grouped = new Set<string>();
  const groups: RootCauseGroup[] = [];
  for (const { cause, link } of used) {
    const { from, to } = graph.graph.links[link]!;
    const ends = [graph.nodeIndex.get(from)!, graph.nodeIndex.get(to)!];
    const affected = graph.reach(ends, allOut, orphaned);
    if (cause.kind === 'pipe_burst')
      for (const node of graph.near(ends, options.burstHops ?? 3, allOut)) affected.add(node);
    const mine = [...affected].filter((node) => !claimed.has(node)).sort((a, b) => a - b);
    for (const node of mine) claimed.add(node);
    const affectedNodes = mine.map((node) => graph.nodeIds[node]!);
    const children = affectedNodes.flatMap((id) =>
      (symptomsByNode.get(id) ?? []).map((alarm) => alarm.key),
    );
    const parentKey = cause.alarmKey ?? null;
    if (parentKey !== null) grouped.add(parentKey);
    for (const key of children) grouped.add(key);
    groups.push({ cause, parentKey, children, affectedNodes });
  }
  const ungrouped = alarms.filter((alarm) => !grouped.has(alarm.key)).map((alarm) => alarm.key);
  return { groups, ungrouped, problems };
}
