/**
 * The data quality index on real mirror files written through the project's writer, with known
 * proportions. Every expected share and score below is worked out by hand in the comments, never
 * by calling the code under test.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaceCategories, type ApiCategoryNode } from '../../sync/categories/store-categories';
import { openMirror, type MirrorDatabase } from '../../sync/mirror-database';
import { createMirrorWriter, refreshDerivedIndexes, resetChangedIds } from '../../sync/mirror-writer';
import { DEFAULT_ESSENTIAL_CATEGORIES, qualityIndex, type QualityIndex, type QualityOptions } from '../../sync/quality/quality-index';
import { qualityIndexInWorker } from '../../sync/quality/quality-in-worker';
import { ESSENTIALS_IN_BOX_SQL } from '../../sync/quality/quality-queries';
import { accessConditions, audience } from '../../sync/soliguide/conditions';
import type { MappedPlace, PhoneRow, ServiceRow, SlotRow } from '../../sync/soliguide/map-place';
import type { RawModalities, RawPublics } from '../../sync/soliguide/partner-place';

const DAY_MS = 86_400_000;
const NOW = new Date('2026-11-24T10:00:00.000Z');
const STRASBOURG = { latitude: 48.5846, longitude: 7.7346 };
/** Metres per degree of latitude on the 6 371 km sphere that distances use. */
const METRES_PER_DEGREE = (6_371_000 * Math.PI) / 180;

const daysAgo = (days: number, extraMs = 0): string => new Date(NOW.getTime() - days * DAY_MS - extraMs).toISOString();
const north = (metres: number): { latitude: number; longitude: number } => ({
  latitude: STRASBOURG.latitude + metres / METRES_PER_DEGREE,
  longitude: STRASBOURG.longitude,
});
const east = (metres: number): { latitude: number; longitude: number } => ({
  latitude: STRASBOURG.latitude,
  longitude: STRASBOURG.longitude + metres / (METRES_PER_DEGREE * Math.cos((STRASBOURG.latitude * Math.PI) / 180)),
});

const leaf = (id: string, rank: number): ApiCategoryNode => ({ id, rank, children: [] });
/** A small taxonomy: four roots, health two levels deep, one root without essentials. */
const TAXONOMY: ApiCategoryNode[] = [
  { id: 'welcome', rank: 100, children: [leaf('day_hosting', 100)] },
  { id: 'food', rank: 300, children: [leaf('food_distribution', 100), leaf('fountain', 200)] },
  { id: 'hygiene_and_wellness', rank: 200, children: [leaf('shower', 100), leaf('toilets', 200), leaf('laundry', 300)] },
  { id: 'health', rank: 400, children: [{ id: 'physical_health', rank: 100, children: [leaf('general_practitioner', 100)] }] },
];

interface PlaceSpec {
  id: number;
  updatedAt?: string | null;
  at?: { latitude: number; longitude: number };
  categories?: string[];
  description?: string | null;
  modalities?: RawModalities | null;
  publics?: RawPublics | null;
  /** Per service position: its own conditions (else copies of the place's). */
  serviceModalities?: Record<number, RawModalities>;
  phones?: number;
  languages?: string[];
  placeHours?: boolean;
  /** Regular hours on the first service only. */
  serviceHours?: boolean;
  temporaryHoursOnly?: boolean;
}

