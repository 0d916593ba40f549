/** Schedules used by the opening tests, written as people read hours. */
import type { DaySlot, Schedule, WeekSlots } from '../../common/opening/schedule';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** "0900-1200,1400-1730" → slots; 2359 is the end of the day, as in Soliguide's data. */
function slots(text: string): DaySlot[] {
  return text
    .split(',')
    .filter(Boolean)
    .map((range) => {
      const [start, end] = range.split('-').map((hhmm) => Number(hhmm)) as [number, number];
      const minutes = (hhmm: number): number => (hhmm === 2359 ? 1440 : Math.floor(hhmm / 100) * 60 + (hhmm % 100));
      return { start: minutes(start), end: minutes(end) };
    });
}

export function week(days: Partial<Record<(typeof DAYS)[number] | 'weekdays' | 'every', string>>): WeekSlots {
  return DAYS.map((day, index) => slots(days[day] ?? (index < 5 ? days.weekdays : undefined) ?? days.every ?? ''));
}

function schedule(fields: Partial<Schedule> & Pick<Schedule, 'regular'>): Schedule {
  return { timeZone: 'Europe/Paris', temporaryHours: null, closures: [], closedOnHolidays: 'CLOSED', ...fields };
}

const officeWeek = week({ weekdays: '0900-1200,1400-1730', sat: '1000-1200' });
const nightWeek = week({ every: '0000-0800,2000-2359' });

export const SCHEDULES = {
  office: schedule({ regular: officeWeek }),
  officeOpenOnHolidays: schedule({ regular: officeWeek, closedOnHolidays: 'OPEN' }),
  officeHolidaysUnknown: schedule({ regular: officeWeek, closedOnHolidays: 'UNKNOWN' }),
  nightShelter: schedule({ regular: nightWeek, closedOnHolidays: 'OPEN' }),
  nightShelterClosedOnHolidays: schedule({ regular: nightWeek }),
  allDayEveryDay: schedule({ regular: week({ every: '0000-2359' }), closedOnHolidays: 'OPEN' }),
  allDayClosedOnHolidays: schedule({ regular: week({ every: '0000-2359' }) }),
  noHours: schedule({ regular: null }),
  noHoursButClosed: schedule({ regular: null, closures: [{ startDay: '2026-11-01', endDay: '2026-11-30' }] }),
  christmasClosure: schedule({ regular: officeWeek, closures: [{ startDay: '2026-12-21', endDay: '2026-12-27' }] }),
  closedUntilFurtherNotice: schedule({ regular: officeWeek, closures: [{ startDay: '2026-12-01', endDay: null }] }),
  serviceClosedWithinPlaceClosure: schedule({
    regular: officeWeek,
    closures: [
      { startDay: '2026-12-21', endDay: '2026-12-23' },
      { startDay: '2026-12-22', endDay: '2027-01-03' },
    ],
  }),
  announcedClosure: schedule({ regular: officeWeek, closures: [{ startDay: '2026-12-10', endDay: '2026-12-12' }] }),
  decemberHours: schedule({
    regular: officeWeek,
    temporaryHours: { startDay: '2026-12-01', endDay: '2026-12-31', week: week({ weekdays: '1000-1300' }) },
  }),
  reunionOffice: schedule({ timeZone: 'Indian/Reunion', regular: week({ weekdays: '0800-1600' }) }),
  guyaneOffice: schedule({ timeZone: 'America/Cayenne', regular: week({ weekdays: '0800-1600' }) }),
  guadeloupeOffice: schedule({ timeZone: 'America/Guadeloupe', regular: week({ weekdays: '0800-1600' }) }),
  martiniqueOffice: schedule({ timeZone: 'America/Martinique', regular: week({ weekdays: '0800-1600' }) }),
  mayotteOffice: schedule({ timeZone: 'Indian/Mayotte', regular: week({ weekdays: '0800-1600' }) }),
  noumeaOffice: schedule({ timeZone: 'Pacific/Noumea', regular: week({ weekdays: '0730-1130' }) }),
  serviceOwnAfternoon: schedule({ regular: week({ weekdays: '1400-1600' }) }),
  serviceClosedTwoDays: schedule({ regular: officeWeek, closures: [{ startDay: '2026-11-25', endDay: '2026-11-26' }] }),
  springForward: schedule({ regular: week({ sun: '0200-0330' }), closedOnHolidays: 'OPEN' }),
  fallBack: schedule({ regular: week({ sun: '0100-0300' }), closedOnHolidays: 'OPEN' }),
} satisfies Record<string, Schedule>;

