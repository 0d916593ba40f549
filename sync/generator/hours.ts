/**
 * Opening hours in Soliguide's stored encoding (API.md §2.4): HHMM integers in local time, at most
 * 3 sorted, non-overlapping slots a day, 2359 = end of day, overnight slots split across two
 * days, 24/7 = 0–2359 on all seven days.
 */
import type { Random } from './random';
import type { ClosedHolidays, LegacyTime, StoredDayHours, StoredOpeningHours, StoredPlaceHours, StoredTimeslot, WeekDay } from './stored-place';

export const WEEK: readonly WeekDay[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export type HoursPattern = 'office' | 'mornings' | 'continuous' | 'meals' | 'evening' | 'sparse' | 'overnight' | 'h24';
type EverydayPattern = Exclude<HoursPattern, 'overnight' | 'h24'>;

/** Typical schedules by theme; overnight and 24/7 are chosen by the trap draw (place-plan.ts). */
const OFFICE_LIKE: Readonly<Record<EverydayPattern, number>> = { office: 40, mornings: 15, continuous: 15, meals: 0, evening: 5, sparse: 25 };
const PATTERNS_BY_ROOT: Readonly<Record<string, Readonly<Record<EverydayPattern, number>>>> = {
  food: { office: 10, mornings: 20, continuous: 10, meals: 30, evening: 15, sparse: 15 },
  accomodation_and_housing: { office: 25, mornings: 10, continuous: 25, meals: 25, evening: 10, sparse: 5 },
  welcome: { office: 15, mornings: 25, continuous: 45, meals: 10, evening: 0, sparse: 5 },
  hygiene_and_wellness: { office: 20, mornings: 35, continuous: 25, meals: 0, evening: 0, sparse: 20 },
};

export function everydayPattern(root: string, random: Random): EverydayPattern {
  return random.weighted(PATTERNS_BY_ROOT[root] ?? OFFICE_LIKE);
}

export interface HoursStyle {
  closedHolidays: ClosedHolidays;
  /** Legacy records carry `day: []` on every day (API.md §6 trap 17). */
  legacyDayKeys: boolean;
  description: string | null;
}

type Slots = StoredTimeslot[];

function workingDays(random: Random): WeekDay[] {
  const days: WeekDay[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
  const dropped = random.chance(0.25) ? random.pick(days) : null;
  const withoutOne = days.filter((day) => day !== dropped);
  return random.chance(0.2) ? [...withoutOne, 'saturday'] : withoutOne;
}

function someDays(random: Random, count: number): WeekDay[] {
  const chosen = new Set<WeekDay>();
  while (chosen.size < count) chosen.add(random.pick(WEEK));
  return WEEK.filter((day) => chosen.has(day));
}

/** Fills the given days (indexes into WEEK) with copies of the slots. */
function put(week: Slots[], days: readonly WeekDay[], slots: Slots): void {
  for (const day of days) week[WEEK.indexOf(day)] = slots.map((slot) => ({ start: slot.start, end: slot.end }));
}

/** The slots of each day of the week, Monday first, sorted by start. */
function weekSlots(pattern: HoursPattern, random: Random): Slots[] {
  const week: Slots[] = [[], [], [], [], [], [], []];
  switch (pattern) {
    case 'office':
      put(week, workingDays(random), [
        { start: random.pick([830, 900, 930]), end: random.pick([1200, 1230]) },
        { start: random.pick([1330, 1400]), end: random.pick([1630, 1700, 1730]) },
      ]);
      break;
    case 'mornings':
      put(week, someDays(random, random.int(2, 5)), [{ start: random.pick([800, 830, 900]), end: random.pick([1130, 1200, 1230]) }]);
      break;
    case 'continuous':
      put(week, workingDays(random), [{ start: random.pick([800, 830, 900, 1000]), end: random.pick([1600, 1630, 1700, 1800]) }]);
      break;
    case 'meals':
      put(week, random.chance(0.5) ? WEEK : workingDays(random), [
        { start: random.pick([730, 800]), end: random.pick([900, 930]) },
        { start: random.pick([1130, 1200]), end: random.pick([1330, 1400]) },
        { start: random.pick([1800, 1830]), end: random.pick([1930, 2000]) },
      ]);
      break;
    case 'evening':
      put(week, someDays(random, random.int(2, 7)), [{ start: random.pick([1800, 1830, 1900]), end: random.pick([2030, 2100, 2130]) }]);
      break;
    case 'sparse':
      put(week, someDays(random, random.int(1, 2)), [
        random.chance(0.5)
          ? { start: random.pick([900, 930]), end: random.pick([1130, 1200]) }
          : { start: random.pick([1330, 1400]), end: random.pick([1630, 1700]) },
      ]);
      break;
    case 'h24':
      put(week, WEEK, [{ start: 0, end: 2359 }]);
      break;
    case 'overnight': {
      // A night shelter open 19:00–08:00 is stored as 1900–2359 on the evening and 0–800 on the
      // next morning (split on save, API.md §2.4); Sunday night spills into Monday.
      const start = random.pick([1800, 1900, 2000, 2100]);
      const end = random.pick([700, 800, 900]);
      const nights = random.chance(0.6) ? WEEK : someDays(random, random.int(3, 6));
      for (const night of nights) {
        const index = WEEK.indexOf(night);
        (week[index] as Slots).push({ start, end: 2359 });
        (week[(index + 1) % 7] as Slots).push({ start: 0, end });
      }
      for (const slots of week) slots.sort((a, b) => a.start - b.start);
      break;
    }
  }
  return week;
}

function dayHours(slots: Slots | undefined, legacyDayKeys: boolean): StoredDayHours {
  const timeslot = slots ?? [];
  return legacyDayKeys ? { open: timeslot.length > 0, day: [], timeslot } : { open: timeslot.length > 0, timeslot };
}

export function generateHours(pattern: HoursPattern, style: HoursStyle, random: Random): StoredPlaceHours {
  const week = weekSlots(pattern, random);
  const legacy = style.legacyDayKeys;
  return {
    monday: dayHours(week[0], legacy),
    tuesday: dayHours(week[1], legacy),
    wednesday: dayHours(week[2], legacy),
    thursday: dayHours(week[3], legacy),
    friday: dayHours(week[4], legacy),
    saturday: dayHours(week[5], legacy),
    sunday: dayHours(week[6], legacy),
    closedHolidays: style.closedHolidays,
    description: style.description,
  };
}

function copyDay(day: StoredDayHours): StoredDayHours {
  const timeslot = day.timeslot.map((slot) => ({ start: slot.start, end: slot.end }));
  return day.day === undefined ? { open: day.open, timeslot } : { open: day.open, day: [], timeslot };
}

/**
 * Service hours are a copy of the place hours made at save time, not a reference (API.md §2.4).
 * Spelled out day by day: the generator copies ~200 000 of them.
 */
export function copyHours(hours: StoredPlaceHours): StoredPlaceHours {
  const copy: StoredPlaceHours = {
    monday: copyDay(hours.monday),
    tuesday: copyDay(hours.tuesday),
    wednesday: copyDay(hours.wednesday),
    thursday: copyDay(hours.thursday),
    friday: copyDay(hours.friday),
    saturday: copyDay(hours.saturday),
    sunday: copyDay(hours.sunday),
    closedHolidays: hours.closedHolidays,
    description: hours.description,
  };
  if (hours.isTemp !== undefined) copy.isTemp = hours.isTemp;
  return copy;
}

function legacyTime(hhmm: number): string {
  const text = String(hhmm).padStart(4, '0');
  return `${text.slice(0, 2)}:${text.slice(2)}`;
}

/**
 * Temporary hours as old records store them (place 6 of the fixtures): "08:00" strings, extra
 * `show`/`week`/`day` keys, `h24`, no `closedHolidays` (API.md §2.4 legacy data).
 */
export function toLegacyTempHours(hours: StoredPlaceHours): StoredOpeningHours<LegacyTime> {
  const day = (name: WeekDay): StoredDayHours<LegacyTime> => ({
    show: false,
    open: hours[name].timeslot.length > 0,
    week: [],
    day: [],
    timeslot: hours[name].timeslot.map((slot) => ({ end: legacyTime(slot.end), start: legacyTime(slot.start) })),
  });
  return {
    monday: day('monday'),
    tuesday: day('tuesday'),
    wednesday: day('wednesday'),
    thursday: day('thursday'),
    friday: day('friday'),
    saturday: day('saturday'),
    sunday: day('sunday'),
    description: '',
    h24: false,
  };
}

/** Soliguide's own parser: strip ":" or "h", then parseInt (API.md §2.4). */
export function parseStoredTime(value: LegacyTime): number {
  return typeof value === 'number' ? value : Number.parseInt(value.replace(/[:h]/g, ''), 10);
}

/** 0–2359 on all seven days. */
export function isOpen24h(hours: StoredOpeningHours<LegacyTime>): boolean {
  return WEEK.every((name) => {
    const slots = hours[name].timeslot;
    return slots.length === 1 && parseStoredTime((slots[0] as StoredTimeslot<LegacyTime>).start) === 0 && parseStoredTime((slots[0] as StoredTimeslot<LegacyTime>).end) === 2359;
  });
}

/** A slot ending at 2359 followed by one starting at 0 the next day, outside 24/7 places. */
export function hasOvernightSplit(hours: StoredOpeningHours<LegacyTime>): boolean {
  if (isOpen24h(hours)) return false;
  return WEEK.some((name, index) => {
    const today = hours[name].timeslot;
    const tomorrow = hours[WEEK[(index + 1) % 7] as WeekDay].timeslot;
    const last = today[today.length - 1];
    const first = tomorrow[0];
    return last !== undefined && first !== undefined && parseStoredTime(last.end) === 2359 && parseStoredTime(first.start) === 0;
  });
}