function mapped(spec: PlaceSpec): MappedPlace {
  const at = spec.at ?? STRASBOURG;
  const modalities = JSON.stringify(accessConditions(spec.modalities ?? null));
  const publics = JSON.stringify(audience(spec.publics ?? null));
  const services = (spec.categories ?? []).map(
    (category, position): ServiceRow => ({
      service_id: `${spec.id}/s${position}`,
      lieu_id: spec.id,
      position,
      category_id: category,
      description_html: null,
      description_text: null,
      has_own_hours: spec.serviceHours && position === 0 ? 1 : 0,
      modalities_json: spec.serviceModalities?.[position] ? JSON.stringify(accessConditions(spec.serviceModalities[position])) : modalities,
      publics_json: publics,
      closure_start_day: null,
      closure_end_day: null,
      saturation: null,
    }),
  );
  const slot = (serviceId: string | null, schedule: SlotRow['schedule']): SlotRow => ({
    lieu_id: spec.id,
    service_id: serviceId,
    schedule,
    start_minute: 540,
    end_minute: 720,
  });
  const slots: SlotRow[] = [];
  if (spec.placeHours) slots.push(slot(null, 'regular'));
  if (spec.serviceHours) slots.push(slot(`${spec.id}/s0`, 'regular'));
  if (spec.temporaryHoursOnly) slots.push(slot(null, 'temporary'));
  const phones = Array.from({ length: spec.phones ?? 0 }, (_, position): PhoneRow => ({
    lieu_id: spec.id,
    position,
    label: null,
    number: `38812345${position}`,
    country_code: 'fr',
    is_special: 0,
  }));
  return {
    place: {
      lieu_id: spec.id,
      seo_url: `lieu-${spec.id}`,
      name: `Lieu ${spec.id}`,
      place_type: 'LIEU',
      latitude: at.latitude,
      longitude: at.longitude,
      address: '1 rue de la Paix',
      additional_information: null,
      postal_code: '67000',
      city: 'Strasbourg',
      department_code: '67',
      country: 'fr',
      time_zone: 'Europe/Paris',
      on_referral: 0,
      description_html: spec.description ?? null,
      description_text: spec.description ?? null,
      closed_on_holidays: 'UNKNOWN',
      hours_note: null,
      modalities_json: modalities,
      publics_json: publics,
      email: null,
      website: null,
      facebook: null,
      instagram: null,
      created_at: null,
      updated_at: spec.updatedAt === undefined ? daysAgo(10) : spec.updatedAt,
      category_text: '',
      content_hash: `hash-${spec.id}`,
    },
    services,
    slots,
    notices: [],
    phones,
    sources: [],
    droppedSlots: 0,
  };
}

let dir: string;
const opened: MirrorDatabase[] = [];

/** A mirror file written as a sync pass writes it (writer, then derived indexes), languages by INSERT. */
function mirrorOf(name: string, specs: PlaceSpec[], taxonomy: ApiCategoryNode[] = TAXONOMY): MirrorDatabase {
  const db = openMirror(join(dir, `${name}.sqlite`));
  opened.push(db);
  db.transaction(() => {
    replaceCategories(db, taxonomy);
    const writer = createMirrorWriter(db);
    for (const spec of specs) writer.insert(mapped(spec));
    const addLanguage = db.prepare('INSERT INTO place_languages (lieu_id, language) VALUES (?, ?)');
    for (const spec of specs) for (const language of spec.languages ?? []) addLanguage.run(spec.id, language);
    resetChangedIds(
      db,
      specs.map((spec) => spec.id),
    );
    refreshDerivedIndexes(db);
  })();
  return db;
}

const options = (overrides: Partial<QualityOptions> = {}): QualityOptions => ({
  now: NOW,
  origin: STRASBOURG,
  radiusMetres: 3000,
  essentialCategories: [],
  ...overrides,
});

