import { type AlarmKpisResponse } from '@twinhelm/contracts';
import { formatNumber } from '../lib/format-value';
import { formatShare, formatSpan, operatorsText, plural } from './kpi-format';

/** How a figure compares with its benchmark: good, fair (watch it), poor, or no benchmark. */
export type KpiBand = 'good' | 'fair' | 'poor' | 'neutral';

export interface Banded {
  band: KpiBand;
  /** The benchmark's word for the band ("acceptable", "flood"), so colour is never alone. */
  verdict: string;
}

/** EEMUA 191 / ISA-18.2 limits the page compares with. */
export const BENCHMARK = {
  /** Alarms per operator-hour: about 6 acceptable (150 a day), at most 12 manageable (300 a day). */
  acceptablePerHour: 6,
  manageablePerHour: 12,
  /** More than 10 announcements in 10 minutes is a flood. */
  floodPer10Min: 10,
  /** Share of the time in flood: under about 1 %. */
  floodShare: 0.01,
  /** Standing (stale) alarms, active over 24 h: fewer than 5. */
  standing: 5,
} as const;

/** EEMUA 191: ≤ 6 per operator-hour acceptable, ≤ 12 manageable, more is over-demanding. */
export function rateBand(perOperatorHour: number): Banded {
  if (perOperatorHour <= BENCHMARK.acceptablePerHour)
    return { band: 'good', verdict: 'acceptable' };
  if (perOperatorHour <= BENCHMARK.manageablePerHour)
    return { band: 'fair', verdict: 'manageable' };
  return { band: 'poor', verdict: 'over-demanding' };
}

/** EEMUA 191: at most 10 alarms in any 10 minutes is outside flood. */
export function peakBand(peakPer10Min: number): Banded {
  return peakPer10Min <= BENCHMARK.floodPer10Min
    ? { band: 'good', verdict: 'outside flood' }
    : { band: 'poor', verdict: 'flood' };
}

/** ISA-18.2: under about 1 % of the time in flood. */
export function floodShareBand(share: number): Banded {
  return share <= BENCHMARK.floodShare
    ? { band: 'good', verdict: 'within target' }
    : { band: 'poor', verdict: 'above target' };
}

/** ISA-18.2: no chattering alarms. */
export function chatteringBand(count: number): Banded {
  return count === 0 ? { band: 'good', verdict: 'none' } : { band: 'poor', verdict: 'to fix' };
}

/** ISA-18.2: fewer than 5 standing alarms, each with a plan. */
export function standingBand(count: number): Banded {
  if (count === 0) return { band: 'good', verdict: 'none' };
  if (count < BENCHMARK.standing) return { band: 'fair', verdict: 'below 5' };
  return { band: 'poor', verdict: 'too many' };
}

/** One headline figure: the value, its band and verdict, the benchmark beside it, a detail line. */
export interface KpiFigure extends Banded {
  id: string;
  label: string;
  value: string;
  unit: string | null;
  benchmark: string;
  detail: string | null;
}

const neutral = (verdict = ''): Banded => ({ band: 'neutral', verdict });

/** The headline figures of a KPI answer, in the order the page shows them. */
export function headlineFigures(kpis: AlarmKpisResponse): KpiFigure[] {
  const hours = (kpis.to - kpis.from) / 3_600_000;
  const topCapped = (n: number) => (n >= 10 ? '≥ 10' : String(n));
  const unackWaiting = kpis.unacknowledged;
  return [
    {
      id: 'rate',
      label: 'Alarms per operator-hour',
      value: formatNumber(kpis.alarmsPerOperatorHour),
      unit: null,
      ...rateBand(kpis.alarmsPerOperatorHour),
      benchmark: 'EEMUA 191: ~6 acceptable, ≤ 12 manageable',
      detail: `${plural(kpis.announced, 'alarm')} in ${formatSpan(hours * 3600)}, ${operatorsText(kpis.operators)}`,
    },
    {
      id: 'peak',
      label: 'Peak per 10 minutes',
      value: String(kpis.peakPer10Min),
      unit: 'alarms',
      ...peakBand(kpis.peakPer10Min),
      benchmark: 'EEMUA 191: ≤ 10 is outside flood',
      detail: null,
    },
    {
      id: 'flood',
      label: 'Time in flood',
      value: formatShare(kpis.floodShare),
      unit: null,
      ...floodShareBand(kpis.floodShare),
      benchmark: 'ISA-18.2: under 1 % of the time',
      detail: `${plural(kpis.floods, 'flood')} began (> 10 alarms in 10 min)`,
    },
    {
      id: 'ack-time',
      label: 'Mean time to acknowledge',
      value: kpis.meanTimeToAckS === null ? '—' : formatSpan(kpis.meanTimeToAckS),
      unit: null,
      ...neutral(),
      benchmark: 'From announcement to acknowledgement',
      detail:
        kpis.meanTimeToAckS === null
          ? 'No acknowledgements in this period'
          : `over ${plural(kpis.acknowledged, 'acknowledgement')}`,
    },
    {
      id: 'ack',
      label: 'Acknowledged / still unacknowledged',
      value: `${kpis.acknowledged} / ${unackWaiting}`,
      unit: null,
      ...(unackWaiting > 0
        ? { band: 'fair' as const, verdict: `${unackWaiting} waiting` }
        : neutral('none waiting')),
      benchmark: 'ISA-18.2: every alarm is acknowledged',
      detail: 'Unacknowledged: announced and still waiting at the period’s end',
    },
    {
      id: 'chattering',
      label: 'Chattering alarms',
      value: topCapped(kpis.chattering.length),
      unit: null,
      ...chatteringBand(kpis.chattering.length),
      benchmark: 'ISA-18.2: none (≥ 3 activations in a minute)',
      detail: null,
    },
    {
      id: 'standing',
      label: 'Standing alarms',
      value: String(kpis.standing.length),
      unit: null,
      ...standingBand(kpis.standing.length),
      benchmark: 'ISA-18.2: fewer than 5 (active over 24 h)',
      detail: null,
    },
  ];
}

/** Whether the period had nothing to show at all (no announcements, nothing standing or open). */
export function isQuietPeriod(kpis: AlarmKpisResponse): boolean {
  return (
    kpis.announced === 0 &&
    kpis.unacknowledged === 0 &&
    kpis.acknowledged === 0 &&
    kpis.chattering.length === 0 &&
    kpis.staleData.length === 0 &&
    kpis.standing.length === 0 &&
    kpis.floods === 0
  );
}
