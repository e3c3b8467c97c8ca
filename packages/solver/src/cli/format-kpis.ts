import { type ScenarioResult } from '@twinhelm/contracts';

const f = (n: number, digits = 2): string => n.toFixed(digits);

/** A short plain-text KPI summary of one run. */
export function formatKpis(r: ScenarioResult): string {
  const k = r.kpis;
  const lines = [
    `engine ${r.engineVersion}; model ${r.modelHash.slice(0, 12)}; seed ${r.seed}`,
    `simulated ${r.stats.simulatedS} s in ${r.stats.hydraulicSteps} hydraulic steps, ${r.times.length} report times`,
    k.minPressure
      ? `min pressure ${f(k.minPressure.valueM)} m at ${k.minPressure.nodeId}, t=${k.minPressure.timeS} s`
      : 'min pressure: no junctions',
    `below ${k.belowService.thresholdM} m: ${k.belowService.nodes.length} junctions`,
    `unserved demand ${f(k.unservedDemandM3, 3)} m³`,
    ...k.tanks.map(
      (t) =>
        `tank ${t.tankId}: level ${f(t.minLevelM)}-${f(t.maxLevelM)} m` +
        (t.timeToEmptyS !== null ? `, empty at ${t.timeToEmptyS} s` : '') +
        (t.timeToOverflowS !== null ? `, full at ${t.timeToOverflowS} s` : ''),
    ),
    `pump energy ${f(k.energy.totalKwh, 1)} kWh` +
      (k.energy.cost !== null ? `, cost ${f(k.energy.cost)} ${k.energy.currency ?? ''}` : ''),
    `violations: ${r.violations.length}`,
    ...r.violations
      .slice(0, 10)
      .map((v) => `  ${v.kind} ${v.assetId} from ${v.startS} s to ${v.endS} s`),
  ];
  return lines.join('\n');
}
