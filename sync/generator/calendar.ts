/**
 * Calendar days, local offsets and ObjectIds for the generator and for `trapsOf`. Environment-free:
 * no Intl time-zone lookups, because the few zones Soliguide uses have simple, stable rules.
 */
import { text } from './flat-text';
import type { Random } from './random';
import type { IsoDateString, WeekDay } from './stored-place';

export const DAY_MS = 86_400_000;

/** Fixed offsets (minutes east of UTC) of the zones without daylight saving that Soliguide uses. */
const FIXED_OFFSETS: Readonly<Record<string, number>> = {
  'America/Guadeloupe': -240,
  'America/Martinique': -240,
  'America/Cayenne': -180,
  'Indian/Reunion': 240,
  'Indian/Mayotte': 180,
  'Pacific/Noumea': 660,
  'Pacific/Tahiti': -600,
  'Pacific/Wallis': 720,
  UTC: 0,
};

/** Day number (days since 1970-01-01) of the last Sunday of a month (1-based) in a year. */
function lastSunday(year: number, month: number): number {
  const lastDay = Math.floor(Date.UTC(year, month, 0) / DAY_MS);
  return lastDay - ((lastDay + 4) % 7); // 1970-01-01 was a Thursday: (day + 4) % 7 is 0 on Sundays
}

/**
 * Minutes east of UTC at an instant. Europe/Paris (and any zone not listed) follows the EU rule:
 * summer time from the last Sunday of March to the last Sunday of October, 01:00 UTC.
 */
export function utcOffsetMinutes(timeZone: string, instantMs: number): number {
  const fixed = FIXED_OFFSETS[timeZone];
  if (fixed !== undefined) return fixed;
  const year = new Date(instantMs).getUTCFullYear();
  const summerStart = lastSunday(year, 3) * DAY_MS + 3_600_000;
  const summerEnd = lastSunday(year, 10) * DAY_MS + 3_600_000;
  return instantMs >= summerStart && instantMs < summerEnd ? 120 : 60;
}

/** The local calendar day (day number) at an instant in a zone. */
export function localDay(instantMs: number, timeZone: string): number {
  return Math.floor((instantMs + utcOffsetMinutes(timeZone, instantMs) * 60_000) / DAY_MS);
}

const WEEK_DAYS: readonly WeekDay[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export function weekDayOf(day: number): WeekDay {
  return WEEK_DAYS[(((day + 4) % 7) + 7) % 7] as WeekDay;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : `${value}`;
}

/**
 * `new Date(ms).toISOString()` for years 1970–9999, without a Date object: the generator writes
 * ~8 dates per place and `toISOString` was a tenth of its time. Civil-from-days after H. Hinnant.
 */
export function isoString(ms: number): IsoDateString {
  const day = Math.floor(ms / DAY_MS);
  let rest = ms - day * DAY_MS;
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const millisText = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : `${millis}`;
  return text(year, '-', pad2(month), '-', pad2(dayOfMonth), 'T', pad2(hours), ':', pad2(minutes), ':', pad2(seconds), '.', millisText, 'Z');
}

/** Current encoding of a start day: the calendar day at 00:00:00Z (API.md §2.5). */
export function startOfDayIso(day: number): IsoDateString {
  return isoString(day * DAY_MS);
}

/** Current encoding of an inclusive end day: 23:59:59Z (`.000Z`, or `.999Z` in some writers). */
export function endOfDayIso(day: number, withMilliseconds = false): IsoDateString {
  return isoString(day * DAY_MS + DAY_MS - (withMilliseconds ? 1 : 1000));
}

/** Legacy encoding: local midnight of the day as an instant ("2022-03-02T23:00:00.000Z" = 3 March in Paris). */
export function localMidnightIso(day: number, timeZone: string): IsoDateString {
  const approximate = day * DAY_MS;
  return isoString(approximate - utcOffsetMinutes(timeZone, approximate) * 60_000);
}

/**
 * The calendar day a stored temp-info date means: 00:00:00Z and 23:59:59Z are the current encoding
 * (the UTC date is the day); anything else is a legacy local instant (API.md §2.5 heuristic,
 * generalised to overseas zones where local midnight is not 22:00/23:00Z).
 */
export function storedCalendarDay(iso: IsoDateString, timeZone: string): number {
  const ms = Date.parse(iso);
  const time = iso.slice(11, 19);
  if (time === '00:00:00' || time === '23:59:59') return Math.floor(ms / DAY_MS);
  return localDay(ms, timeZone);
}

/** True when a stored date uses the legacy local-midnight encoding. */
export function isLegacyLocalMidnight(iso: IsoDateString): boolean {
  const time = iso.slice(11, 19);
  return time !== '00:00:00' && time !== '23:59:59';
}

/**
 * A MongoDB ObjectId: 4-byte creation time, 5 random bytes, 3-byte counter. `counter` must be
 * unique within a run (< 2^24) so that ids never collide.
 */
export function objectId(createdMs: number, counter: number, random: Random): string {
  const seconds = Math.floor(createdMs / 1000).toString(16).padStart(8, '0');
  const randomPart = random.int(0, 0xfffff).toString(16).padStart(5, '0') + random.int(0, 0xfffff).toString(16).padStart(5, '0');
  return text(seconds, randomPart, (counter & 0xffffff).toString(16).padStart(6, '0'));
}
