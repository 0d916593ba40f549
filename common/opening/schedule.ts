/**
 * A place's (or a service's) hours as the opening engine reads them, and what applies on one
 * calendar day of its time zone (API.md §2.4, §2.5): a temporary closure in effect closes the
 * day; else a public holiday closes it when the place says CLOSED on holidays; else temporary
 * hours in effect replace the week; else the regular week. `actif` never enters here: a period
 * is in effect when the day is within its calendar days, end included, no end = until further notice.
 */
import { weekdayOf } from './zoned-time';

/** Minutes within a day: start inclusive, end exclusive, 1440 = midnight at the end of the day. */
export interface DaySlot {
  start: number;
  end: number;
}

/** Seven days of slots, Monday first. */
export type WeekSlots = DaySlot[][];

export interface DatedPeriod {
  /** YYYY-MM-DD, first day. */
  startDay: string;
  /** YYYY-MM-DD, last day included; null = until further notice. */
  endDay: string | null;
}

export interface Schedule {
  timeZone: string;
  /** null: no hours given (the state is then "unknown"). */
  regular: WeekSlots | null;
  temporaryHours: (DatedPeriod & { week: WeekSlots }) | null;
  /** The place's temporary closure and, for a service, its own closure (API.md §2.5). */
  closures: DatedPeriod[];
  closedOnHolidays: 'CLOSED' | 'OPEN' | 'UNKNOWN';
}

/** The name of the public holiday of this local day where the place is, or null. */
export type HolidayOn = (day: string) => string | null;

export type DayRule = 'regular' | 'temporary-hours' | 'temporary-closure' | 'holiday' | 'unknown';

export interface DayPlan {
  day: string;
  weekday: number;
  slots: DaySlot[];
  rule: DayRule;
  holiday: string | null;
}

export function inEffect(period: DatedPeriod | null, day: string): boolean {
  return period !== null && period.startDay <= day && (period.endDay === null || day <= period.endDay);
}

/** The last day of the closures in effect on `day` (null: until further notice). */
export function closedUntil(schedule: Schedule, day: string): string | null {
  const ends = schedule.closures.filter((closure) => inEffect(closure, day)).map((closure) => closure.endDay);
  return ends.includes(null) ? null : (ends as string[]).sort().at(-1) ?? null;
}

export function dayPlan(schedule: Schedule, day: string, holidayOn: HolidayOn): DayPlan {
  const weekday = weekdayOf(day);
  const holiday = holidayOn(day);
  const plan = (rule: DayRule, slots: DaySlot[]): DayPlan => ({ day, weekday, slots, rule, holiday });
  if (schedule.closures.some((closure) => inEffect(closure, day))) return plan('temporary-closure', []);
  if (holiday !== null && schedule.closedOnHolidays === 'CLOSED') return plan('holiday', []);
  if (schedule.temporaryHours && inEffect(schedule.temporaryHours, day)) {
    return plan('temporary-hours', schedule.temporaryHours.week[weekday] ?? []);
  }
  if (schedule.regular === null) return plan('unknown', []);
  return plan('regular', schedule.regular[weekday] ?? []);
}

/** Minutes-of-the-week slots (the mirror's form) cut back into days, overnight ones split at midnight. */
export function weekFromMinuteSlots(slots: readonly { startMinute: number; endMinute: number }[]): WeekSlots {
  const week: WeekSlots = [[], [], [], [], [], [], []];
  for (const slot of slots) {
    let start = slot.startMinute;
    while (start < slot.endMinute) {
      const weekday = Math.floor(start / 1440) % 7;
      const dayEnd = (Math.floor(start / 1440) + 1) * 1440;
      const end = Math.min(slot.endMinute, dayEnd);
      week[weekday]?.push({ start: start % 1440, end: end - Math.floor(start / 1440) * 1440 });
      start = end;
    }
  }
  for (const day of week) day.sort((a, b) => a.start - b.start);
  return week;
}
