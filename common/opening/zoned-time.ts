/**
 * Instants and the wall clock of a time zone, with nothing but Intl: the day and minute a place
 * sees at an instant, and the instant of a day and minute on its wall clock — DST included (a
 * time that does not exist on the spring-forward night maps to the instant after the gap).
 */
export const MINUTES_PER_DAY = 1440;

export interface WallClock {
  /** YYYY-MM-DD in the zone. */
  day: string;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Minutes since the zone's midnight. */
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

function parts(instant: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const values: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? 1970,
    month: values.month ?? 1,
    day: values.day ?? 1,
    hour: values.hour ?? 0,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  };
}

export function dayString(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Weekday of a calendar day, 0 = Monday. */
export function weekdayOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

export function addDays(day: string, count: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + count));
  return dayString(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/**
 * Intl conversions cost tens of microseconds each and a search asks the same ones for every
 * candidate: both directions are memoised (bounded; dropped whole when full).
 */
const MEMO_LIMIT = 5000;
const wallMemo = new Map<string, WallClock>();
const instantMemo = new Map<string, number>();

function remember<T>(memo: Map<string, T>, key: string, value: T): T {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

export function wallClock(instant: Date, timeZone: string): WallClock {
  const key = `${timeZone}|${instant.getTime()}`;
  const known = wallMemo.get(key);
  if (known) return known;
  const p = parts(instant, timeZone);
  const day = dayString(p.year, p.month, p.day);
  return remember(wallMemo, key, { day, weekday: weekdayOf(day), minute: p.hour * 60 + p.minute });
}

/** Offset of the zone at an instant, in minutes (Paris in winter: +60). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const p = parts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant when the zone's wall clock shows `minute` (0…1440) on `day`. */
export function instantOf(day: string, minute: number, timeZone: string): Date {
  const key = `${timeZone}|${day}|${minute}`;
  const known = instantMemo.get(key);
  if (known !== undefined) return new Date(known);
  return new Date(remember(instantMemo, key, computeInstant(day, minute, timeZone).getTime()));
}

function computeInstant(day: string, minute: number, timeZone: string): Date {
  if (minute >= MINUTES_PER_DAY) return instantOf(addDays(day, 1), minute - MINUTES_PER_DAY, timeZone);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d) + minute * 60_000;
  // Two rounds settle the offset; in a DST gap they land after it, in an overlap on the first pass.
  let guess = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  guess = wall - offsetMinutes(new Date(guess), timeZone) * 60_000;
  const seen = wallClock(new Date(guess), timeZone);
  if (seen.day === day && seen.minute === minute) return new Date(guess);
  // The wall time does not exist (spring forward): the first instant after the gap.
  const later = wall - offsetMinutes(new Date(guess + 3 * 3_600_000), timeZone) * 60_000;
  return new Date(Math.max(guess, later));
}
