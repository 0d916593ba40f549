import { describe, expect, it } from 'vitest';
import { flatTrapProportions, TRAP_PROPORTIONS, trapsOf, type DetectedTrap } from '../../sync/generator/generate-directory';
import type { StoredTranslation } from '../../sync/generator/stored-place';
import { directory, NOW } from './generator-support';

function measuredShares(): { shares: Map<DetectedTrap, number>; count: number } {
  const { places, translations } = directory();
  const byLieuId = new Map<number, StoredTranslation>(translations.map((doc) => [doc.lieu_id, doc]));
  const counts = new Map<DetectedTrap, number>();
  for (const place of places) {
    for (const trap of trapsOf(place, NOW, byLieuId.get(place.lieu_id))) counts.set(trap, (counts.get(trap) ?? 0) + 1);
  }
  return { shares: new Map([...counts].map(([trap, count]) => [trap, count / places.length])), count: places.length };
}

describe('trap proportions (API.md §6) on 5 000 places', () => {
  const { shares, count } = measuredShares();

  it.each(Object.entries(flatTrapProportions()))('%s appears in its announced share (%f)', (trap, expected) => {
    // Four standard deviations of a binomial share, plus a little for the rounding of small shares.
    const tolerance = 4 * Math.sqrt((expected * (1 - expected)) / count) + 0.002;
    const measured = shares.get(trap as DetectedTrap) ?? 0;
    expect(Math.abs(measured - expected), `${trap}: measured ${measured.toFixed(4)}, announced ${expected.toFixed(4)}`).toBeLessThanOrEqual(tolerance);
  });

  it('reports nothing but announced traps (plus the department-dependent nonParisTimeZone)', () => {
    const announced = new Set<string>([...Object.keys(flatTrapProportions()), 'nonParisTimeZone']);
    for (const trap of shares.keys()) expect(announced.has(trap), trap).toBe(true);
  });

  it('exclusive groups add up: every place has one closedHolidays value and one status', () => {
    const closedHolidays = Object.keys(TRAP_PROPORTIONS.closedHolidays).reduce((sum, key) => sum + (shares.get(`closedHolidays.${key}` as DetectedTrap) ?? 0), 0);
    expect(closedHolidays).toBeCloseTo(1, 10);
    const contacts = Object.values(TRAP_PROPORTIONS.emptyVsNullVsAbsentContacts).reduce((sum, share) => sum + share, 0);
    expect(contacts).toBeCloseTo(1, 10);
  });

  it('lets a test pick places with a given trap: an announced closure within 15 days is already actif', () => {
    const future = directory().places.filter((place) => trapsOf(place, NOW).includes('tempClosureFuture'));
    expect(future.length).toBeGreaterThan(50);
    for (const place of future) {
      expect(place.tempInfos.closure.actif).toBe(true);
      const start = Date.parse(place.tempInfos.closure.dateDebut ?? '');
      expect(start - NOW.getTime()).toBeLessThanOrEqual(16 * 86_400_000);
    }
  });

  it('writes unsafe markup only in the announced share, with every kind a sanitiser must drop', () => {
    const unsafe = directory().places.filter((place) => trapsOf(place, NOW).includes('scriptInDescription'));
    for (const place of unsafe) {
      expect(place.description).toMatch(/<script>/);
      expect(place.description).toMatch(/onclick=/);
      expect(place.description).toMatch(/style=/);
      expect(place.description).toMatch(/href="javascript:/);
    }
    const safe = directory().places.filter((place) => !trapsOf(place, NOW).includes('scriptInDescription'));
    for (const place of safe) expect(place.description ?? '').not.toMatch(/<script|onclick=|javascript:|style=/);
  });
});
