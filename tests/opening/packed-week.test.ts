/**
 * The packed week the search ranks with gives, on ordinary days, the kind the full engine gives:
 * random weeks (overnight chains, 24/7 days, adjacent and overlapping slots) at random instants
 * away from clock changes, in every overseas zone.
 */
import { describe, expect, it } from 'vitest';
import { seeded } from '../support/seeded';
import { openingState } from '../../common/opening/opening-state';
import { packedKind, packWeek } from '../../common/opening/packed-week';
import type { DaySlot, Schedule, WeekSlots } from '../../common/opening/schedule';
import { addDays, instantOf, wallClock } from '../../common/opening/zoned-time';

const ZONES = ['Europe/Paris', 'Indian/Reunion', 'America/Cayenne', 'Pacific/Noumea', 'America/Martinique'];

function randomDay(random: () => number): DaySlot[] {
  const roll = random();
  if (roll < 0.1) return [{ start: 0, end: 1440 }];
  if (roll < 0.2) return [];
  const slots: DaySlot[] = [];
  let cursor = random() < 0.2 ? 0 : Math.floor(random() * 900);
  for (let i = 0; i < 3 && cursor < 1440; i++) {
    const start = cursor;
    const end = random() < 0.2 ? 1440 : Math.min(1440, start + 1 + Math.floor(random() * 400));
    slots.push({ start, end });
    // Adjacent (0), overlapping (negative) or with a break.
    const roll2 = random();
    cursor = roll2 < 0.15 ? end : roll2 < 0.25 ? Math.max(start + 1, end - 1 - Math.floor(random() * 30)) : end + 15 + Math.floor(random() * 200);
  }
  return slots.filter((slot) => slot.start < slot.end).sort((a, b) => a.start - b.start);
}

const ordinary = (instant: Date, timeZone: string): boolean => {
  const day = wallClock(instant, timeZone).day;
  return instantOf(addDays(day, 2), 0, timeZone).getTime() - instantOf(addDays(day, -1), 0, timeZone).getTime() === 3 * 86_400_000;
};

describe('packed week', () => {
  it('packs and ranks like the engine on 20 000 random weeks and instants', () => {
    const random = seeded(4242);
    let compared = 0;
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const week: WeekSlots = Array.from({ length: 7 }, () => randomDay(random));
      const timeZone = ZONES[Math.floor(random() * ZONES.length)] as string;
      const instant = new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 730 * 1440) * 60_000 + Math.floor(random() * 60) * 1000);
      if (!ordinary(instant, timeZone)) continue;
      const schedule: Schedule = { timeZone, regular: week, temporaryHours: null, closures: [], closedOnHolidays: 'OPEN' };
      const expected = openingState(schedule, instant, () => null).kind;
      const wall = wallClock(instant, timeZone);
      expect(packedKind(packWeek(week), wall.weekday, wall.minute), JSON.stringify({ week, timeZone, instant })).toBe(expected);
      seen.add(expected);
      compared++;
    }
    expect(compared).toBeGreaterThan(19_000);
    expect([...seen].sort()).toEqual(['closed-today', 'closing-soon', 'open', 'opens-later-today']);
  });

  it('follows a night that runs on past midnight, and never closes a 24/7 week', () => {
    const night: WeekSlots = [[{ start: 1320, end: 1440 }], [{ start: 0, end: 480 }], [], [], [], [], []];
    expect(packedKind(packWeek(night), 0, 1420)).toBe('open'); // Monday 23:40, closes Tuesday 08:00
    expect(packedKind(packWeek(night), 1, 455)).toBe('closing-soon'); // Tuesday 07:35
    const always: WeekSlots = Array.from({ length: 7 }, () => [{ start: 0, end: 1440 }]);
    expect(packedKind(packWeek(always), 6, 1439)).toBe('open');
    const adjacent: WeekSlots = [[{ start: 540, end: 720 }, { start: 720, end: 900 }], [], [], [], [], [], []];
    // Like the engine: a slot that ends is closing, even if the next one starts at the same minute.
    expect(packedKind(packWeek(adjacent), 0, 700)).toBe('closing-soon');
    expect(packedKind(packWeek([[], [], [], [], [], [], []]), 3, 600)).toBe('closed-today');
  });
});
