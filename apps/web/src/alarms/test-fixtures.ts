import {
  emptyStateCounts,
  type AlarmChangesEvent,
  type AlarmListResponse,
  type AlarmView,
} from '@twinhelm/contracts';

/** Alarm views, lists and change events for the unit tests (valid against the contracts). */
export function alarmView(key: string, patch: Partial<AlarmView> = {}): AlarmView {
  const [assetId = 'J1', ruleId = 'pressure-low'] = key.split('/');
  return {
    key,
    assetId,
    ruleId,
    ruleVersion: 1,
    kind: 'threshold',
    metric: 'pressure',
    sense: 'low',
    priority: 'medium',
    latched: false,
    state: 'unack_active',
    condition: true,
    activeSince: 1_000,
    values: { value: 18.2, setpoint: 20 },
    ackedBy: null,
    ackedAt: null,
    shelvedUntil: null,
    overlayReason: null,
    overlayBy: null,
    assignee: null,
    updatedAt: 1_000,
    text: 'pressure 18.2 below low 20',
    consequence: 'Customers lose supply.',
    response: 'Check the pumps feeding the zone.',
    announcedAt: 1_000,
    parentKey: null,
    childKeys: [],
    ...patch,
  };
}

const NO_FLOOD = { active: false, since: null, count: 0, windowMs: 600_000, last24h: 0 };

export function alarmList(seq: number, alarms: AlarmView[], siteId = 'ctown'): AlarmListResponse {
  return {
    siteId,
    seq,
    at: seq,
    alarms,
    groups: [],
    counts: emptyStateCounts(),
    flood: NO_FLOOD,
  };
}

export function alarmChanges(
  seq: number,
  alarms: AlarmView[],
  announced: string[] = [],
  siteId = 'ctown',
): AlarmChangesEvent {
  return {
    siteId,
    seq,
    at: seq,
    alarms,
    announced,
    groups: [],
    counts: emptyStateCounts(),
    flood: NO_FLOOD,
  };
}
