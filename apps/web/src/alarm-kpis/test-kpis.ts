import {
  AlarmKpisResponseSchema,
  type AlarmKpiEntry,
  type AlarmKpisResponse,
} from '@twinhelm/contracts';

export const FROM = Date.UTC(2026, 10, 21, 10, 0);
export const TO = FROM + 86_400_000;

/** One KPI list entry (chattering by default). */
export function kpiEntry(over: Partial<AlarmKpiEntry> = {}): AlarmKpiEntry {
  return {
    alarmKey: `${over.assetId ?? 'J1'}/${over.ruleId ?? 'pressure-low'}`,
    assetId: 'J1',
    ruleId: 'pressure-low',
    activations: 12,
    maxPerMinute: 4,
    activeS: 300,
    since: null,
    ongoing: false,
    ...over,
  };
}

/** A KPI answer for 24 h, one operator, parsed with the contract (so fixtures stay honest). */
export function kpisFixture(over: Partial<AlarmKpisResponse> = {}): AlarmKpisResponse {
  return AlarmKpisResponseSchema.parse({
    siteId: 'ctown',
    from: FROM,
    to: TO,
    operators: 1,
    announced: 96,
    byPriority: { critical: 2, high: 10, medium: 24, low: 60 },
    alarmsPerOperatorHour: 4,
    peakPer10Min: 7,
    floodShare: 0,
    floods: 0,
    chattering: [],
    staleData: [],
    standing: [],
    meanTimeToAckS: 95,
    acknowledged: 90,
    unacknowledged: 6,
    ...over,
  });
}
