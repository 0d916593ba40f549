/**
 * French public holidays per department (closedHolidays: CLOSED, API.md §6 trap 10), from the
 * maintained `date-holidays` calendar: national days, Alsace-Moselle (Good Friday, 26 December in
 * 57/67/68) and the overseas abolition days. Kept on the Node side (the library is large); the
 * opening engine in common/ only asks "which holiday is this local day?".
 */
import Holidays from 'date-holidays';
import type { HolidayOn } from '../../common/opening/schedule';

/** Department code → the calendar's region code where it has its own holidays. */
const REGION_OF_DEPARTMENT: Record<string, string> = {
  '57': '57',
  '67': '67',
  '68': '68',
  '971': 'GP',
  '972': 'MQ',
  '973': 'GF',
  '974': 'RE',
  '976': 'YT',
  '977': 'BL',
  '978': 'MF',
};

const calendars = new Map<string, Map<string, string>>();

function holidaysOf(region: string | undefined, year: number): Map<string, string> {
  const key = `${region ?? 'FR'}:${year}`;
  let days = calendars.get(key);
  if (!days) {
    const calendar = region ? new Holidays('FR', region) : new Holidays('FR');
    days = new Map();
    for (const holiday of calendar.getHolidays(year)) {
      // Only public holidays close places; the calendar also lists observances (Mother's Day…).
      if (holiday.type === 'public') days.set(holiday.date.slice(0, 10), holiday.name);
    }
    calendars.set(key, days);
  }
  return days;
}

export function holidayCalendar(departmentCode: string): HolidayOn {
  const region = REGION_OF_DEPARTMENT[departmentCode.trim().toUpperCase()];
  return (day) => holidaysOf(region, Number(day.slice(0, 4))).get(day) ?? null;
}
