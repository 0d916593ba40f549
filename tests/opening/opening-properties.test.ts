/**
 * Invariants of the opening engine over many random schedules and instants (seeded, so a
 * failure can be replayed): the state agrees with the week view of the same instant, the next
 * change is never in the past, "closing soon" really closes within 30 minutes.
 */
import { describe, expect, it } from 'vitest';
import { seeded } from '../support/seeded';
import { openingState, weekView } from '../../common/opening/opening-state';
import type { DaySlot, Schedule } from '../../common/opening/schedule';
import { addDays, wallClock } from '../../common/opening/zoned-time';
import { holidayCalendar } from '../../sync/holidays/french-holidays';

const ZONES = ['Europe/Paris', 'Indian/Reunion', 'America/Cayenne', 'Pacific/Noumea', 'Indian/Mayotte'];
const DEPARTMENTS = ['75', '67', '974', '973', '976'];

function randomDay(random: () => number): DaySlot[] {
  const slots: DaySlot[] = [];
  let cursor = Math.floor(random() * 600);
  for (let i = 0; i < 3 && cursor < 1440; i++) {
    if (random() < 0.3) break;
    const start = cursor;
    const end = Math.min(1440, start + 30 + Math.floor(random() * 400));
    slots.push({ start, end });
    cursor = end + 15 + Math.floor(random() * 200);
  }
  return slots;
}

function randomSchedule(random: () => number): Schedule {
  const week = () => Array.from({ length: 7 }, () => randomDay(random));
  const day = (offset: number) => addDays('2026-11-01', offset);
  const start = Math.floor(random() * 120);
  return {
    timeZone: ZONES[Math.floor(random() * ZONES.length)] as string,
    regular: random() < 0.05 ? null : week(),
    temporaryHours: random() < 0.3 ? { startDay: day(start), endDay: random() < 0.2 ? null : day(start + Math.floor(random() * 30)), week: week() } : null,
    closures: random() < 0.3 ? [{ startDay: day(start), endDay: random() < 0.2 ? null : day(start + Math.floor(random() * 20)) }] : [],
    closedOnHolidays: (['CLOSED', 'OPEN', 'UNKNOWN'] as const)[Math.floor(random() * 3)] as Schedule['closedOnHolidays'],
  };
}

describe('opening engine invariants (2 000 random schedules and instants)', () => {
  const random = seeded(20261122);
  const samples = Array.from({ length: 2000 }, () => {
    const schedule = randomSchedule(random);
    const instant = new Date(Date.UTC(2026, 10, 1) + Math.floor(random() * 200 * 86_400_000));
    return { schedule, instant, holidayOn: holidayCalendar(DEPARTMENTS[Math.floor(random() * DEPARTMENTS.length)] as string) };
  });

  it('says open exactly when today’s line of the week view covers the local time', () => {
    for (const { schedule, instant, holidayOn } of samples) {
      const state = openingState(schedule, instant, holidayOn);
      const [today] = weekView(schedule, instant, holidayOn);
      const minute = wallClock(instant, schedule.timeZone).minute;
      const covered = (today?.slots ?? []).some((slot) => slot.start <= minute && minute < slot.end);
      expect(state.kind === 'open' || state.kind === 'closing-soon', JSON.stringify({ schedule, instant })).toBe(covered);
      if (today?.rule === 'temporary-closure') expect(state.kind).toBe('temporarily-closed');
    }
  });

  it('never announces a change in the past, and "closing soon" closes within 30 minutes', () => {
    for (const { schedule, instant, holidayOn } of samples) {
      const state = openingState(schedule, instant, holidayOn);
      const next =
        state.kind === 'open' || state.kind === 'closing-soon' ? state.until : state.kind === 'opens-later-today' ? state.at : state.kind === 'closed-today' ? state.nextOpening : null;
      if (next !== null) expect(next.getTime()).toBeGreaterThan(instant.getTime());
      if (state.kind === 'closing-soon') expect(state.until.getTime() - instant.getTime()).toBeLessThanOrEqual(30 * 60_000);
      if (state.kind === 'open' && state.until !== null) expect(state.until.getTime() - instant.getTime()).toBeGreaterThan(30 * 60_000);
      if (state.kind === 'opens-later-today') expect(wallClock(state.at, schedule.timeZone).day).toBe(wallClock(instant, schedule.timeZone).day);
    }
  });

  it('lays out seven consecutive days, today first', () => {
    for (const { schedule, instant, holidayOn } of samples.slice(0, 200)) {
      const days = weekView(schedule, instant, holidayOn).map((plan) => plan.day);
      const today = wallClock(instant, schedule.timeZone).day;
      expect(days).toEqual(Array.from({ length: 7 }, (_, i) => addDays(today, i)));
    }
  });
});
