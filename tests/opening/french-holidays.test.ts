/**
 * The holiday calendar per department against the published calendars for 2024–2030
 * (service-public.fr: Easter-based days, Alsace-Moselle, overseas abolition days).
 */
import { describe, expect, it } from 'vitest';
import { holidayCalendar } from '../../sync/holidays/french-holidays';

const EASTER_MONDAY = ['2024-04-01', '2025-04-21', '2026-04-06', '2027-03-29', '2028-04-17', '2029-04-02', '2030-04-22'];
const ASCENSION = ['2024-05-09', '2025-05-29', '2026-05-14', '2027-05-06', '2028-05-25', '2029-05-10', '2030-05-30'];
const WHIT_MONDAY = ['2024-05-20', '2025-06-09', '2026-05-25', '2027-05-17', '2028-06-05', '2029-05-21', '2030-06-10'];
const GOOD_FRIDAY = ['2024-03-29', '2025-04-18', '2026-04-03', '2027-03-26', '2028-04-14', '2029-03-30', '2030-04-19'];
const FIXED = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'];
const YEARS = [2024, 2025, 2026, 2027, 2028, 2029, 2030];

describe('French public holidays per department', () => {
  it.each(['75', '13', '2A', '67', '974'])('department %s has the eleven national days every year', (department) => {
    const isHoliday = holidayCalendar(department);
    for (const year of YEARS) {
      for (const day of FIXED) expect(isHoliday(`${year}-${day}`), `${year}-${day}`).not.toBeNull();
    }
    for (const day of [...EASTER_MONDAY, ...ASCENSION, ...WHIT_MONDAY]) expect(isHoliday(day), day).not.toBeNull();
  });

  it.each(['57', '67', '68'])('Alsace-Moselle (%s) adds Good Friday and 26 December', (department) => {
    const isHoliday = holidayCalendar(department);
    for (const day of GOOD_FRIDAY) expect(isHoliday(day), day).toBe('Vendredi saint');
    for (const year of YEARS) expect(isHoliday(`${year}-12-26`)).toBe('Lendemain de Noël');
  });

  it('other departments have neither', () => {
    for (const department of ['75', '69', '13']) {
      const isHoliday = holidayCalendar(department);
      for (const day of GOOD_FRIDAY) expect(isHoliday(day)).toBeNull();
      for (const year of YEARS) expect(isHoliday(`${year}-12-26`)).toBeNull();
    }
  });

  it.each([
    ['971', '05-27'],
    ['972', '05-22'],
    ['973', '06-10'],
    ['974', '12-20'],
    ['976', '04-27'],
  ])('overseas department %s has its abolition day on %s', (department, day) => {
    const isHoliday = holidayCalendar(department);
    // A holiday every year (in 2030 Guyane's 10 June is also Whit Monday: one day, either name).
    for (const year of YEARS) expect(isHoliday(`${year}-${day}`), `${year}-${day}`).not.toBeNull();
    expect(isHoliday(`2026-${day}`)).toBe('Abolition de l’esclavage');
    expect(holidayCalendar('75')(`2026-${day}`)).toBeNull();
  });

  it('does not count observances (Mother’s Day, Whit Sunday) as holidays', () => {
    expect(holidayCalendar('75')('2026-05-31')).toBeNull();
    expect(holidayCalendar('75')('2026-05-24')).toBeNull();
  });
});
