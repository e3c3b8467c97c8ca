import { type ScenarioBands, type ScenarioKpis, type Violation } from '@twinhelm/contracts';
import { percentilesOf } from './percentiles';

/** What the ensemble keeps of each successful member besides its band series. */
export interface MemberSummary {
  kpis: ScenarioKpis;
  violations: readonly Violation[];
}

/**
 * KPI percentiles and violation probabilities over the successful members (pure). A violation
 * (kind + asset) counts once per member where it occurs at all; its earliest start is the
 * earliest over those members. Highest probability first, then earliest start, then asset id.
 */
export function summarizeMembers(
  members: readonly MemberSummary[],
): Pick<ScenarioBands, 'kpis' | 'violationProbability'> {
  const minPressures = members.flatMap((m) =>
    m.kpis.minPressure === null ? [] : [m.kpis.minPressure.valueM],
  );
  const seen = new Map<
    string,
    { kind: Violation['kind']; assetId: string; count: number; earliestStartS: number }
  >();
  for (const member of members) {
    const earliest = new Map<string, Violation>();
    for (const v of member.violations) {
      const key = `${v.kind}\u0000${v.assetId}`;
      const before = earliest.get(key);
      if (before === undefined || v.startS < before.startS) earliest.set(key, v);
    }
    for (const [key, v] of earliest) {
      const entry = seen.get(key);
      if (entry === undefined) {
        seen.set(key, { kind: v.kind, assetId: v.assetId, count: 1, earliestStartS: v.startS });
      } else {
        entry.count++;
        entry.earliestStartS = Math.min(entry.earliestStartS, v.startS);
      }
    }
  }
  const total = Math.max(1, members.length);
  const violationProbability = [...seen.values()]
    .map(({ kind, assetId, count, earliestStartS }) => ({
      kind,
      assetId,
      probability: count / total,
      earliestStartS,
    }))
    .sort(
      (a, b) =>
        b.probability - a.probability ||
        a.earliestStartS - b.earliestStartS ||
        (a.assetId < b.assetId ? -1 : a.assetId > b.assetId ? 1 : 0) ||
        (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0),
    );
  return {
    kpis: {
      minPressureM: minPressures.length > 0 ? percentilesOf(minPressures) : null,
      unservedDemandM3: percentilesOf(members.map((m) => m.kpis.unservedDemandM3)),
      energyKwh: percentilesOf(members.map((m) => m.kpis.energy.totalKwh)),
      nodesBelowService: percentilesOf(members.map((m) => m.kpis.belowService.nodes.length)),
    },
    violationProbability,
  };
}
