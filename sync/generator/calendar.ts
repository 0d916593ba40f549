/**
 * Calendar days, local offsets and ObjectIds for the generator and for `trapsOf`. Environment-free:
 * no Intl time-zone lookups, because the few zones Soliguide uses have simple, stable rules.
 */
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

/** Reused buffer of character codes: dates and ids are written digit by digit, then made one flat string. */
const CODES: number[] = new Array<number>(24).fill(48);

function putDigits(at: number, value: number, width: number): void {
  for (let index = at + width - 1; index >= at; index--) {
    CODES[index] = 48 + (value % 10);
    value = Math.floor(value / 10);
  }
}

/**
 * `new Date(ms).toISOString()` for years 1970–9999, without a Date object and as a flat string
 * (see flat-text.ts): the generator writes ~8 dates per place. Civil-from-days after H. Hinnant.
 */
export function isoString(ms: number): IsoDateString {
  const day = Math.floor(ms / DAY_MS);
  const time = ms - day * DAY_MS;
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  putDigits(0, yearOfEra + era * 400 + (month <= 2 ? 1 : 0), 4);
  CODES[4] = 45; // -
  putDigits(5, month, 2);
  CODES[7] = 45;
  putDigits(8, dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1, 2);
  CODES[10] = 84; // T
  putDigits(11, Math.floor(time / 3_600_000), 2);
  CODES[13] = 58; // :
  putDigits(14, Math.floor(time / 60_000) % 60, 2);
  CODES[16] = 58;
  putDigits(17, Math.floor(time / 1000) % 60, 2);
  CODES[19] = 46; // .
  putDigits(20, time % 1000, 3);
  CODES[23] = 90; // Z
  return String.fromCharCode.apply(null, CODES);
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

const HEX = '0123456789abcdef';

function putHex(at: number, value: number, width: number): void {
  for (let index = at + width - 1; index >= at; index--) {
    CODES[index] = HEX.charCodeAt(value % 16);
    value = Math.floor(value / 16);
  }
}

/**
 * A MongoDB ObjectId: 4-byte creation time, 5 random bytes, 3-byte counter. `counter` must be
 * unique within a run (< 2^24) so that ids never collide.
 */
export function objectId(createdMs: number, counter: number, random: Random): string {
  putHex(0, Math.floor(createdMs / 1000), 8);
  putHex(8, random.int(0, 0xfffff), 5);
  putHex(13, random.int(0, 0xfffff), 5);
  putHex(18, counter & 0xffffff, 6);
  return String.fromCharCode.apply(null, CODES);
}
