/**
 * A day's hours as shown on screen and on paper: closed, all day, or "09:00–12:00, 14:00–17:00"
 * (the kiosk's wall clock, 24-hour, Western digits as on French signs).
 */
import type { PlaceViewResponse } from '../contract/kiosk-api';

export type WeekDay = PlaceViewResponse['week'][number];

export type DayHours = { kind: 'closed' } | { kind: 'all-day' } | { kind: 'hours'; text: string };

export function clock(minute: number): string {
  const wrapped = minute % 1440;
  return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
}

export function dayHours(day: Pick<WeekDay, 'slots' | 'rule'>): DayHours {
  if (day.rule === 'temporary-closure' || day.slots.length === 0) return { kind: 'closed' };
  if (day.slots.length === 1 && day.slots[0]?.start === 0 && (day.slots[0]?.end ?? 0) >= 1440) return { kind: 'all-day' };
  return { kind: 'hours', text: day.slots.map((slot) => `${clock(slot.start)}–${clock(slot.end)}`).join(', ') };
}

export interface DayRun {
  /** Days of one run, Monday first, as given (YYYY-MM-DD). */
  days: WeekDay[];
  hours: DayHours;
}

const sameHours = (a: DayHours, b: DayHours): boolean => a.kind === b.kind && (a.kind !== 'hours' || a.text === (b as { text: string }).text);

/**
 * The week Monday first, consecutive days with the same hours and no special rule merged:
 * "Mon–Fri 09:00–12:00 · Sat closed", for lists where seven lines per place are too many.
 * Days with a holiday or a temporary change stay on their own.
 */
export function compactWeek(week: readonly WeekDay[]): DayRun[] {
  const mondayFirst = [...week].sort((a, b) => a.weekday - b.weekday);
  const runs: DayRun[] = [];
  for (const day of mondayFirst) {
    const hours = dayHours(day);
    const last = runs.at(-1);
    if (last && day.rule === 'regular' && last.days.every((d) => d.rule === 'regular') && sameHours(last.hours, hours)) last.days.push(day);
    else runs.push({ days: [day], hours });
  }
  return runs;
}
