import { describe, expect, it } from 'vitest';
import { calendarDay } from '../../sync/soliguide/calendar-days';
import { parseHhmm, weeklySlots } from '../../sync/soliguide/hours';

const MON = 0;
const TUE = 1440;
const SUN = 6 * 1440;

describe('HHMM times (API.md §2.4)', () => {
  it.each([
    [930, 570],
    [0, 0],
    [45, 45],
    [2359, 1440],
    ['08:00', 480],
    ['8h30', 510],
    ['1730', 1050],
    [2460, null],
    [1275, null],
    ['midi', null],
    [-5, null],
    [12.5, null],
  ])('%j is %j minutes after midnight', (value, minutes) => {
    expect(parseHhmm(value)).toBe(minutes);
  });
});

describe('weekly slots in minutes of the week', () => {
  it('keeps up to three slots a day in order', () => {
    const { slots } = weeklySlots({ monday: { timeslot: [{ start: 1400, end: 1700 }, { start: 900, end: 1200 }] } });
    expect(slots).toEqual([
      { startMinute: MON + 540, endMinute: MON + 720 },
      { startMinute: MON + 840, endMinute: MON + 1020 },
    ]);
  });

  it('joins an overnight slot split across two days (22:00–02:00) into one interval', () => {
    const { slots } = weeklySlots({ monday: { timeslot: [{ start: 2200, end: 2359 }] }, tuesday: { timeslot: [{ start: 0, end: 200 }] } });
    expect(slots).toEqual([{ startMinute: MON + 1320, endMinute: TUE + 120 }]);
  });

  it('splits an unsplit overnight slot, Sunday night running into Monday morning', () => {
    const { slots } = weeklySlots({ sunday: { timeslot: [{ start: 2300, end: 100 }] } });
    expect(slots).toEqual([
      { startMinute: 0, endMinute: 60 },
      { startMinute: SUN + 1380, endMinute: SUN + 1440 },
    ]);
  });

  it('reads 24/7 (0–2359 every day) as the whole week', () => {
    const day = { timeslot: [{ start: 0, end: 2359 }] };
    const week = { monday: day, tuesday: day, wednesday: day, thursday: day, friday: day, saturday: day, sunday: day };
    expect(weeklySlots(week).slots).toEqual([{ startMinute: 0, endMinute: 7 * 1440 }]);
  });

  it('drops and counts slots it cannot read, keeping the rest', () => {
    const { slots, dropped } = weeklySlots({ monday: { timeslot: [{ start: 'matin', end: 1200 }, { start: 1400, end: 1400 }, { start: 1500, end: 1600 }] } });
    expect(dropped).toBe(2);
    expect(slots).toEqual([{ startMinute: 900, endMinute: 960 }]);
  });
});

describe('temporary information dates are calendar days (API.md §2.5, trap 11)', () => {
  it.each([
    ['new start encoding: the UTC date', '2026-12-24T00:00:00.000Z', 'Europe/Paris', '2026-12-24'],
    ['new end encoding, inclusive', '2026-12-26T23:59:59.000Z', 'Europe/Paris', '2026-12-26'],
    ['new encoding in Tahiti (UTC−10) is still the UTC date', '2026-12-24T00:00:00.000Z', 'Pacific/Tahiti', '2026-12-24'],
    ['legacy local midnight in Paris, winter', '2022-03-02T23:00:00.000Z', 'Europe/Paris', '2022-03-03'],
    ['legacy local midnight in Paris, summer', '2022-07-13T22:00:00.000Z', 'Europe/Paris', '2022-07-14'],
    ['legacy local midnight in Réunion (UTC+4)', '2022-03-02T20:00:00.000Z', 'Indian/Reunion', '2022-03-03'],
  ])('%s', (_case, value, zone, day) => {
    expect(calendarDay(value, zone)).toBe(day);
  });

  it('gives null for absent and unreadable dates', () => {
    expect(calendarDay(null, 'Europe/Paris')).toBeNull();
    expect(calendarDay('', 'Europe/Paris')).toBeNull();
    expect(calendarDay('soon', 'Europe/Paris')).toBeNull();
  });
});