const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, index) => from + index);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'quality-index-'));
});
afterAll(() => {
  for (const db of opened) db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('recency', () => {
  it('buckets 40 places by the age of their last Soliguide update and scores the share under six months', () => {
    const specs: PlaceSpec[] = [
      ...range(1, 10).map((id) => ({ id, updatedAt: daysAgo(20) })),
      ...range(11, 6).map((id) => ({ id, updatedAt: daysAgo(60) })),
      ...range(17, 8).map((id) => ({ id, updatedAt: daysAgo(100) })),
      ...range(25, 7).map((id) => ({ id, updatedAt: daysAgo(200) })),
      ...range(32, 5).map((id) => ({ id, updatedAt: daysAgo(400) })),
      ...range(37, 4).map((id) => ({ id, updatedAt: null })),
    ];
    const { territory } = qualityIndex(mirrorOf('recency', specs), options());
    expect(territory.placeCount).toBe(40);
    expect(territory.recency.ages).toEqual({ under1m: 10, '1to3m': 6, '3to6m': 8, '6to12m': 7, over12m: 5, unknown: 4 });
    expect(territory.recency.over12Months).toBe(5);
    // (10 + 6 + 8) / 40 = 0.6; 5 × 0.6 = 3.0. The 4 undated places count as not recent.
    expect(territory.recency.recentShare).toBeCloseTo(0.6, 12);
    expect(territory.scores.recency).toBe(3);
  });

  it('puts a date exactly on a limit in the younger bucket and one second older in the next, in any ISO offset', () => {
    const second = 1000;
    // 31 days before NOW (10:00 UTC) written in Paris summer time: 2026-10-24T12:00+02:00 is 10:00Z.
    const specs: PlaceSpec[] = [
      { id: 1, updatedAt: daysAgo(31) },
      { id: 2, updatedAt: '2026-10-24T12:00:00+02:00' },
      { id: 3, updatedAt: daysAgo(31, second) },
      { id: 4, updatedAt: daysAgo(92) },
      { id: 5, updatedAt: daysAgo(92, second) },
      { id: 6, updatedAt: daysAgo(183) },
      { id: 7, updatedAt: daysAgo(183, second) },
      { id: 8, updatedAt: daysAgo(365) },
      { id: 9, updatedAt: daysAgo(365, second) },
      { id: 10, updatedAt: daysAgo(-2) }, // a clock ahead of ours: counted as just updated
      { id: 11, updatedAt: 'not a date' },
      { id: 12, updatedAt: '2024' }, // julianday() alone would read a bare number as a julian day
    ];
    const { territory } = qualityIndex(mirrorOf('boundaries', specs), options());
    expect(territory.recency.ages).toEqual({ under1m: 3, '1to3m': 2, '3to6m': 2, '6to12m': 2, over12m: 1, unknown: 2 });
    // (3 + 2 + 2) / 12 = 0.58333…; 5 × that = 2.9166… → 2.9.
    expect(territory.recency.recentShare).toBeCloseTo(7 / 12, 12);
    expect(territory.scores.recency).toBe(2.9);
  });
});

describe('completeness', () => {
  const unstated = { appointment: { checked: false }, inscription: { checked: false }, orientation: { checked: false } };
  const specs: PlaceSpec[] = [
    // hours: 1 at place level, 2 at service level; 3 has only temporary hours, which do not count.
    { id: 1, placeHours: true },
    { id: 2, categories: ['shower'], serviceHours: true },
    { id: 3, temporaryHoursOnly: true },
    // phone: 4 with one, 5 with two.
    { id: 4, phones: 1 },
    { id: 5, phones: 2 },
    // description: 6, 7, 8 with text; 9 only blanks.
    { id: 6, description: 'Accueil de jour' },
    { id: 7, description: ' x ' },
    { id: 8, description: 'Douches' },
    { id: 9, description: '   ' },
    // conditions stated: unconditional, a condition ticked, the fee answered "free", another condition
    // in words, a public reserved, a public described, one service's own conditions. 17: all unticked.
    { id: 10, modalities: { inconditionnel: true } },
    { id: 11, modalities: { ...unstated, appointment: { checked: true } } },
    { id: 12, modalities: { ...unstated, price: { checked: false } } },
    { id: 13, modalities: { ...unstated, other: 'Se munir d’un justificatif' } },
    { id: 14, publics: { accueil: 2, gender: ['women'] } },
    { id: 15, publics: { accueil: 0, description: 'Familles' } },
    { id: 16, categories: ['toilets', 'laundry'], modalities: unstated, serviceModalities: { 1: { ...unstated, inscription: { checked: true } } } },
    { id: 17, modalities: unstated, publics: { accueil: 0 } },
    // languages: 18, 19, 20 and 1, 4, 6.
    { id: 18, languages: ['fr'] },
    { id: 19, languages: ['fr', 'ar'] },
    { id: 20, languages: ['uk'] },
  ];
  for (const id of [1, 4, 6]) (specs[id - 1] as PlaceSpec).languages = ['en'];
  let index: QualityIndex;
  beforeAll(() => {
    index = qualityIndex(mirrorOf('completeness', specs), options());
  });

  it('counts a place with hours when it or one of its services has regular hours, not temporary ones only', () => {
    expect(index.territory.completeness.hours).toBeCloseTo(2 / 20, 12);
  });
  it('counts a place with a phone once, whatever its number of phones', () => {
    expect(index.territory.completeness.phone).toBeCloseTo(2 / 20, 12);
  });
  it('counts a description only when it has more than blanks', () => {
    expect(index.territory.completeness.description).toBeCloseTo(3 / 20, 12);
  });
  it('counts conditions as stated when access or public is said, at place or service level, and not for unticked boxes', () => {
    expect(index.territory.completeness.conditions).toBeCloseTo(7 / 20, 12);
  });
  it('counts a place with spoken languages', () => {
    expect(index.territory.completeness.languages).toBeCloseTo(6 / 20, 12);
  });
  it('scores five times the mean of the five shares', () => {
    // (2 + 2 + 3 + 7 + 6) / 20 / 5 = 0.2; 5 × 0.2 = 1.0.
    expect(index.territory.scores.completeness).toBe(1);
  });
});

describe('exhaustiveness and category scopes', () => {
  const ESSENTIALS = ['food_distribution', 'shower', 'toilets', 'laundry', 'physical_health', 'not_in_taxonomy'];
  const specs: PlaceSpec[] = [
    { id: 1, at: north(2990), categories: ['shower'], phones: 1, updatedAt: daysAgo(10) },
    { id: 2, at: north(3010), categories: ['toilets'], phones: 1, updatedAt: daysAgo(400) },
    { id: 3, at: east(2990), categories: ['laundry'], phones: 1, updatedAt: daysAgo(400) },
    { id: 4, at: east(3010), categories: ['toilets'], phones: 1, updatedAt: daysAgo(400) },
    // Two food_distribution services at one place: one place, not two.
    { id: 5, categories: ['food_distribution', 'food_distribution'], updatedAt: daysAgo(10) },
    // Both food and hygiene: in both category scopes, once in the territory.
    { id: 6, at: north(-1500), categories: ['food_distribution', 'shower'], updatedAt: daysAgo(10) },
    // A leaf under the non-leaf essential physical_health.
    { id: 7, at: east(-2000), categories: ['general_practitioner'], updatedAt: daysAgo(10) },
    { id: 8, categories: ['day_hosting'], updatedAt: daysAgo(10) },
    // No service: the territory only.
    { id: 9, updatedAt: daysAgo(10) },
    // Far away, with every essential.
    { id: 10, at: north(50_000), categories: ['food_distribution', 'toilets', 'general_practitioner'], updatedAt: daysAgo(10) },
  ];
  let index: QualityIndex;
  let db: MirrorDatabase;
  beforeAll(() => {
    db = mirrorOf('exhaustiveness', specs);
    index = qualityIndex(db, options({ essentialCategories: ESSENTIALS }));
  });

  it('counts places just inside the radius and not those just outside, north and east', () => {
    expect(index.territory.exhaustiveness?.essential).toEqual([
      { category: 'food_distribution', placesWithin: 2 }, // 5 and 6
      { category: 'shower', placesWithin: 2 }, // 1 (2 990 m) and 6
      { category: 'toilets', placesWithin: 0 }, // 2 and 4 at 3 010 m
      { category: 'laundry', placesWithin: 1 }, // 3 (2 990 m east)
      { category: 'physical_health', placesWithin: 1 }, // 7, general_practitioner below it
      { category: 'not_in_taxonomy', placesWithin: 0 },
    ]);
  });

  it('lists missing essentials, unknown ones included, and scores the covered share', () => {
    expect(index.territory.exhaustiveness?.missing).toEqual(['toilets', 'not_in_taxonomy']);
    expect(index.territory.exhaustiveness?.radiusMetres).toBe(3000);
    // 4 covered of 6: 5 × 4 / 6 = 3.33… → 3.3.
    expect(index.territory.scores.exhaustiveness).toBe(3.3);
  });

  it('finds toilets once the radius reaches them', () => {
    const wider = qualityIndex(db, options({ essentialCategories: ESSENTIALS, radiusMetres: 3020 }));
    expect(wider.territory.exhaustiveness?.essential.find((entry) => entry.category === 'toilets')?.placesWithin).toBe(2);
  });

  it('gives one scope per root category in display order, each with only its places', () => {
    expect(index.categories.map((scope) => [scope.id, scope.placeCount])).toEqual([
      ['welcome', 1], // 8
      ['hygiene_and_wellness', 6], // 1, 2, 3, 4, 6, 10
      ['food', 3], // 5, 6, 10
      ['health', 2], // 7, 10
    ]);
    expect(index.territory.placeCount).toBe(10);
    const hygiene = index.categories[1];
    // Phones at 1, 2, 3, 4 of 6; recent 1, 6 and 10 of 6 (2, 3, 4 are 400 days old): 5 × 3 / 6 = 2.5.
    expect(hygiene?.completeness.phone).toBeCloseTo(4 / 6, 12);
    expect(hygiene?.recency.ages.over12m).toBe(3);
    expect(hygiene?.recency.recentShare).toBeCloseTo(3 / 6, 12);
    expect(hygiene?.scores.recency).toBe(2.5);
    expect(index.categories[2]?.completeness.phone).toBe(0);
  });

  it('measures a root’s exhaustiveness over its own essentials, and gives null to a root with none', () => {
    const [welcome, hygiene, food, health] = index.categories;
    expect(welcome?.exhaustiveness).toBeNull();
    expect(welcome?.scores.exhaustiveness).toBeNull();
    expect(hygiene?.exhaustiveness?.essential.map((entry) => entry.category)).toEqual(['shower', 'toilets', 'laundry']);
    expect(hygiene?.exhaustiveness?.missing).toEqual(['toilets']);
    // 2 of 3: 5 × 2 / 3 = 3.33… → 3.3.
    expect(hygiene?.scores.exhaustiveness).toBe(3.3);
    expect(food?.scores.exhaustiveness).toBe(5);
    expect(health?.exhaustiveness?.essential).toEqual([{ category: 'physical_health', placesWithin: 1 }]);
  });

  it('works on the read-only connection the kiosk side holds', () => {
    const reader = openMirror(join(dir, 'exhaustiveness.sqlite'), { readonly: true });
    opened.push(reader);
    expect(qualityIndex(reader, options({ essentialCategories: ESSENTIALS }))).toEqual(index);
  });

  it('is the same computed in a worker thread, on its own read-only connection', async () => {
    expect(await qualityIndexInWorker(join(dir, 'exhaustiveness.sqlite'), options({ essentialCategories: ESSENTIALS }))).toEqual(index);
  });

  it('rejects, naming the worker and the cause, when the worker cannot read the mirror', async () => {
    await expect(qualityIndexInWorker(join(dir, 'no-such-mirror.sqlite'), options())).rejects.toThrow(/quality-worker crashed: .*unable to open database file/s);
  });

  it('reads the essential services through the index on service categories', () => {
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${ESSENTIALS_IN_BOX_SQL}`)
      .all({ essentials: '["shower"]', south: 0, north: 90, west: 0, east: 90 }) as { detail: string }[];
    expect(plan.map((row) => row.detail).join('\n')).toMatch(/services_by_category/);
  });
});

describe('edge cases', () => {
  const numbersIn = (value: unknown): number[] =>
    typeof value === 'number' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(numbersIn) : [];

  it('scores an empty mirror 0 everywhere, with no NaN', () => {
    const index = qualityIndex(mirrorOf('empty', []), options({ essentialCategories: ['shower', 'food_distribution'] }));
    expect(index.territory.placeCount).toBe(0);
    expect(index.territory.scores).toEqual({ recency: 0, completeness: 0, exhaustiveness: 0 });
    expect(index.territory.recency.recentShare).toBe(0);
    expect(index.territory.recency.ages).toEqual({ under1m: 0, '1to3m': 0, '3to6m': 0, '6to12m': 0, over12m: 0, unknown: 0 });
    expect(Object.values(index.territory.completeness)).toEqual([0, 0, 0, 0, 0]);
    expect(index.territory.exhaustiveness?.missing).toEqual(['shower', 'food_distribution']);
    expect(index.categories.map((scope) => scope.placeCount)).toEqual([0, 0, 0, 0]);
    expect(index.categories.map((scope) => scope.scores.recency)).toEqual([0, 0, 0, 0]);
    expect(numbersIn(index).every(Number.isFinite)).toBe(true);
    expect(index.oldestPlaces).toEqual([]);
    expect(index.computedAt).toBe('2026-11-24T10:00:00.000Z');
  });

  it('has no category scopes and no exhaustiveness without a taxonomy nor essentials', () => {
    const index = qualityIndex(mirrorOf('bare', [{ id: 1 }], []), options());
    expect(index.categories).toEqual([]);
    expect(index.territory.exhaustiveness).toBeNull();
    expect(index.territory.scores.exhaustiveness).toBeNull();
    expect(index.territory.scores.recency).toBe(5);
  });
});

describe('oldest places', () => {
  it('lists unknown dates first, then the oldest, ties by id, at most 50', () => {
    const specs: PlaceSpec[] = [
      { id: 7, updatedAt: null },
      { id: 3, updatedAt: 'garbage' },
      { id: 4, updatedAt: daysAgo(500) },
      { id: 2, updatedAt: daysAgo(500) },
      { id: 9, updatedAt: daysAgo(900) },
      // With an offset: 2025-11-24T09:00Z, a year and an hour before NOW.
      { id: 5, updatedAt: '2025-11-24T11:00:00+02:00' },
      ...range(100, 60).map((id) => ({ id, updatedAt: daysAgo(1) })),
    ];
    const { oldestPlaces } = qualityIndex(mirrorOf('oldest', specs), options());
    expect(oldestPlaces).toHaveLength(50);
    expect(oldestPlaces.slice(0, 7)).toEqual([
      { id: 3, name: 'Lieu 3', updatedAt: 'garbage' },
      { id: 7, name: 'Lieu 7', updatedAt: null },
      { id: 9, name: 'Lieu 9', updatedAt: daysAgo(900) },
      { id: 2, name: 'Lieu 2', updatedAt: daysAgo(500) },
      { id: 4, name: 'Lieu 4', updatedAt: daysAgo(500) },
      { id: 5, name: 'Lieu 5', updatedAt: '2025-11-24T11:00:00+02:00' },
      { id: 100, name: 'Lieu 100', updatedAt: daysAgo(1) },
    ]);
    expect(oldestPlaces.at(-1)?.id).toBe(143);
  });
});

describe('default essential categories', () => {
  it('are ten leaf categories of the Soliguide taxonomy', () => {
    const taxonomy = JSON.parse(readFileSync(join(import.meta.dirname, '../../sync/demo/demo-taxonomy.json'), 'utf8')) as ApiCategoryNode[];
    const leaves = new Set<string>();
    const visit = (node: ApiCategoryNode): void => {
      if (node.children.length === 0) leaves.add(node.id);
      node.children.forEach(visit);
    };
    taxonomy.forEach(visit);
    expect(DEFAULT_ESSENTIAL_CATEGORIES).toHaveLength(10);
    for (const id of DEFAULT_ESSENTIAL_CATEGORIES) expect(leaves, id).toContain(id);
  });
});
