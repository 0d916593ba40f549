import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StandIn, StandInAccount } from './stand-in-server';
import type { StoredPlace, StoredPosition } from './stored-shapes';
import { ALL_CATEGORIES, ids, madePlace, search, startWith, storedPlace, storedPlaces } from './stand-in-test-support';

function position(city: string, postalCode: string, departmentCode: string, department: string, region: string, coordinates: [number, number]): StoredPosition {
  const slug = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  // Legacy duplicates (`adresse`) included, as stored: a variable, not a fresh literal, for the loose shape.
  const stored = {
    ...storedPlace(7).position,
    address: `1 rue de la Gare, ${postalCode} ${city}`,
    adresse: `1 rue de la Gare, ${postalCode} ${city}`,
    city, postalCode, departmentCode, department, region,
    location: { type: 'Point', coordinates },
    slugs: { city: slug(city), ville: slug(city), department: slug(department), departement: slug(department), region: slug(region) },
  };
  return stored;
}

function closedToday(place: StoredPlace): StoredPlace {
  place.isOpenToday = false;
  for (const service of place.services_all ?? []) service.isOpenToday = false;
  return place;
}

const STRASBOURG = position('Strasbourg', '67000', '67', 'Bas-Rhin', 'Grand Est', [7.7507, 48.5846]);
const MADE: StoredPlace[] = [
  madePlace(201, { position: STRASBOURG, services: ['food_distribution'], languages: ['fr', 'uk'] }),
  closedToday(madePlace(202, { position: { ...STRASBOURG, location: { type: 'Point', coordinates: [7.7507, 48.6026] } }, services: ['shower'] })),
  madePlace(203, { position: position('Saint-Denis', '93200', '93', 'Seine-Saint-Denis', 'Île-de-France', [2.3574, 48.9362]), services: ['food_packages', 'wifi'] }),
  madePlace(204, { position: position('Saint-Denis', '97400', '974', 'La Réunion', 'La Réunion', [55.4504, -20.8823]), services: ['fountain'] }),
  madePlace(205, { position: STRASBOURG, services: ['legal_advice'], updatedByUserAt: '2026-03-10T00:00:00.500Z' }),
];
const EVERYWHERE: StandInAccount = { token: 'everywhere', departments: ['67', '93', '974'] };
const FOOD_ONLY: StandInAccount = { token: 'food', departments: ['75', '67', '93'], categoriesLimitations: ['food'] };
const NOWHERE: StandInAccount = { token: 'nowhere', departments: [] };
const POSTAL_75: StandInAccount = { token: 'postal-75', departments: ['67', '93'], territories: ['75'] };

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startWith({ places: [...storedPlaces(), ...MADE], accounts: [EVERYWHERE, FOOD_ONLY, NOWHERE, POSTAL_75, { token: 'paris-token', departments: ['75'] }] });
});
afterAll(() => standIn.close());

const everywhere = (body: Record<string, unknown>): ReturnType<typeof search> =>
  search(standIn, { categories: ALL_CATEGORIES, options: { limit: 0, sortBy: 'lieu_id', sortValue: 1 }, ...body }, { token: EVERYWHERE.token });

