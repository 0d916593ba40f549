/**
 * "Is it open now?", computed locally at any instant in the place's own time zone — never from
 * Soliguide's nightly `isOpenToday` (API.md §6 trap 12) — and the week view, from the same
 * day plans, so that the two always agree.
 */
import { addDays, instantOf, wallClock } from './zoned-time';
import { closedUntil, dayPlan, type DayPlan, type HolidayOn, type Schedule } from './schedule';

export type OpeningState =
  | { kind: 'open'; until: Date | null } // null: never closes within the coming week (24/7)
  | { kind: 'closing-soon'; until: Date }
  | { kind: 'opens-later-today'; at: Date }
  | { kind: 'closed-today'; nextOpening: Date | null; holiday: string | null }
  | { kind: 'temporarily-closed'; untilDay: string | null } // last closed day; null = until further notice
  | { kind: 'unknown' };

export interface StateOptions {
  /** "Closes soon" when it closes within this many minutes (default 30). */
  closingSoonMinutes?: number;
  /** How far to look for the next opening (default 14 days; a temporary closure may last longer). */
  horizonDays?: number;
}

/** When the place closes, following slots that run on past midnight; null after a week without a break (24/7). */
function closingInstant(schedule: Schedule, plan: DayPlan, end: number, holidayOn: HolidayOn): Date | null {
  let day = plan.day;
  let until = end;
  for (let step = 0; step < 8; step++) {
    if (until < 1440) return instantOf(day, until, schedule.timeZone);
    const next = dayPlan(schedule, addDays(day, 1), holidayOn);
    const continuing = next.slots.find((slot) => slot.start === 0);
    if (!continuing) return instantOf(day, 1440, schedule.timeZone);
    day = next.day;
    until = continuing.end;
  }
  return null;
}

export function nextOpening(schedule: Schedule, fromDay: string, fromMinute: number, holidayOn: HolidayOn, horizonDays: number): Date | null {
  for (let offset = 0; offset <= horizonDays; offset++) {
    const plan = dayPlan(schedule, addDays(fromDay, offset), holidayOn);
    const slot = plan.slots.find((s) => offset > 0 || s.start > fromMinute);
    if (slot) return instantOf(plan.day, slot.start, schedule.timeZone);
  }
  return null;
}

export function openingState(schedule: Schedule, instant: Date, holidayOn: HolidayOn, options: StateOptions = {}): OpeningState {
  const closingSoon = options.closingSoonMinutes ?? 30;
  const horizon = options.horizonDays ?? 14;
  const now = wallClock(instant, schedule.timeZone);
  const today = dayPlan(schedule, now.day, holidayOn);
  if (today.rule === 'temporary-closure') return { kind: 'temporarily-closed', untilDay: closedUntil(schedule, now.day) };
  if (today.rule === 'unknown') return { kind: 'unknown' };
  const current = today.slots.find((slot) => slot.start <= now.minute && now.minute < slot.end);
  if (current) {
    const until = closingInstant(schedule, today, current.end, holidayOn);
    if (until !== null && until.getTime() - instant.getTime() <= closingSoon * 60_000) return { kind: 'closing-soon', until };
    return { kind: 'open', until };
  }
  const later = today.slots.find((slot) => slot.start > now.minute);
  if (later) return { kind: 'opens-later-today', at: instantOf(now.day, later.start, schedule.timeZone) };
  return {
    kind: 'closed-today',
    nextOpening: nextOpening(schedule, now.day, now.minute, holidayOn, Math.max(horizon, 1)),
    holiday: today.rule === 'holiday' ? today.holiday : null,
  };
}

/** Seven days from the instant's local day, today first: what applies each day and why. */
export function weekView(schedule: Schedule, instant: Date, holidayOn: HolidayOn): DayPlan[] {
  const today = wallClock(instant, schedule.timeZone).day;
  return Array.from({ length: 7 }, (_, offset) => dayPlan(schedule, addDays(today, offset), holidayOn));
}
