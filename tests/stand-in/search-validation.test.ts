import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StandIn } from './stand-in-server';
import { PARIS, postJson, search, startWith, storedPlaces } from './stand-in-test-support';

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startWith({ places: storedPlaces() });
});
afterAll(() => standIn.close());

const field = (path: string, value?: unknown, msg = 'Invalid value'): Record<string, unknown> =>
  value === undefined ? { type: 'field', msg, path, location: 'body' } : { type: 'field', value, msg, path, location: 'body' };

async function rejected(body: unknown): Promise<unknown> {
  const reply = await postJson(standIn, '/new-search', body);
  expect(reply.status).toBe(400);
  return reply.json();
}

describe('search request validation: express-validator arrays with 400 (API.md §1.3)', () => {
  it('requires location.geoType, with no "value" key when it is missing', async () => {
    expect(await rejected({})).toEqual([field('location.geoType')]);
    expect(await rejected({ location: { geoValue: 'paris' } })).toEqual([field('location.geoType')]);
  });

  it('turns a null or empty geoType into "inconnu" instead of failing', async () => {
    for (const geoType of [null, '']) expect((await search(standIn, { location: { geoType } })).nbResults).toBe(24);
  });

  it('rejects an unknown geoType, and asks for a geoValue then', async () => {
    expect(await rejected({ location: { geoType: 'planet' } })).toEqual([field('location.geoType', 'planet'), field('location.geoValue')]);
  });

  it('needs a geoValue for city, postal code, department and region searches', async () => {
    expect(await rejected({ location: { geoType: 'ville' } })).toEqual([field('location.geoValue')]);
    expect(await rejected({ location: { geoType: 'departement', geoValue: null } })).toEqual([field('location.geoValue', null)]);
  });

  it('reports missing coordinates of a position search twice (exists and notEmpty)', async () => {
    expect(await rejected({ location: { geoType: 'position' } })).toEqual([field('location.coordinates'), field('location.coordinates')]);
  });

  it('lets an empty coordinates array through, which disables the distance filter', async () => {
    const answer = await search(standIn, { location: { geoType: 'position', coordinates: [] } });
    expect(answer.nbResults).toBe(24);
    expect(answer.places[0]).not.toHaveProperty('distance');
  });

  it('rejects a non-numeric distance', async () => {
    expect(await rejected({ location: { geoType: 'position', coordinates: [2.35, 48.86], distance: 'far' } })).toEqual([field('location.distance', 'far')]);
  });

  it('rejects an unknown category but not an unknown id inside "categories" (the chain stops silently)', async () => {
    expect(await rejected({ location: { geoType: 'inconnu' }, category: 'nope' })).toEqual([field('category', 'nope')]);
    expect((await search(standIn, { location: { geoType: 'inconnu' }, categories: ['nope'] })).nbResults).toBe(0);
  });

  it('rejects non-numeric paging options, and a sortValue that is neither 1 nor -1', async () => {
    expect(await rejected({ location: { geoType: 'inconnu' }, options: { limit: 'abc', page: 'x' } })).toEqual([
      field('options.page', 'x'),
      field('options.limit', 'abc'),
    ]);
    expect(await rejected({ location: { geoType: 'inconnu' }, options: { sortBy: 'lieu_id', sortValue: 'up' } })).toEqual([
      field('options.sortValue', 'up'),
      field('options.sortValue', 'up'),
    ]);
    expect(await rejected({ location: { geoType: 'inconnu' }, options: { sortBy: 'priority', sortValue: 1 } })).toEqual([field('options.sortBy', 'priority')]);
  });

  it('rejects an unknown placeType, publics value or updatedAt date', async () => {
    expect(await rejected({ location: { geoType: 'inconnu' }, placeType: 'BUS' })).toEqual([field('placeType', 'BUS')]);
    expect(await rejected({ location: { geoType: 'inconnu' }, publics: { gender: ['men', 'robots'] } })).toEqual([
      field('publics.gender', ['men', 'robots'], "Gender robots doesn't exist"),
    ]);
    expect(await rejected({ location: { geoType: 'inconnu' }, publics: { accueil: 7 } })).toEqual([field('publics.accueil', 7, 'WRONG_PUBLICS_WELCOMED_TYPE')]);
    expect(await rejected({ location: { geoType: 'inconnu' }, updatedAt: { intervalType: 'AFTER_DAY', value: 'someday' } })).toEqual([
      field('updatedAt.value', 'someday'),
    ]);
  });

  it('answers Express\' HTML 500 page to an unsupported :lang, before looking at the body', async () => {
    const reply = await postJson(standIn, '/new-search/de', {});
    expect(reply.status).toBe(500);
    expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(reply.text).toContain('<pre>Internal Server Error</pre>');
  });

  it('answers Express\' HTML 400 page to a body that is not JSON, even before authentication', async () => {
    for (const token of [PARIS.token, null]) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (token) headers.Authorization = `JWT ${token}`;
      const response = await fetch(`${standIn.url}/new-search`, { method: 'POST', headers, body: '{"location": {' });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('<pre>Bad Request</pre>');
    }
  });

  it('answers 500 SEARCH_ERROR to what fails inside MongoDB: string sortValue, page 0, negative limit, bad coordinates', async () => {
    const failing = [
      { location: { geoType: 'inconnu' }, options: { sortBy: 'lieu_id', sortValue: '-1' } },
      { location: { geoType: 'inconnu' }, options: { page: 0 } },
      { location: { geoType: 'inconnu' }, options: { limit: -5 } },
      { location: { geoType: 'position', coordinates: [2.35, 123] } },
      { location: { geoType: 'inconnu' }, options: { fields: 'lieu_id position services_all' } },
      { location: { geoType: 'inconnu' }, options: { fields: 'lieu_id name' } },
    ];
    for (const body of failing) {
      const reply = await postJson(standIn, '/new-search', body);
      expect([JSON.stringify(body), reply.status, reply.json()]).toEqual([JSON.stringify(body), 500, { message: 'SEARCH_ERROR' }]);
    }
  });

  it('applies no option at all when nothing matches, so the same bad options give an empty 200', async () => {
    const answer = await search(standIn, { location: { geoType: 'departement', geoValue: 'gironde' }, options: { page: 0, sortBy: 'name', sortValue: '1' } });
    expect(answer).toEqual({ nbResults: 0, places: [] });
  });

  it('accepts numeric strings for paging, as toInt does', async () => {
    const answer = await search(standIn, { location: { geoType: 'inconnu' }, options: { limit: '2', page: '2', sortBy: 'lieu_id', sortValue: 1 } });
    expect(answer.places.map((place) => place.lieu_id)).toEqual([8, 9]);
  });
});
