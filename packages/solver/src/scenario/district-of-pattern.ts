/**
 * The district (DMA) a junction belongs to, named after its demand pattern: C-Town's "DMA3_pat"
 * gives "DMA3". Junctions without a base demand or without a pattern belong to no district.
 */
export function districtOfPattern(
  patternId: string | undefined,
  baseDemand: number,
): string | undefined {
  if (patternId === undefined || patternId === '' || !(baseDemand > 0)) return undefined;
  const stripped = patternId.replace(/[_-]?pat(tern)?$/i, '');
  return stripped === '' ? patternId : stripped;
}
