/** Labels for simulated times: offsets from the run's start and the clock time they fall at. */

const DAY_S = 86_400;

/** A duration in operators' words: "45 min", "3 h", "3 h 15 min", "1 d 2 h". */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds / 60));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

/** "t+3 h 15 min"; the start itself is "t+0". */
export function offsetLabel(seconds: number): string {
  return seconds <= 0 ? 't+0' : `t+${formatDuration(seconds)}`;
}

/**
 * The clock time a simulated time falls at, given the time of day of the start: "08:15", and
 * "08:15 (+1 d)" once the run has passed midnight.
 */
export function clockLabel(startClockS: number, seconds: number): string {
  const at = startClockS + seconds;
  const days = Math.floor(at / DAY_S);
  const ofDay = ((at % DAY_S) + DAY_S) % DAY_S;
  const hh = String(Math.floor(ofDay / 3600)).padStart(2, '0');
  const mm = String(Math.floor((ofDay % 3600) / 60)).padStart(2, '0');
  return days > 0 ? `${hh}:${mm} (+${days} d)` : `${hh}:${mm}`;
}

/** What the 3D overlay says while it shows a predicted state. */
export function predictionLabel(seconds: number, scenarioName: string): string {
  return `${offsetLabel(seconds)} (${scenarioName})`;
}

/**
 * Axis ticks over [0, end] seconds of a run starting at startClockS (time of day) that fall on
 * round clock times (06:00, 12:00…), at most maxTicks of them.
 */
export function clockTicks(startClockS: number, endS: number, maxTicks = 6): number[] {
  const steps = [900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400];
  const step = steps.find((s) => endS / s <= maxTicks) ?? 86_400;
  const first = Math.ceil(startClockS / step) * step - startClockS;
  const ticks: number[] = [];
  for (let t = first; t <= endS; t += step) ticks.push(t);
  return ticks;
}
