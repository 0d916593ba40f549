/**
 * Opening hours from the API (API.md §2.4) into minutes of the week. Times are HHMM integers in
 * the place's time zone (930 = 09:30, 2359 = until midnight); legacy data has strings ("08:00",
 * "8h00"); overnight slots normally arrive split across two days, but an unsplit one
 * (end before start) is split here so that the weekly table stays a list of plain intervals.
 */
export const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export const MINUTES_PER_DAY = 1440;

export interface WeeklySlot {
  startMinute: number;
  endMinute: number;
}

/** Minutes since local midnight, or null when the value is not a time. 2359 means 24:00. */
export function parseHhmm(value: unknown): number | null {
  let hhmm: number;
  if (typeof value === 'number') hhmm = value;
  else if (typeof value === 'string' && /^\s*\d{1,2}\s*[:hH]?\s*\d{2}\s*$/.test(value)) {
    hhmm = Number.parseInt(value.replace(/[\s:hH]/g, ''), 10); // Soliguide's own parser does the same
  } else return null;
  if (!Number.isInteger(hhmm) || hhmm < 0) return null;
  if (hhmm === 2359 || hhmm === 2400) return MINUTES_PER_DAY;
  const hours = Math.floor(hhmm / 100);
  const minutes = hhmm % 100;
  return hours <= 23 && minutes <= 59 ? hours * 60 + minutes : null;
}

export interface RawDay {
  timeslot?: { start?: unknown; end?: unknown }[] | null;
}

export type RawWeek = Partial<Record<(typeof DAYS)[number], RawDay | null | undefined>>;

/** The week's slots, sorted and merged where they touch; bad slots are dropped and counted. */
export function weeklySlots(week: RawWeek | null | undefined): { slots: WeeklySlot[]; dropped: number } {
  const slots: WeeklySlot[] = [];
  let dropped = 0;
  if (!week) return { slots, dropped };
  DAYS.forEach((day, index) => {
    const base = index * MINUTES_PER_DAY;
    for (const slot of week[day]?.timeslot ?? []) {
      const start = parseHhmm(slot?.start);
      const end = parseHhmm(slot?.end);
      if (start === null || end === null || start === end || start === MINUTES_PER_DAY) {
        dropped++;
        continue;
      }
      if (end > start) {
        slots.push({ startMinute: base + start, endMinute: base + end });
      } else {
        // Unsplit overnight slot: until midnight, then from midnight on the next day (Sunday → Monday).
        slots.push({ startMinute: base + start, endMinute: base + MINUTES_PER_DAY });
        const next = ((index + 1) % 7) * MINUTES_PER_DAY;
        slots.push({ startMinute: next, endMinute: next + end });
      }
    }
  });
  slots.sort((a, b) => a.startMinute - b.startMinute);
  const merged: WeeklySlot[] = [];
  for (const slot of slots) {
    const last = merged.at(-1);
    if (last && slot.startMinute <= last.endMinute) last.endMinute = Math.max(last.endMinute, slot.endMinute);
    else merged.push({ ...slot });
  }
  return { slots: merged, dropped };
}
