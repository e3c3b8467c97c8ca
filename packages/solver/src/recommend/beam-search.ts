import { type Candidate } from './candidate';
import { type Evaluation, keyOf } from './evaluate-candidates';
import { compareRanked, compareScores, type Score } from './rank-candidates';

/** Two actions are compatible when they operate no asset in common. */
export function compatible(a: Candidate, b: Candidate): boolean {
  const ids = new Set(a.action.assetIds);
  return !b.action.assetIds.some((id) => ids.has(id));
}

type Ok = Evaluation & Required<Pick<Evaluation, 'ranked' | 'summary'>>;
const succeeded = (e: Evaluation): e is Ok => e.ranked !== undefined && e.summary !== undefined;

/** The best `width` successful evaluations that are no worse than the baseline, best first. */
export function beamOf(evaluations: readonly Evaluation[], baseline: Score, width: number): Ok[] {
  return evaluations
    .filter(succeeded)
    .filter((e) => compareScores(e.ranked.score, baseline) <= 0)
    .sort((a, b) => compareRanked(a.ranked, b.ranked))
    .slice(0, Math.max(0, width));
}

/**
 * The next level of the beam search: each combination of the beam extended by one seed action
 * it does not hold and that is compatible with all its actions; combinations already in
 * `seen` (by key, whatever the order of their actions) are skipped, and the new keys added.
 */
export function extendBeam(
  beam: readonly Evaluation[],
  seeds: readonly Candidate[],
  seen: Set<string>,
): Candidate[][] {
  const out: Candidate[][] = [];
  for (const entry of beam) {
    for (const seed of seeds) {
      if (entry.candidates.includes(seed)) continue;
      if (!entry.candidates.every((c) => compatible(c, seed))) continue;
      const combination = [...entry.candidates, seed];
      const key = keyOf(combination);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(combination);
    }
  }
  return out;
}

/**
 * Beam search over combinations: seeds are the best `width` single actions no worse than the
 * baseline; each step extends the best `width` combinations of the step before by one seed,
 * up to `maxActions` actions. Returns every combination evaluated (singles excluded).
 */
export async function beamSearch(
  singles: readonly Evaluation[],
  baseline: Score,
  width: number,
  maxActions: number,
  evaluate: (combinations: Candidate[][]) => Promise<Evaluation[]>,
): Promise<Evaluation[]> {
  const seeds = beamOf(singles, baseline, width).flatMap((e) => e.candidates);
  const seen = new Set(singles.map((e) => e.key));
  const out: Evaluation[] = [];
  let beam: Evaluation[] = beamOf(singles, baseline, width);
  for (let size = 2; size <= maxActions; size++) {
    const combinations = extendBeam(beam, seeds, seen);
    if (combinations.length === 0) break;
    const level = await evaluate(combinations);
    out.push(...level);
    beam = beamOf(level, baseline, width);
  }
  return out;
}
