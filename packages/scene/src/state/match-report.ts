import type { AssetMatchReport } from '../scene-api';

/** How many unknown ids a report lists (the count covers all of them). */
export const MAX_REPORTED_IDS = 20;

export function emptyReport(): AssetMatchReport {
  return { matched: 0, unknownCount: 0, unknownAssetIds: [] };
}

/** Count an id that is not in the network, listing the first MAX_REPORTED_IDS. */
export function noteUnknown(report: AssetMatchReport, assetId: string): void {
  report.unknownCount++;
  if (report.unknownAssetIds.length < MAX_REPORTED_IDS) report.unknownAssetIds.push(assetId);
}
