import { type ScenarioBands } from '@twinhelm/contracts';

const range = (p: { p5: number; p50: number; p95: number }, digits: number, unit: string): string =>
  `${p.p5.toFixed(digits)} / ${p.p50.toFixed(digits)} / ${p.p95.toFixed(digits)}${unit}`;

/** A short plain-text summary of an ensemble's bands: KPI percentiles, likeliest violations. */
export function formatBands(b: ScenarioBands, top = 10): string {
  const k = b.kpis;
  const ok = b.members - b.failedMembers;
  return [
    `ensemble: ${b.members} members, ${ok} used${b.failedMembers > 0 ? `, ${b.failedMembers} failed` : ''} (P5 / P50 / P95)`,
    k.minPressureM
      ? `  min pressure ${range(k.minPressureM, 2, ' m')}`
      : '  min pressure: no junctions',
    `  junctions below service ${range(k.nodesBelowService, 1, '')}`,
    `  unserved demand ${range(k.unservedDemandM3, 3, ' m³')}`,
    `  pump energy ${range(k.energyKwh, 1, ' kWh')}`,
    ...Object.entries(b.tanks).map(([id, t]) => {
      const last = t.level.p50.length - 1;
      return `  tank ${id} final level ${(t.level.p5[last] ?? NaN).toFixed(2)} / ${(t.level.p50[last] ?? NaN).toFixed(2)} / ${(t.level.p95[last] ?? NaN).toFixed(2)} m`;
    }),
    `violation probability (${b.violationProbability.length} kinds and assets):`,
    ...b.violationProbability
      .slice(0, top)
      .map(
        (v) =>
          `  ${(v.probability * 100).toFixed(0)} % ${v.kind} ${v.assetId}, earliest at ${v.earliestStartS} s`,
      ),
  ].join('\n');
}
