import { type KpiDeltas, type ScenarioKpis } from '@twinhelm/contracts';
import { formatNumber } from '../../lib/format-value';
import { formatDuration } from './time-labels';

/** A KPI card: what, its value with unit, where or when, and an asset to fly to. */
export interface KpiCard {
  key: string;
  label: string;
  value: string;
  detail: string | null;
  /** Signals a problem (below service, unserved water, a tank emptying or overflowing). */
  alarm: boolean;
  assetId: string | null;
}

/** A change against doing nothing, with sign and unit, and whether it is an improvement. */
export interface KpiDelta {
  label: string;
  text: string;
  /** true: better; false: worse; null: no change or neutral. */
  better: boolean | null;
}

const signed = (v: number, unit: string, count = false): string => {
  const body = count ? String(Math.abs(Math.round(v))) : formatNumber(Math.abs(v));
  const sign = v > 0 ? '+' : v < 0 ? '−' : '±';
  return `${sign}${body}${unit === '' ? '' : ` ${unit}`}`;
};

/** The scenario's KPIs as cards, in the order a control room reads them. */
export function kpiCards(kpis: ScenarioKpis): KpiCard[] {
  const cards: KpiCard[] = [];
  const min = kpis.minPressure;
  cards.push({
    key: 'min-pressure',
    label: 'Minimum pressure',
    value: min ? `${formatNumber(min.valueM)} m` : '—',
    detail: min ? `at ${min.nodeId}, t+${formatDuration(min.timeS)}` : 'no junctions',
    alarm: min !== null && min.valueM < kpis.belowService.thresholdM,
    assetId: min?.nodeId ?? null,
  });
  const below = kpis.belowService.nodes;
  const longest = below.toSorted((a, b) => b.durationS - a.durationS)[0];
  cards.push({
    key: 'below-service',
    label: `Nodes below ${Number(kpis.belowService.thresholdM.toFixed(1))} m`,
    value: String(below.length),
    detail: longest ? `longest ${longest.nodeId}, ${formatDuration(longest.durationS)}` : null,
    alarm: below.length > 0,
    assetId: longest?.nodeId ?? null,
  });
  cards.push({
    key: 'unserved',
    label: 'Unserved demand',
    value: `${formatNumber(kpis.unservedDemandM3)} m³`,
    detail: null,
    alarm: kpis.unservedDemandM3 > 0.05,
    assetId: null,
  });
  for (const tank of tankCards(kpis)) cards.push(tank);
  const energy = kpis.energy;
  cards.push({
    key: 'energy',
    label: 'Pumping energy',
    value: `${formatNumber(energy.totalKwh)} kWh`,
    detail:
      energy.cost !== null ? `${formatNumber(energy.cost)} ${energy.currency ?? ''}`.trim() : null,
    alarm: false,
    assetId: null,
  });
  return cards;
}

/** Tanks that empty or overflow get a card each; the others share one with the range. */
function tankCards(kpis: ScenarioKpis): KpiCard[] {
  const troubled = kpis.tanks.filter((t) => t.timeToEmptyS !== null || t.timeToOverflowS !== null);
  const cards: KpiCard[] = troubled.map((t) => ({
    key: `tank-${t.tankId}`,
    label: `Tank ${t.tankId}`,
    value:
      t.timeToEmptyS !== null
        ? t.timeToEmptyS === 0
          ? 'empty from the start'
          : `empty in ${formatDuration(t.timeToEmptyS)}`
        : t.timeToOverflowS === 0
          ? 'full from the start'
          : `overflows in ${formatDuration(t.timeToOverflowS ?? 0)}`,
    detail: `level ${formatNumber(t.minLevelM)}–${formatNumber(t.maxLevelM)} m`,
    alarm: true,
    assetId: t.tankId,
  }));
  const calm = kpis.tanks.filter((t) => !troubled.includes(t));
  if (calm.length > 0) {
    const lowest = calm.toSorted((a, b) => a.minLevelM - b.minLevelM)[0];
    cards.push({
      key: 'tanks',
      label: troubled.length > 0 ? 'Other tanks' : 'Tanks',
      value: `${calm.length} within limits`,
      detail: lowest ? `lowest ${lowest.tankId} ${formatNumber(lowest.minLevelM)} m` : null,
      alarm: false,
      assetId: lowest?.tankId ?? null,
    });
  }
  return cards;
}

/** A recommendation's changes against doing nothing, signed, with units and their direction. */
export function kpiDeltas(d: KpiDeltas, currency: string | null): KpiDelta[] {
  const lowerIsBetter = (v: number): boolean | null => (v === 0 ? null : v < 0);
  const out: KpiDelta[] = [
    {
      label: 'Violations',
      text: signed(d.violations, '', true),
      better: lowerIsBetter(d.violations),
    },
    {
      label: 'Nodes below service',
      text: signed(d.nodesBelowService, '', true),
      better: lowerIsBetter(d.nodesBelowService),
    },
    {
      label: 'Unserved demand',
      text: signed(d.unservedDemandM3, 'm³'),
      better: lowerIsBetter(Math.round(d.unservedDemandM3 * 100)),
    },
  ];
  if (d.minPressureM !== null) {
    out.push({
      label: 'Minimum pressure',
      text: signed(d.minPressureM, 'm'),
      better: d.minPressureM === 0 ? null : d.minPressureM > 0,
    });
  }
  out.push({
    label: 'Energy',
    text: signed(d.energyKwh, 'kWh'),
    better: lowerIsBetter(Math.round(d.energyKwh * 10)),
  });
  if (d.energyCost !== null) {
    out.push({
      label: 'Cost',
      text: signed(d.energyCost, currency ?? ''),
      better: lowerIsBetter(Math.round(d.energyCost * 100)),
    });
  }
  return out;
}
