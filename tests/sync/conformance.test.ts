/**
 * Conformance: a full pass over Soliguide's own test places (../shared/soliguide/fixtures, the
 * exact API shapes) served by the stand-in, and what the mirror then holds for each of them.
 * Expected values come from the fixture files.
 */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeConformance, hasSharedCorpus, SHARED_FIXTURES } from '../support/shared-corpus';
import type { StoredPlace, StoredTranslation } from '../stand-in/stand-in-server';
import { startHarness, type Harness } from '../support/sync-harness';
import type { SyncSummary } from '../../sync/run-sync';
import { holidayCalendar } from '../../sync/holidays/french-holidays';
import { placeView } from '../../sync/read/place-view';

const FIXTURES = SHARED_FIXTURES;
type Json = Record<string, any>; // `any`: fixture JSON read field by field

const read = <T>(name: string): T => JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8')) as T;

let harness: Harness;
let summary: SyncSummary;
let db: Database.Database;
let searchable: Json[];
let itineraries: Json[];
let statuses: Record<string, Json>;

beforeAll(async () => {
  if (!hasSharedCorpus()) return;
  const stored = read<StoredPlace[]>('places-db.json');
  harness = await startHarness({ places: stored, translations: read<StoredTranslation[]>('translated-places-db.json') });
  summary = await harness.sync('full');
  db = new Database(harness.mirrorPath, { readonly: true });
  // What a territory-75 account can receive from search (fixtures/README.md): places.json.
  const items = read<Json[]>('places.json');
  const storedById = new Map((stored as unknown as Json[]).map((p) => [p.lieu_id, p]));
  searchable = items.filter((p) => storedById.get(p.lieu_id)?.placeType !== 'PARCOURS_MOBILE' && p.position.departmentCode === '75');
  itineraries = items.filter((p) => storedById.get(p.lieu_id)?.placeType === 'PARCOURS_MOBILE' && p.position.departmentCode === '75');
  statuses = read<Record<string, Json>>('place-get-status-for-api-user.json');
});

afterAll(async () => {
  db?.close();
  await harness?.close();
});

describeConformance('a full pass over Soliguide’s test database', () => {
  it('succeeds and holds exactly the places a territory-75 partner can see', () => {
    expect(summary).toMatchObject({ ok: true, error: null, quarantined: 0 });
    const expected = [...searchable, ...itineraries].map((p) => p.lieu_id).sort((a, b) => a - b);
    expect(db.prepare('SELECT lieu_id FROM places ORDER BY lieu_id').pluck().all()).toEqual(expected);
    expect(summary.places).toBe(expected.length);
    expect(summary.added).toBe(expected.length);
  });

  it('keeps names, coordinates, postal codes and services as the API gave them', () => {
    const row = db.prepare('SELECT name, latitude, longitude, postal_code, city, time_zone FROM places WHERE lieu_id = ?');
    const services = db.prepare('SELECT category_id FROM services WHERE lieu_id = ? ORDER BY position').pluck();
    for (const place of searchable) {
      expect(row.get(place.lieu_id), `place ${place.lieu_id}`).toEqual({
        name: place.name.trim(),
        latitude: place.position.location.coordinates[1],
        longitude: place.position.location.coordinates[0],
        postal_code: place.position.postalCode,
        city: place.position.city,
        time_zone: place.position.timeZone,
      });
      expect(services.all(place.lieu_id)).toEqual(place.services_all.map((s: Json) => s.category));
    }
  });

  it('never stores the street address of a place on referral, anywhere in the mirror', () => {
    const onReferral = searchable.filter((p) => p.modalities?.orientation?.checked === true);
    expect(onReferral.length).toBeGreaterThan(0);
    for (const place of onReferral) {
      const street = (place.position.adresse as string).split(',')[0] as string;
      const dump = JSON.stringify(db.prepare('SELECT * FROM places WHERE lieu_id = ?').get(place.lieu_id));
      expect(dump, `place ${place.lieu_id}`).not.toContain(street);
    }
  });

  it('marks itineraries as mobile services', () => {
    for (const place of itineraries) {
      expect(db.prepare('SELECT place_type FROM places WHERE lieu_id = ?').pluck().get(place.lieu_id)).toBe('PARCOURS_MOBILE');
    }
  });

  it('reads spoken languages through GET /place for the places the account may read', () => {
    const readable = Object.entries(statuses).filter(([, s]) => s.getStatusForApiUser75 === 200).map(([id]) => Number(id));
    const multilingual = read<Json[]>('place-details.json').find((p) => p.lieu_id === 22) as Json;
    expect(readable).toContain(22);
    expect(db.prepare('SELECT language FROM place_languages WHERE lieu_id = 22 ORDER BY language').pluck().all()).toEqual(
      [...multilingual.languages].sort(),
    );
    expect(db.prepare('SELECT count(*) FROM place_details').pluck().get()).toBeGreaterThan(0);
  });

  it('stores Arabic translations that differ from the French, right-to-left, without inline styles', () => {
    const rows = db.prepare("SELECT html, text FROM place_translations WHERE language = 'ar'").all() as { html: string | null; text: string }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.html ?? '').not.toMatch(/style=|<script|<a /);
    }
    expect(rows.some((row) => row.html?.includes('dir="rtl"'))).toBe(true);
  });

  it('indexes every place for accent-insensitive search and by position', () => {
    const count = db.prepare('SELECT count(*) FROM places').pluck().get();
    expect(db.prepare('SELECT count(*) FROM places_fts').pluck().get()).toBe(count);
    expect(db.prepare('SELECT count(DISTINCT lieu_id) FROM search_points').pluck().get()).toBe(db.prepare('SELECT count(DISTINCT lieu_id) FROM services').pluck().get());
    expect(db.prepare("SELECT count(*) FROM places_fts WHERE places_fts MATCH 'hebergement'").pluck().get()).toBeGreaterThan(0);
  });

  it('reads place 6 (closed since March 2022, until further notice) as temporarily closed, and place 7 as open on Monday morning', () => {
    const context = (now: string) => ({
      language: 'fr',
      now: new Date(now),
      origin: { latitude: 48.8666, longitude: 2.3522 },
      holidaysOf: holidayCalendar,
    });
    expect(placeView(db, 6, context('2026-11-23T10:00+01:00'))?.state).toEqual({ kind: 'temporarily-closed', untilDay: null });
    expect(placeView(db, 7, context('2026-11-23T10:00+01:00'))?.state).toEqual({ kind: 'open', until: new Date('2026-11-23T17:00+01:00').toISOString() });
    expect(placeView(db, 7, context('2026-11-24T10:00+01:00'))?.state).toEqual({
      kind: 'closed-today',
      nextOpening: new Date('2026-11-30T08:00+01:00').toISOString(),
      holiday: null,
    });
  });

  it('records the run and the data date', () => {
    expect(db.prepare("SELECT kind, outcome, places FROM sync_runs ORDER BY run_id DESC LIMIT 1").get()).toEqual({
      kind: 'full',
      outcome: 'success',
      places: summary.places,
    });
    expect(db.prepare("SELECT value FROM mirror_meta WHERE key = 'data_date'").pluck().get()).toBe('2026-11-22T04:30:00.000Z');
  });
});
