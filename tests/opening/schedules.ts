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