export type ScheduleName = keyof typeof SCHEDULES;

/* Named schedules added for tests/opening/opening-state-more.test.ts (the ones above are unchanged). */
const threeSlotWeek = week({ weekdays: '0800-1000,1200-1400,1800-2000' });
const summerWeek = week({ weekdays: '1000-1400', wed: '' });

export const MORE_SCHEDULES = {
  /** Three slots on weekdays, nothing at the weekend, CLOSED on holidays. */
  threeSlots: schedule({ regular: threeSlotWeek }),
  /** Late bar: weekday evenings 22:00–2359 continue into the next morning's 0000–0100 (Friday into Saturday). */
  lateBar: schedule({ regular: week({ weekdays: '0000-0100,1100-1400,2200-2359', sat: '0000-0100' }) }),
  /** Friday and Saturday nights 19:00–03:00, split at midnight; OPEN on holidays. */
  weekendNights: schedule({ regular: week({ fri: '1900-2359', sat: '0000-0300,1900-2359', sun: '0000-0300' }), closedOnHolidays: 'OPEN' }),
  /** Friday 09:00 straight through to Sunday 18:00; OPEN on holidays. */
  longWeekend: schedule({ regular: week({ fri: '0900-2359', sat: '0000-2359', sun: '0000-1800' }), closedOnHolidays: 'OPEN' }),
  /** 24/7, OPEN on holidays, temporarily closed 24–26 December 2026. */
  allDayWithChristmasClosure: schedule({
    regular: week({ every: '0000-2359' }),
    closedOnHolidays: 'OPEN',
    closures: [{ startDay: '2026-12-24', endDay: '2026-12-26' }],
  }),
  /** Office hours, closed Tuesday 8 and Wednesday 9 December 2026. */
  officeClosedTueWed: schedule({ regular: officeWeek, closures: [{ startDay: '2026-12-08', endDay: '2026-12-09' }] }),
  /** Office hours, closed Wednesday 2 to Friday 4 December 2026. */
  officeClosedWedToFri: schedule({ regular: officeWeek, closures: [{ startDay: '2026-12-02', endDay: '2026-12-04' }] }),
  /** Réunion weekdays 08:00–16:00, closed Tuesday 1 to Friday 4 December 2026 (Réunion calendar days). */
  reunionClosure: schedule({
    timeZone: 'Indian/Reunion',
    regular: week({ weekdays: '0800-1600' }),
    closures: [{ startDay: '2026-12-01', endDay: '2026-12-04' }],
  }),
  /** Guadeloupe weekdays 08:00–16:00, closed on Tuesday 1 December 2026 only. */
  guadeloupeClosure: schedule({
    timeZone: 'America/Guadeloupe',
    regular: week({ weekdays: '0800-1600' }),
    closures: [{ startDay: '2026-12-01', endDay: '2026-12-01' }],
  }),
  /** Office hours; summer hours 6 July – 28 August 2026: weekdays 10:00–14:00 but nothing on Wednesday. CLOSED on holidays. */
  summerHours: schedule({ regular: officeWeek, temporaryHours: { startDay: '2026-07-06', endDay: '2026-08-28', week: summerWeek } }),
  /** The same, OPEN on holidays. */
  summerHoursOpenOnHolidays: schedule({
    regular: officeWeek,
    closedOnHolidays: 'OPEN',
    temporaryHours: { startDay: '2026-07-06', endDay: '2026-08-28', week: summerWeek },
  }),
  /** Office hours; from 2 November 2026 until further notice, every day 10:00–12:00. CLOSED on holidays. */
  winterHoursOpenEnded: schedule({
    regular: officeWeek,
    temporaryHours: { startDay: '2026-11-02', endDay: null, week: week({ every: '1000-1200' }) },
  }),
} satisfies Record<string, Schedule>;

export type MoreScheduleName = keyof typeof MORE_SCHEDULES;
