import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeConformance } from '../support/shared-corpus';
import type { StandIn } from './stand-in-server';
import type { JsonObject, StoredTranslation } from './stored-shapes';
import { ALL_CATEGORIES, fixture, madePlace, search, startWith, storedPlaces, storedTranslations, type SearchAnswer } from './stand-in-test-support';

/** Distances are compared to the micrometre: the fixtures used MongoDB's own float arithmetic. */
function roundDistances(answer: SearchAnswer): SearchAnswer {
  return { ...answer, places: answer.places.map((place) => ('distance' in place ? { ...place, distance: Math.round(Number(place.distance) * 1e6) } : place)) };
}

const FOOD_FIELDS = {
  foodProductType: ['dry_products'],
  nationalOriginProductType: ['france'],
  organicOriginProductType: ['organic'],
  dietaryRegimesType: 'cannot_adapt',
  degreeOfChoiceType: 'no_choice',
};

let standIn: StandIn;
beforeAll(async () => {
  const withSpecificFields = madePlace(300, { services: ['food_distribution'] });
  const service = withSpecificFields.services_all?.[0];
  if (service) service.categorySpecificFields = structuredClone(FOOD_FIELDS);
  standIn = await startWith({
    places: [...storedPlaces(), withSpecificFields],
    translations: storedTranslations(),
    accounts: [{ token: 'paris-token', departments: ['75', '33'] }],
  });
});
afterAll(() => standIn.close());

describeConformance('search answers match the API fixtures (API.md §1.6–1.8)', () => {
  it('example 1: accommodation within 5 km of rue Saint-Martin, page 1 of 5', async () => {
    const answer = await search(standIn, fixture('example-1-request-POST-new-search.json'));
    expect(roundDistances(answer)).toEqual(roundDistances(fixture('example-1-response-POST-new-search.json')));
  });

  it('example 3: an itinerary, without its stops, at the distance of its nearest stop', async () => {
    const answer = await search(standIn, fixture('example-3-request-POST-new-search-itinerary.json'));
    expect(roundDistances(answer)).toEqual(roundDistances(fixture('example-3-response-POST-new-search-itinerary.json')));
  });

  it('example 5: example 1 in Arabic', async () => {
    const answer = await search(standIn, fixture('example-1-request-POST-new-search.json'), { lang: 'ar' });
    expect(roundDistances(answer)).toEqual(roundDistances(fixture('example-5-response-POST-new-search-ar.json')));
  });

  it('the full-territory queries return exactly places.json, in the search-item shape', async () => {
    const query = (placeType: string): Promise<SearchAnswer> =>
      search(standIn, { location: { geoType: 'inconnu' }, categories: ALL_CATEGORIES, placeType, options: { limit: 0, sortBy: 'lieu_id', sortValue: 1 } });
    const got = [...(await query('LIEU')).places, ...(await query('PARCOURS_MOBILE')).places].filter((place) => place.lieu_id !== 300);
    got.sort((a, b) => Number(a.lieu_id) - Number(b.lieu_id));
    // Same keys in the same order too: what the API serialises.
    expect(JSON.stringify(got)).toBe(JSON.stringify(fixture('places.json')));
  });
});

describeConformance('the search-item projection (API.md §1.7)', () => {
  const one = async (lieuId: number): Promise<JsonObject> => {
    const answer = await search(standIn, { location: { geoType: 'inconnu' }, categories: ALL_CATEGORIES, options: { limit: 0 } });
    const place = answer.places.find((candidate) => candidate.lieu_id === lieuId);
    if (!place) throw new Error(`place ${lieuId} not returned`);
    return place;
  };

  it('masks position.address and complementAdresse of places "sur orientation", but leaks adresse and coordinates', async () => {
    const position = (await one(14)).position as JsonObject;
    expect(position.address).toBeNull();
    expect(position.complementAdresse).toBeNull();
    expect(position.adresse).toBe('201 Rue Saint-Martin, 75003 Paris');
    expect(position).toHaveProperty('additionalInformation');
    expect(position.location).toEqual({ type: 'Point', coordinates: [2.3525585, 48.8634914] });
  });

  it('keeps the address of other places, and never returns what the whitelist leaves out', async () => {
    const place = await one(18);
    expect((place.position as JsonObject).address).toBe('201 Rue Saint-Martin, 75003 Paris');
    for (const hidden of ['photos', 'languages', 'isOpenToday', 'placeType', 'parcours', 'slugs', 'updatedByUserAt', 'organizations', 'campaigns', '__v']) {
      expect(place).not.toHaveProperty(hidden);
    }
    expect((place.position as JsonObject).slugs).toBeUndefined();
    expect(place.modalities).not.toHaveProperty('docs');
  });

  it('cleans category-specific fields the partner must not see', async () => {
    const fields = ((await one(300)).services_all as JsonObject[])[0]?.categorySpecificFields;
    expect(fields).toEqual({ foodProductType: ['dry_products'] });
  });

  it('projects exactly the undocumented options.fields list, plus _id', async () => {
    const answer = await search(standIn, { location: { geoType: 'inconnu' }, options: { limit: 1, fields: 'lieu_id languages placeType services_all.category' } });
    expect(answer.places[0]).toEqual({ _id: '622220a45fe7a848e82a9378', lieu_id: 6, languages: ['fr'], placeType: 'LIEU', services_all: [{ category: 'emergency_accommodation' }] });
  });
});

describeConformance('translated searches (API.md §1.8)', () => {
  it('replaces a text by its translation, turns an empty French text without translation into null, keeps French otherwise', async () => {
    const answer = await search(standIn, { location: { geoType: 'inconnu' }, options: { limit: 0 } }, { lang: 'uk' });
    const byId = new Map(answer.places.map((place) => [place.lieu_id, place]));
    // Place 11 has a Ukrainian description; its empty `modalities.other` has none.
    expect(byId.get(11)?.description).toMatch(/^<p>Консультации/);
    expect((byId.get(11)?.modalities as JsonObject).other).toBeNull();
    expect(byId.get(11)?.name).toBe('LIEU_SERVICE_PUBLIC_EXCLUSIF');
    // Place 6's Ukrainian closure text is null: the French text stays, silently.
    expect((byId.get(6)?.tempInfos as { closure: JsonObject }).closure.description).toBe('Cette structure est fermée temporairement en ce moment');
  });

  it('translates nothing into French, the source language', async () => {
    const french = await search(standIn, { location: { geoType: 'inconnu' }, options: { limit: 3 } });
    expect(await search(standIn, { location: { geoType: 'inconnu' }, options: { limit: 3 } }, { lang: 'fr' })).toEqual(french);
  });

  it('translates at most 100 places of one answer', async () => {
    const places = Array.from({ length: 120 }, (_, index) => madePlace(1000 + index, { description: 'Texte en français' }));
    const translations: StoredTranslation[] = places.map((place) => ({
      lieu_id: place.lieu_id,
      placeObjectId: place._id,
      languages: { en: { place: { description: 'English text' } } },
    }));
    const own = await startWith({ places, translations });
    try {
      const answer = await search(own, { location: { geoType: 'inconnu' }, options: { limit: 0 } }, { lang: 'en' });
      const english = answer.places.filter((place) => place.description === 'English text');
      expect([answer.nbResults, english.length]).toEqual([120, 100]);
      // A place left without its translation document is untouched, empty strings included.
      const french = answer.places.find((place) => place.description === 'Texte en français');
      expect((french?.modalities as JsonObject).other).toBe('');
    } finally {
      await own.close();
    }
  });
});
