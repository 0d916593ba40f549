/**
 * Search on a small hand-made mirror around a kiosk at Strasbourg station, on Monday 23 November
 * 2026 at 10:00 (Paris): each place's hours, category and distance make the expected answer plain.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaceCategories } from '../../sync/categories/store-categories';
import { demoTaxonomy } from '../../sync/demo/demo-mirror';
import { holidayCalendar } from '../../sync/holidays/french-holidays';
import { openMirror, type MirrorDatabase } from '../../sync/mirror-database';
import { createMirrorWriter, deletePlaces, refreshDerivedIndexes, resetChangedIds } from '../../sync/mirror-writer';
import { searchPlaces, TEXT_IN_AREA_SQL, type SearchInput } from '../../sync/read/search-places';
import { POINTS_BY_CATEGORY_SQL } from '../../sync/read/search-points';
import { categoryTextFor } from '../../sync/soliguide/category-text';
import { mapPlace } from '../../sync/soliguide/map-place';
import { rawPlaceSchema } from '../../sync/soliguide/partner-place';

const KIOSK = { latitude: 48.5846, longitude: 7.7346 };
const NOW = new Date('2026-11-23T10:00+01:00');
/** ~111 m of latitude per 0.001°. */
const north = (metres: number) => ({ latitude: KIOSK.latitude + metres / 111_320, longitude: KIOSK.longitude });

const day = (slots: [number, number][]) => ({ open: slots.length > 0, timeslot: slots.map(([start, end]) => ({ start, end })) });
const weekdays = (slots: [number, number][]) => ({
  monday: day(slots), tuesday: day(slots), wednesday: day(slots), thursday: day(slots), friday: day(slots), saturday: day([]), sunday: day([]),
  closedHolidays: 'CLOSED',
});

function place(id: number, name: string, at: { latitude: number; longitude: number }, categories: string[], hours: object | null, extra: object = {}) {
  return {
    lieu_id: id,
    seo_url: `lieu-${id}`,
    name,
    description: `<p>${name}</p>`,
    position: { address: `${id} rue du Test, 67000 Strasbourg`, city: 'Strasbourg', postalCode: '67000', departmentCode: '67', timeZone: 'Europe/Paris', location: { coordinates: [at.longitude, at.latitude] } },
    newhours: hours,
    services_all: categories.map((category, index) => ({ serviceObjectId: `s${index}`, category, differentHours: false })),
    ...extra,
  };
}

const PLACES = [
  place(1, 'Épicerie sociale du Neudorf', north(300), ['social_grocery_stores'], weekdays([[900, 1200]])), // open, 300 m
  place(2, 'Restaurant solidaire', north(150), ['food_distribution'], weekdays([[1130, 1400]])), // opens later, 150 m
  place(3, 'Distribution du soir', north(80), ['food_distribution'], weekdays([[1800, 2000]])), // opens later, 80 m
  place(4, 'Banque alimentaire fermée', north(50), ['food_packages'], weekdays([[1400, 1600]]), { tempInfos: { closure: { actif: true, dateDebut: '2026-11-01T00:00:00.000Z', dateFin: null } } }),
  place(5, 'Épicerie lointaine', north(7000), ['social_grocery_stores'], weekdays([[800, 1800]])), // too far
  place(6, 'Point wifi', north(100), ['wifi'], weekdays([[800, 1800]])), // hidden unless named
  place(7, 'Permanence psy', north(400), ['psychiatry'], weekdays([[900, 1700]]), { modalities: { orientation: { checked: true } } }),
  place(8, 'Café fermeture proche', north(200), ['food_distribution'], weekdays([[800, 1020]])), // closing soon
  place(9, 'Bains-douches municipaux', north(600), ['shower'], weekdays([[800, 1800]]), {
    publics: { accueil: 2, gender: ['women'], age: { min: 18, max: 99 }, administrative: ['regular', 'asylum', 'refugee', 'undocumented'], familialle: ['isolated', 'family', 'couple', 'pregnant'], other: [] },
    modalities: { inconditionnel: false, appointment: { checked: true }, inscription: { checked: false }, orientation: { checked: false }, price: { checked: false }, pmr: { checked: true }, animal: { checked: false } },
  }),
  place(10, 'Permanence juridique', north(700), ['legal_advice'], weekdays([[900, 1700]]), {
    modalities: { inconditionnel: true, appointment: { checked: false }, inscription: { checked: false }, orientation: { checked: false }, price: { checked: true }, animal: { checked: true } },
  }),
  place(11, 'Vestiaire solidaire', north(800), ['clothing'], null), // no hours at all: unknown
];

