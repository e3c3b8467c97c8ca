/**
 * Parses an EPANET [TIMES] value into seconds: "24:00", "1:30:15", "72" (hours), "6 HOURS",
 * "90 MIN", "3600 SEC", "2 DAYS", "0:15 MIN" (a clock form keeps its h:mm:ss meaning).
 * Returns undefined for anything else.
 */
export function parseDurationSeconds(value: string, unit?: string): number | undefined {
  const parts = value.split(':');
  if (parts.length > 3 || parts.some((p) => !/^\d*\.?\d+$|^\d+\.$/.test(p))) return undefined;
  const nums = parts.map(Number);
  if (nums.length > 1) {
    if (unit !== undefined && unitSeconds(unit) === undefined) return undefined;
    const [h = 0, m = 0, s = 0] = nums;
    return Math.round(h * 3600 + m * 60 + s);
  }
  const factor = unit === undefined ? 3600 : unitSeconds(unit);
  if (factor === undefined) return undefined;
  return Math.round((nums[0] ?? 0) * factor);
}

function unitSeconds(unit: string): number | undefined {
  const u = unit.toUpperCase();
  if (u.startsWith('SEC') || u === 'S') return 1;
  if (u.startsWith('MIN') || u === 'M') return 60;
  if (u.startsWith('HOU') || u === 'H' || u === 'HR' || u === 'HRS') return 3600;
  if (u.startsWith('DAY') || u === 'D') return 86400;
  return undefined;
}