describe('search filters (API.md §1.4)', () => {
  it('shows only ONLINE, visibility ALL places of the requested placeType in the account departments', async () => {
    expect(ids(await everywhere({ location: { geoType: 'inconnu' } }))).toEqual([201, 202, 203, 204, 205]);
    const paris = await search(standIn, { location: { geoType: 'inconnu' }, categories: ALL_CATEGORIES, options: { limit: 0 } });
    expect(paris.places.every((place) => place.status === 'ONLINE' && place.visibility === 'ALL')).toBe(true);
    expect(paris.nbResults).toBe(26);
    const itineraries = await search(standIn, { location: { geoType: 'inconnu' }, placeType: 'PARCOURS_MOBILE' });
    expect(ids(itineraries)).toEqual([39]);
  });

  it('gives an account without departments zero results, not an error', async () => {
    expect(await search(standIn, { location: { geoType: 'inconnu' } }, { token: NOWHERE.token })).toEqual({ nbResults: 0, places: [] });
  });

  it('hides wifi, toilets, outlets, fountains and addiction services unless named', async () => {
    const paris = ids(await search(standIn, { location: { geoType: 'inconnu' }, options: { limit: 0 } }));
    expect(paris).not.toContain(20);
    expect(paris).not.toContain(21);
    expect(ids(await search(standIn, { location: { geoType: 'inconnu' }, category: 'technology' }))).toEqual([]);
    expect(ids(await search(standIn, { location: { geoType: 'inconnu' }, category: 'health' }))).toEqual([]);
    expect(ids(await search(standIn, { location: { geoType: 'inconnu' }, categories: ['wifi'] }))).toEqual([21]);
    expect(ids(await search(standIn, { location: { geoType: 'inconnu' }, category: 'addictions' }))).toEqual([20]);
    // Only the excluded id itself lifts the exclusion: its leaf alone stays hidden.
    expect(ids(await search(standIn, { location: { geoType: 'inconnu' }, category: 'addiction_prevention_and_material' }))).toEqual([]);
    expect(ids(await everywhere({ location: { geoType: 'inconnu' }, categories: ['food'] }))).toEqual([201, 203]);
    expect(ids(await everywhere({ location: { geoType: 'inconnu' }, categories: ['food', 'fountain'] }))).toEqual([201, 203, 204]);
  });

  it('restricts an account with categoriesLimitations to those categories, with or without a category asked', async () => {
    const body = { location: { geoType: 'inconnu' }, options: { limit: 0 } };
    expect(ids(await search(standIn, body, { token: FOOD_ONLY.token }))).toEqual([23, 201, 203]);
    expect(ids(await search(standIn, { ...body, category: 'accomodation_and_housing' }, { token: FOOD_ONLY.token }))).toEqual([]);
  });

  it('finds places within a radius in km, nearest first, with distance in metres', async () => {
    const answer = await everywhere({ location: { geoType: 'position', coordinates: [7.7507, 48.5846], distance: 5 }, options: { limit: 0 } });
    expect(ids(answer)).toEqual([201, 205, 202]);
    expect(answer.places[0]?.distance).toBe(0);
    expect(answer.places[2]?.distance).toBeCloseTo(2003.8, 0);
    expect(Object.keys(answer.places[2] ?? {}).at(-1)).toBe('distance');
    expect(ids(await everywhere({ location: { geoType: 'position', coordinates: [7.7507, 48.5846], distance: '1.9' } }))).toEqual([201, 205]);
    expect(ids(await everywhere({ location: { geoType: 'position', coordinates: [7.7507, 48.5846], distance: 5 }, options: { sortBy: 'lieu_id', sortValue: -1 } }))).toEqual([205, 202, 201]);
  });

  it('matches city, department and region slugs exactly, with an optional department suffix', async () => {
    expect(ids(await everywhere({ location: { geoType: 'ville', geoValue: 'saint-denis' } }))).toEqual([203, 204]);
    expect(ids(await everywhere({ location: { geoType: 'ville', geoValue: 'saint-denis-93' } }))).toEqual([203]);
    expect(ids(await everywhere({ location: { geoType: 'departement', geoValue: 'seine-saint-denis' } }))).toEqual([203]);
    expect(ids(await everywhere({ location: { geoType: 'departement', geoValue: 'departement-bas-rhin' } }))).toEqual([201, 202, 205]);
    expect(ids(await everywhere({ location: { geoType: 'region', geoValue: 'grand-est' } }))).toEqual([201, 202, 205]);
    expect(ids(await everywhere({ location: { geoType: 'inconnu', geoValue: 'La Réunion' } }))).toEqual([204]);
    expect(ids(await everywhere({ location: { geoType: 'pays', geoValue: 'France' } }))).toHaveLength(5);
  });

  it('filters a postal code only inside the account territories, and drops the filter silently outside', async () => {
    expect(ids(await everywhere({ location: { geoType: 'codePostal', geoValue: '93200' } }))).toEqual([203]);
    expect(ids(await everywhere({ location: { geoType: 'inconnu', geoValue: '97400' } }))).toEqual([204]);
    const dropped = await search(standIn, { location: { geoType: 'codePostal', geoValue: '93200' }, categories: ALL_CATEGORIES }, { token: POSTAL_75.token });
    expect(ids(dropped)).toEqual([201, 202, 203, 205]);
  });

  it('filters updatedByUserAt by UTC day, whatever updatedAt says', async () => {
    const on = async (intervalType: string, value: string): Promise<number[]> => ids(await everywhere({ location: { geoType: 'inconnu' }, updatedAt: { intervalType, value } }));
    expect(await on('SPECIFIC_DAY', '2026-03-10T18:00:00Z')).toEqual([205]);
    expect(await on('AFTER_DAY', '2026-03-10T23:59:59Z')).toEqual([205]);
    expect(await on('AFTER_DAY', '2026-03-11')).toEqual([]);
    expect(await on('BEFORE_DAY', '2026-03-10T12:00:00.000Z')).toEqual([201, 202, 203, 204]);
  });

  it('matches publics, modalities, languages, openToday and word', async () => {
    expect(ids(await everywhere({ location: { geoType: 'inconnu' }, languages: 'uk' }))).toEqual([201]);
    expect(ids(await everywhere({ location: { geoType: 'inconnu' }, word: 'Made place 20' }))).toEqual([201, 202, 203, 204, 205]);
    expect(ids(await everywhere({ location: { geoType: 'inconnu' }, word: 'place 203' }))).toEqual([203]);
    const paris = (body: Record<string, unknown>): ReturnType<typeof search> => search(standIn, { location: { geoType: 'inconnu' }, options: { limit: 0 }, ...body });
    expect(ids(await paris({ publics: { accueil: 2 } }))).toEqual([10, 11]);
    expect(ids(await paris({ publics: { gender: ['all'] } }))).toHaveLength(24);
    expect(ids(await paris({ modalities: { orientation: true } }))).toEqual([14, 15, 33, 38]);
    expect(ids(await everywhere({ location: { geoType: 'inconnu' }, openToday: true }))).toEqual([201, 203, 204, 205]);
  });
});
