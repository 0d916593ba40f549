/**
 * Temporary closures, hours and messages are calendar days (API.md §2.5, §6 trap 11): new data
 * stores the start day at T00:00:00Z and the end day at T23:59:59Z (the UTC date *is* the local
 * day); legacy data stores local midnight (2022-03-02T23:00:00Z = 3 March in Paris). Anything
 * that is not exactly 00:00:00 or 23:59:59 UTC is read as an instant in the place's time zone.
 */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function localDay(instant: Date, timeZone: string): string {
  let format = dayFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, format);
  }
  return format.format(instant); // en-CA writes YYYY-MM-DD
}

/** YYYY-MM-DD, or null when the value is absent or not a date. */
export function calendarDay(value: unknown, timeZone: string): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return null;
  const iso = instant.toISOString();
  const time = iso.slice(11, 19);
  if (time === '00:00:00' || time === '23:59:59') return iso.slice(0, 10);
  return localDay(instant, timeZone);
}
