import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StandIn } from './stand-in-server';
import type { StoredPlace } from './stored-shapes';
import { ids, madePlace, search, startWith } from './stand-in-test-support';

/** 45 places inserted in a shuffled lieu_id order, names in mixed case and accents. */
const NAMES = ['banane', 'Abri', 'été', 'Zèbre', 'zinc'];
const places: StoredPlace[] = Array.from({ length: 45 }, (_, index) => {
  const lieuId = ((index * 17) % 45) + 100;
  return madePlace(lieuId, { name: `${NAMES[index % NAMES.length] ?? ''} ${lieuId}`, updatedAt: new Date(Date.UTC(2024, 0, 1 + (index % 9))).toISOString() });
});
const ALL = { location: { geoType: 'inconnu' } };

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startWith({ places });
});
afterAll(() => standIn.close());

describe('search paging and sorting (API.md §1.5)', () => {
  it('returns 20 places by default, and the total in nbResults', async () => {
    const answer = await search(standIn, ALL);
    expect(answer.nbResults).toBe(45);
    expect(answer.places).toHaveLength(20);
  });

  it('keeps insertion order without a sort', async () => {
    expect(ids(await search(standIn, { ...ALL, options: { limit: 5 } }))).toEqual(places.slice(0, 5).map((place) => place.lieu_id));
  });

  it('returns everything with limit 0, whatever the page', async () => {
    for (const page of [1, 3]) {
      const answer = await search(standIn, { ...ALL, options: { limit: 0, page } });
      expect([answer.nbResults, answer.places.length]).toEqual([45, 45]);
    }
  });

  it('pages 1-based with a stable lieu_id order, and an empty page past the end', async () => {
    const seen: number[] = [];
    for (let page = 1; page <= 4; page += 1) {
      const answer = await search(standIn, { ...ALL, options: { page, limit: 12, sortBy: 'lieu_id', sortValue: 1 } });
      expect(answer.nbResults).toBe(45);
      seen.push(...ids(answer));
    }
    expect(seen).toEqual(Array.from({ length: 45 }, (_, index) => index + 100));
    expect(await search(standIn, { ...ALL, options: { page: 5, limit: 12, sortBy: 'lieu_id', sortValue: 1 } })).toEqual({ nbResults: 45, places: [] });
  });

  it('sorts descending with sortValue -1', async () => {
    expect(ids(await search(standIn, { ...ALL, options: { limit: 3, sortBy: 'lieu_id', sortValue: -1 } }))).toEqual([144, 143, 142]);
  });

  it('sorts names in binary order: upper case before lower case, accents after z', async () => {
    const answer = await search(standIn, { ...ALL, options: { limit: 0, sortBy: 'name', sortValue: 1 } });
    const firstWords = [...new Set(answer.places.map((place) => String(place.name).split(' ')[0]))];
    expect(firstWords).toEqual(['Abri', 'Zèbre', 'banane', 'zinc', 'été']);
  });

  it('sorts by updatedAt as dates', async () => {
    const answer = await search(standIn, { ...ALL, options: { limit: 0, sortBy: 'updatedAt', sortValue: -1 } });
    const dates = answer.places.map((place) => String(place.updatedAt));
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('ignores sortBy without sortValue', async () => {
    expect(ids(await search(standIn, { ...ALL, options: { limit: 3, sortBy: 'lieu_id' } }))).toEqual(places.slice(0, 3).map((place) => place.lieu_id));
  });
});
