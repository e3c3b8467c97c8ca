import { groupAlarmsByRootCause, isSupplySymptom, type SupplyGraph } from '@twinhelm/alarms';
import type { Alarm, AlarmAction } from '@twinhelm/contracts';

const PREFIX = 'by design: downstream of ';

/** The reason an alarm is suppressed by design while `pump` is out of service. */
export const designReason = (pump: string): string => `${PREFIX}${pump} out of service`;

/** Whether the engine suppressed this alarm by design (not an operator's suppression). */
export const isDesignSuppressed = (alarm: Alarm): boolean =>
  alarm.state === 'suppressed' &&
  alarm.overlayBy === 'system' &&
  (alarm.overlayReason ?? '').startsWith(PREFIX);

/** Pumps taken out of service: a pump with any alarm in out_of_service, sorted by id. */
export function pumpsOutOfService(graph: SupplyGraph, alarms: Iterable<Alarm>): string[] {
  const pumps = new Set<string>();
  for (const alarm of alarms) {
    if (alarm.state !== 'out_of_service') continue;
    const link = graph.graph.links[graph.linkIndex.get(alarm.assetId) ?? -1];
    if (link?.type === 'pump') pumps.add(alarm.assetId);
  }
  return [...pumps].sort();
}

/**
 * The nodes the out-of-service pumps cut off from supply (node → pump), traced as a pump trip
 * by the root-cause grouping with the plant's other closed links: a pump whose twin still runs
 * cuts off nothing.
 */
export function cutOffNodes(
  graph: SupplyGraph,
  pumps: readonly string[],
  closedLinks: readonly string[],
): Map<string, string> {
  const cut = new Map<string, string>();
  if (pumps.length === 0) return cut;
  const out = new Set(pumps);
  const result = groupAlarmsByRootCause(
    graph,
    [],
    pumps.map((linkId) => ({ kind: 'pump_trip', linkId })),
    { closedLinks: closedLinks.filter((id) => !out.has(id)) },
  );
  for (const group of result.groups)
    for (const node of group.affectedNodes) cut.set(node, group.cause.linkId);
  return cut;
}

/** Whether a raise of this alarm at a cut-off node must be suppressed first. */
export function suppressBeforeRaise(
  alarm: Pick<Alarm, 'key' | 'assetId' | 'kind' | 'metric' | 'sense' | 'state'>,
  cut: ReadonlyMap<string, string>,
): AlarmAction | null {
  const pump = cut.get(alarm.assetId);
  if (pump === undefined || !isSupplySymptom(alarm)) return null;
  if (alarm.state === 'suppressed' || alarm.state === 'out_of_service') return null;
  return { type: 'suppress', reason: designReason(pump) };
}

/**
 * What brings a site's alarms in line with the cut-off nodes: suppress the supply symptoms
 * showing at them (normal ones are suppressed when they are raised), unsuppress the ones the
 * engine suppressed by design whose node is supplied again.
 */
export function designActions(
  alarms: Iterable<Alarm>,
  cut: ReadonlyMap<string, string>,
): { key: string; action: AlarmAction }[] {
  const actions: { key: string; action: AlarmAction }[] = [];
  for (const alarm of alarms) {
    if (isDesignSuppressed(alarm)) {
      if (!cut.has(alarm.assetId)) actions.push({ key: alarm.key, action: { type: 'unsuppress' } });
      continue;
    }
    if (alarm.state === 'normal') continue;
    const action = suppressBeforeRaise(alarm, cut);
    if (action) actions.push({ key: alarm.key, action });
  }
  return actions;
}
