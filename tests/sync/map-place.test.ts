/**
 * Mapping Soliguide's own test places (../shared/soliguide/fixtures/places.json, search-item
 * shape) into mirror rows. Expected values are read from the fixture, not from our output.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { describeConformance, hasSharedCorpus, SHARED_FIXTURES } from '../support/shared-corpus';
import { categoryTextFor } from '../../sync/soliguide/category-text';
import { mapPlace } from '../../sync/soliguide/map-place';
import { rawPlaceSchema, type RawPlace } from '../../sync/soliguide/partner-place';
import { demoTaxonomy } from '../../sync/demo/demo-mirror';

const FIXTURE = `${SHARED_FIXTURES}places.json`;
type Json = Record<string, any>; // `any`: fixture JSON read field by field

let fixtures: Json[];
const categoryText = categoryTextFor(demoTaxonomy());
const byId = (id: number): Json => {
  const place = fixtures.find((p) => p.lieu_id === id);
  if (!place) throw new Error(`fixture place ${id} missing`);
  return place;
};
const mapped = (id: number) => {
  return mapPlace(rawPlaceSchema.parse(byId(id)) as RawPlace, 'LIEU', categoryText);
};

beforeAll(() => {
  if (!hasSharedCorpus()) return;
  fixtures = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Json[];
});

describeConformance('mapping places from the partner API', () => {
  it('accepts every place of Soliguide’s test database', () => {
    const refused = fixtures.filter((place) => !rawPlaceSchema.safeParse(place).success).map((p) => p.lieu_id);
    expect(refused).toEqual([]);
  });

  it('hides the street address of a place "sur orientation", though position.adresse still carries it (trap 7)', () => {
    const raw = byId(14);
    expect(raw.position.adresse).toContain('Saint-Martin'); // the leak is really in the payload
    const { place } = mapped(14);
    expect(place.address).toBeNull();
    expect(place.additional_information).toBeNull();
    expect(place.on_referral).toBe(1);
    expect(JSON.stringify(place)).not.toContain('Saint-Martin');
    expect([place.postal_code, place.city]).toEqual([raw.position.postalCode, raw.position.city]);
  });

  it('keeps the address of an ordinary place', () => {
    expect(mapped(7).place.address).toBe(byId(7).position.address);
  });

  it('reads the active temporary closure, hours and message of place 6 as calendar days from legacy local midnight', () => {
    const { notices, slots } = mapped(6);
    const raw = byId(6).tempInfos;
    expect(raw.closure.dateDebut).toBe('2022-03-02T23:00:00.000Z');
    expect(notices.map((n) => [n.kind, n.start_day, n.end_day])).toEqual([
      ['closure', '2022-03-03', null],
      ['hours', '2022-03-03', null],
      ['message', '2022-03-03', null],
    ]);
    expect(notices.find((n) => n.kind === 'message')?.title).toBe(raw.message.name);
    // Temporary hours in legacy strings "08:00"–"17:00" on Monday, Wednesday, Thursday.
    expect(slots.filter((s) => s.schedule === 'temporary').map((s) => [s.start_minute, s.end_minute])).toEqual([
      [480, 1020],
      [2 * 1440 + 480, 2 * 1440 + 1020],
      [3 * 1440 + 480, 3 * 1440 + 1020],
    ]);
  });

  it('ignores temporary information that is not active (place 7)', () => {
    expect(mapped(7).notices).toEqual([]);
  });

  it('keeps a service closure as days (place 8)', () => {
    const raw = byId(8).services_all[0].close;
    const [service] = mapped(8).services;
    expect(raw).toMatchObject({ actif: true, dateDebut: '2022-03-03T00:00:00.000Z', dateFin: null }); // new encoding
    expect([service?.closure_start_day, service?.closure_end_day]).toEqual(['2022-03-03', null]);
  });

  it('keeps every service of a multi-service place in order, with its leaf category', () => {
    const raw = byId(23).services_all as Json[];
    expect(mapped(23).services.map((s) => [s.position, s.category_id])).toEqual(raw.map((s, i) => [i, s.category]));
  });

  it('reads exclusive publics as an exclusive audience', () => {
    expect(byId(10).publics.accueil).toBe(2);
    expect(JSON.parse(mapped(10).place.publics_json).policy).toBe('exclusive');
  });

  it('decodes the entities of descriptions into plain text', () => {
    const raw = byId(6).description as string;
    expect(raw).toContain('&#224;');
    expect(mapped(6).place.description_text).toContain('à');
    expect(mapped(6).place.description_text).not.toContain('&#');
  });

  it('indexes category labels of the place and of its ancestors for text search', () => {
    const { place, services } = mapped(20);
    expect(services[0]?.category_id).toBe('addiction_prevention_and_material');
    expect(place.category_text).toContain('addictions');
    expect(place.category_text).toContain('health');
  });

  it('hashes what it stores: a renamed place changes, a nightly isOpenToday flip does not', () => {
    const raw = byId(6);
    const hash = (place: Json, type: 'LIEU' | 'PARCOURS_MOBILE' = 'LIEU') =>
      mapPlace(rawPlaceSchema.parse(place) as RawPlace, type, categoryText).place.content_hash;
    expect(hash(raw)).toBe(hash(structuredClone(raw)));
    expect(hash({ ...raw, name: 'Autre nom' })).not.toBe(hash(raw));
    expect(hash(raw, 'PARCOURS_MOBILE')).not.toBe(hash(raw));
    const flipped = structuredClone(raw);
    flipped.isOpenToday = !raw.isOpenToday;
    flipped.services_all[0].isOpenToday = !raw.services_all[0].isOpenToday;
    expect(hash(flipped)).toBe(hash(raw));
  });

  it('refuses records the kiosk cannot show: no coordinates, no service, a name that is not text', () => {
    const raw = byId(7);
    expect(rawPlaceSchema.safeParse({ ...raw, position: { ...raw.position, location: { coordinates: [] } } }).success).toBe(false);
    expect(rawPlaceSchema.safeParse({ ...raw, services_all: [] }).success).toBe(false);
    expect(rawPlaceSchema.safeParse({ ...raw, name: 42 }).success).toBe(false);
  });
});
