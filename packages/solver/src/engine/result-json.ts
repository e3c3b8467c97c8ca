import { type ScenarioResult } from '@twinhelm/contracts';
import { type ResultSummary } from './worker-protocol';

export interface ResultJsonOptions {
  /** Rounds every series (nodes, links, pumps, tanks) to this many decimals; default exact. */
  seriesDecimals?: number;
}

/**
 * The whole result as JSON text, and its fields other than the series as an object. Made in the
 * worker that ran it, so the multi-MB object never crosses to the caller's thread (a string
 * crosses as one copy). Rounds the series IN PLACE: the result must not be used afterwards.
 */
export function toResultJson(
  result: ScenarioResult,
  options: ResultJsonOptions = {},
): { json: string; summary: ResultSummary } {
  const { seriesDecimals } = options;
  if (seriesDecimals !== undefined) {
    const scale = 10 ** seriesDecimals;
    const seen = new Set<number[]>();
    const groups: Record<string, Record<string, number[]>>[] = [
      result.nodes,
      result.links,
      result.pumps,
      result.tanks,
    ];
    for (const group of groups) {
      for (const asset of Object.values(group)) {
        for (const series of Object.values(asset)) {
          // A tank's level is its node's pressure array: round it once.
          if (seen.has(series)) continue;
          seen.add(series);
          for (let i = 0; i < series.length; i++) {
            const v = series[i] ?? 0;
            if (Number.isFinite(v)) series[i] = Math.round(v * scale) / scale;
          }
        }
      }
    }
  }
  const { nodes: _n, links: _l, pumps: _p, tanks: _t, bands: _b, ...summary } = result;
  return { json: JSON.stringify(result), summary };
}
