const FORMAT = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "22 Nov 2026, 10:15" in the browser's locale and time zone. */
export function formatWhen(epochMs: number): string {
  return Number.isFinite(epochMs) ? FORMAT.format(new Date(epochMs)) : '—';
}