let dir: string;
let db: MirrorDatabase;
const search = (input: Partial<SearchInput>) =>
  searchPlaces(db, { language: 'fr', origin: KIOSK, radiusMetres: 5000, openNow: false, page: 1, pageSize: 30, ...input }, NOW, holidayCalendar);
const ids = (input: Partial<SearchInput>) => search(input).items.map((item) => item.id);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'search-'));
  db = openMirror(join(dir, 'mirror.sqlite'));
  const taxonomy = demoTaxonomy();
  const text = categoryTextFor(taxonomy);
  db.transaction(() => {
    replaceCategories(db, taxonomy);
    const writer = createMirrorWriter(db);
    for (const raw of PLACES) writer.insert(mapPlace(rawPlaceSchema.parse(raw), 'LIEU', text));
    resetChangedIds(db, PLACES.map((p) => p.lieu_id));
    refreshDerivedIndexes(db);
    // Spoken languages come from GET /place (the details stage).
    db.prepare("INSERT INTO place_languages (lieu_id, language) VALUES (10, 'ar'), (10, 'fr'), (9, 'uk')").run();
  })();
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('search', () => {
  it('orders by state, then walking distance: open, closing soon, opens later, then temporarily closed', () => {
    expect(ids({ category: 'food' })).toEqual([1, 8, 3, 2, 4]);
    const [first] = search({ category: 'food' }).items;
    expect(first).toMatchObject({ id: 1, state: { kind: 'open', until: new Date('2026-11-23T12:00+01:00').toISOString() }, distanceMetres: 300, walkingMinutes: 6 });
  });

  it('keeps only what is open now when asked', () => {
    expect(ids({ category: 'food', openNow: true })).toEqual([1, 8]);
  });

  it('expands a category at any level through the DAG (psychiatry under health, via two parents)', () => {
    expect(ids({ category: 'health' })).toEqual([7]);
    expect(ids({ category: 'health_specialists' })).toEqual([7]);
    expect(ids({ category: 'psychiatry' })).toEqual([7]);
  });

  it('leaves wifi out unless it is asked for by name', () => {
    expect(ids({})).not.toContain(6);
    expect(ids({ category: 'technology' })).toEqual([]);
    expect(ids({ category: 'wifi' })).toEqual([6]);
  });

  it('stays within the radius', () => {
    expect(ids({ category: 'social_grocery_stores' })).toEqual([1]);
    expect(ids({ category: 'social_grocery_stores', radiusMetres: 10_000 })).toEqual([1, 5]);
  });

  it('finds words by accent- and case-insensitive prefix', () => {
    expect(ids({ text: 'epic' })).toEqual([1]);
    expect(ids({ text: 'ÉPICERIE', radiusMetres: 10_000 })).toEqual([1, 5]);
    expect(ids({ text: 'restau solid' })).toEqual([2]);
  });

  it('treats FTS operators typed by a person as plain text, never as a syntax error', () => {
    for (const text of ['"epi', 'epi*)', 'NEAR(epi', 'epi OR resto', '-epi', 'a:b', '(((', '^*']) {
      expect(() => search({ text })).not.toThrow();
    }
    expect(ids({ text: 'épi" OR (NEAR' })).toEqual([]); // "or" and "near" are words nobody wrote here
    expect(ids({ text: '"épi*' })).toEqual([1]);
    expect(ids({ text: '  ' }).length).toBeGreaterThan(0); // no words: no text constraint
  });

  it('never gives the address of a place on referral', () => {
    expect(search({ category: 'psychiatry' }).items[0]).toMatchObject({ onReferral: true, address: null, postalCode: '67000' });
  });

  it('pages a stable order', () => {
    const all = ids({ category: 'food' });
    expect([...ids({ category: 'food', pageSize: 2, page: 1 }), ...ids({ category: 'food', pageSize: 2, page: 2 }), ...ids({ category: 'food', pageSize: 2, page: 3 })]).toEqual(all);
    expect(search({ category: 'food', pageSize: 2 }).total).toBe(5);
  });

  it('reads candidates by range scans of the clustered search key, or from the area-limited text matches (EXPLAIN QUERY PLAN)', () => {
    const plan = (sql: string, ...params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('\n');
    expect(plan(POINTS_BY_CATEGORY_SQL, 'food', 0, 1)).toBe('SEARCH search_points USING PRIMARY KEY (category_id=? AND latitude>? AND latitude<?)');
    expect(plan(TEXT_IN_AREA_SQL, 'x')).toMatch(/^SCAN places_fts VIRTUAL TABLE INDEX 0:M/);
  });

  it('maps everyday words to needs, in French and in the visitor’s language, plurals folded', () => {
    expect(ids({ text: 'manger' })).toEqual([1, 8, 3, 2, 4]); // food, though no place says "manger"
    expect(ids({ text: 'douches' })).toEqual([9]);
    expect(ids({ text: 'avocat' })).toEqual([10]);
    expect(ids({ text: 'shower', language: 'en' })).toEqual([9]);
    expect(ids({ text: 'lawyer', language: 'en' })).toEqual([10]);
    expect(ids({ text: 'محامي', language: 'ar' })).toEqual([10]);
    expect(ids({ text: 'المحامي', language: 'ar' })).toEqual([10]); // with the article
    expect(ids({ text: 'manger', language: 'en' })).toEqual([1, 8, 3, 2, 4]); // French words work in every language
    expect(search({ text: 'avocat' }).items[0]?.matchedCategories).toEqual(['legal_advice']);
  });

  it('forgives one wrong, missing, extra or swapped letter on words of five letters or more', () => {
    expect(ids({ text: 'epicrie' })).toEqual([1]); // missing letter
    expect(ids({ text: 'epiceroe' })).toEqual([1]); // wrong letter
    expect(ids({ text: 'juridqiue' })).toEqual([10]); // swapped letters
    expect(ids({ text: 'douchhe' })).toEqual([9]); // extra letter, on a need word
    expect(ids({ text: 'epizxa' })).toEqual([]); // nothing within one letter
    expect(ids({ text: 'xpic' })).toEqual([]); // four letters: no tolerance
  });

  it('filters by audience and access, as toggles', () => {
    const all = ids({});
    expect(all).toEqual(expect.arrayContaining([9, 10]));
    expect(ids({ filters: { gender: 'men' } })).not.toContain(9); // women only
    expect(ids({ filters: { gender: 'women' } })).toContain(9);
    expect(ids({ filters: { unconditional: true } })).not.toContain(9);
    expect(ids({ filters: { noAppointment: true } })).not.toContain(9);
    expect(ids({ filters: { free: true } })).not.toContain(10);
    expect(ids({ filters: { wheelchair: true } })).toEqual([9]);
    expect(ids({ filters: { animals: true } })).toEqual([10]);
    expect(ids({ filters: { age: 16 } })).not.toContain(9);
    expect(ids({ filters: { age: 30, gender: 'women' } })).toContain(9);
    expect(ids({ filters: { languages: ['ar'] } })).toEqual([10]);
    expect(ids({ filters: { languages: ['uk', 'ar'] } })).toEqual([9, 10]);
  });

  it('says "unknown" for a place without hours, after every place with hours', () => {
    const items = search({}).items;
    expect(items.find((item) => item.id === 11)?.state).toEqual({ kind: 'unknown' });
    const ranks = items.map((item) => item.state.kind);
    expect(ranks.indexOf('unknown')).toBeGreaterThan(ranks.lastIndexOf('closed-today'));
  });

  it('sees a sync published by another connection (the worker) at the next search, though it keeps points in memory', () => {
    expect(ids({ category: 'food', openNow: true })).toEqual([1, 8]); // points now cached
    const worker = openMirror(join(dir, 'mirror.sqlite'));
    try {
      const text = categoryTextFor(demoTaxonomy());
      worker.transaction(() => {
        createMirrorWriter(worker).insert(mapPlace(rawPlaceSchema.parse(place(12, 'Épicerie nouvelle', north(20), ['social_grocery_stores'], weekdays([[900, 1200]]))), 'LIEU', text));
        resetChangedIds(worker, [12]);
        refreshDerivedIndexes(worker);
      })();
      expect(ids({ category: 'food', openNow: true })).toEqual([12, 1, 8]);
      expect(ids({ text: 'nouvelle' })).toEqual([12]);
      worker.transaction(() => deletePlaces(worker, [12]))();
      expect(ids({ category: 'food', openNow: true })).toEqual([1, 8]);
    } finally {
      worker.close();
    }
  });
});
