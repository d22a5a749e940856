const monthYear = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "september 2025 – december 2026" for two ISO dates (yyyy-mm-dd). */
export function formatPeriod(start: string, end: string): string {
  return `${monthYear.format(new Date(`${start}T00:00:00Z`))} – ${monthYear.format(new Date(`${end}T00:00:00Z`))}`;
}

/** "2025 – 2026" for two ISO dates; a single year when both fall in it. */
export function formatYears(start: string, end: string): string {
  const from = start.slice(0, 4);
  const to = end.slice(0, 4);
  return from === to ? from : `${from} – ${to}`;
}

const dateTime = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

/** "29 november 2026 om 21:56" in Dutch time, for logs and "last used". */
export function formatDateTime(value: Date): string {
  return dateTime.format(value);
}

/** "1 seconde", "45 seconden", "2 minuten": how long someone has to wait, in words. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 seconde' : `${seconds} seconden`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minuut' : `${minutes} minuten`;
}
