import type { AlarmEvent } from '@twinhelm/contracts';

/** An alarm_event row as Prisma returns it. */
export interface AlarmEventRow {
  id: bigint;
  alarmKey: string;
  assetId: string;
  ruleId: string;
  ruleVersion: number;
  kind: string;
  priority: string;
  fromState: string;
  toState: string;
  event: string;
  who: string;
  at: Date;
  why: string | null;
  announced: boolean;
  values: unknown;
}

function valuesOf(json: unknown): Record<string, number> | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(json))
    if (typeof value === 'number') out[name] = value;
  return out;
}

/**
 * A stored event as the API sends it. The engine wrote the row from a lifecycle record, so the
 * kind, priority, states and event type are the contracts' enums.
 */
export function alarmEventOf(row: AlarmEventRow): AlarmEvent {
  return {
    id: row.id.toString(),
    alarmKey: row.alarmKey,
    assetId: row.assetId,
    ruleId: row.ruleId,
    ruleVersion: row.ruleVersion,
    kind: row.kind as AlarmEvent['kind'],
    priority: row.priority as AlarmEvent['priority'],
    from: row.fromState as AlarmEvent['from'],
    to: row.toState as AlarmEvent['to'],
    event: row.event as AlarmEvent['event'],
    who: row.who,
    when: row.at.getTime(),
    why: row.why,
    announced: row.announced,
    values: valuesOf(row.values),
  };
}
