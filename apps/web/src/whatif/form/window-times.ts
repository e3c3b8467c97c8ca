/** Parsing the composer's times: hours from now ("2", "1.5", "2:30") or clock times. */

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const HOURS = /^\s*(\d+(?:[.,]\d+)?)\s*h?\s*$/i;
const HOURS_MINUTES = /^\s*(\d+):([0-5]\d)\s*$/;

/** "2" → 2 h, "1.5" → 1.5 h, "2:30" → 2.5 h, "8h" → 8 h. */
export function parseHours(text: string, what: string): Parsed<number> {
  const hm = HOURS_MINUTES.exec(text);
  if (hm) return { ok: true, value: Number(hm[1]) + Number(hm[2]) / 60 };
  const h = HOURS.exec(text);
  if (h?.[1] !== undefined) return { ok: true, value: Number(h[1].replace(',', '.')) };
  if (text.trim() === '') return { ok: false, error: `${what}: required (hours, e.g. 2 or 1.5)` };
  return {
    ok: false,
    error: `${what}: "${text.trim()}" is not a number of hours (e.g. 2, 1.5 or 2:30)`,
  };
}

/** A `datetime-local` value ("2026-11-24T08:00") as epoch ms in the browser's time zone. */
export function parseClock(text: string, what: string): Parsed<number> {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) {
    return text.trim() === ''
      ? { ok: false, error: `${what}: required (a date and time)` }
      : { ok: false, error: `${what}: "${text}" is not a date and time` };
  }
  const [, y, mo, d, h, mi, s] = m.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  return { ok: true, value: date.getTime() };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The `datetime-local` value of now + hours, to the minute. */
export function clockInput(now: number, hours: number): string {
  const d = new Date(now + hours * 3_600_000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Hours from now to a `datetime-local` value, as the relative input shows it ("" if invalid). */
export function hoursInput(now: number, clock: string): string {
  const parsed = parseClock(clock, 'time');
  if (!parsed.ok) return '';
  const hours = Math.max(0, (parsed.value - now) / 3_600_000);
  return String(Math.round(hours * 100) / 100);
}
