/**
 * A full pass of 1 000 generated places from the stand-in, compared field by field with the
 * generator's stored documents — the truth — for every place, hidden ones included. The expected
 * values are computed here from the stored documents with plain rules of API.md, not by the
 * mapping code under test.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDirectory, trapsOf, type StoredPlace } from '../../sync/generator/generate-directory';
import type { SyncSummary } from '../../sync/run-sync';
import { startHarness, type Harness } from '../support/sync-harness';

type Json = Record<string, any>; // `any`: stored documents read field by field

const NOW = new Date('2026-11-22T04:30:00Z');
const ACCOUNT_DEPARTMENTS = ['67', '974'];

let harness: Harness;
let summary: SyncSummary;
let db: Database.Database;
let places: Json[];

/** Minutes after midnight of an HHMM value (number or legacy string); 2359 is 24:00. */
function minutes(value: unknown): number {
  const hhmm = typeof value === 'number' ? value : Number.parseInt(String(value).replace(/[:h]/g, ''), 10);
  return hhmm === 2359 ? 1440 : Math.floor(hhmm / 100) * 60 + (hhmm % 100);
}

/** Open minutes a week, from the stored week (an unsplit overnight slot runs past midnight). */
function openMinutes(week: Json | null | undefined): number {
  let total = 0;
  for (const day of ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']) {
    for (const slot of week?.[day]?.timeslot ?? []) {
      const start = minutes(slot.start);
      const end = minutes(slot.end);
      total += end > start ? end - start : end < start ? 1440 - start + end : 0;
    }
  }
  return total;
}

function visibleToPartner(place: Json): boolean {
  return (
    place.status === 'ONLINE' &&
    place.visibility === 'ALL' &&
    ACCOUNT_DEPARTMENTS.includes(place.position.departmentCode) &&
    place.services_all.length > 0
  );
}

beforeAll(async () => {
  const directory = generateDirectory({ count: 1000, seed: 2026, departments: ['67', '974', '68'], now: NOW });
  places = directory.places as unknown as Json[];
  harness = await startHarness({ places: directory.places as StoredPlace[], translations: directory.translations, departments: ACCOUNT_DEPARTMENTS }, () => NOW);
  summary = await harness.sync('full', { pageSize: 100 });
  db = new Database(harness.mirrorPath, { readonly: true });
});

afterAll(async () => {
  db?.close();
  await harness?.close();
});

describe('a full pass of 1 000 generated places', () => {
  it('succeeds and holds exactly the places a partner of departments 67 and 974 can see', () => {
    expect(summary).toMatchObject({ ok: true, quarantined: 0 });
    const expected = places.filter(visibleToPartner).map((p) => p.lieu_id as number).sort((a, b) => a - b);
    const hidden = places.filter((p) => !visibleToPartner(p));
    expect(hidden.length).toBeGreaterThan(100); // drafts, offline, PRO, closed, department 68
    expect(db.prepare('SELECT lieu_id FROM places ORDER BY lieu_id').pluck().all()).toEqual(expected);
  });

  it('matches the stored documents field by field for every visible place', () => {
    const row = db.prepare('SELECT * FROM places WHERE lieu_id = ?');
    const services = db.prepare('SELECT category_id FROM services WHERE lieu_id = ? ORDER BY position').pluck();
    const regularMinutes = db.prepare("SELECT coalesce(sum(end_minute - start_minute), 0) FROM opening_slots WHERE lieu_id = ? AND service_id IS NULL AND schedule = 'regular'").pluck();
    const notices = db.prepare('SELECT kind FROM temporary_notices WHERE lieu_id = ? ORDER BY kind').pluck();
    const phones = db.prepare('SELECT count(*) FROM place_phones WHERE lieu_id = ?').pluck();
    const sources = db.prepare('SELECT name FROM place_sources WHERE lieu_id = ? ORDER BY name').pluck();
    const languages = db.prepare('SELECT language FROM place_languages WHERE lieu_id = ? ORDER BY language').pluck();
    for (const place of places.filter(visibleToPartner)) {
      const id = place.lieu_id as number;
      const mirror = row.get(id) as Json;
      const onReferral = place.modalities?.orientation?.checked === true;
      const itinerary = place.placeType === 'PARCOURS_MOBILE';
      expect(
        {
          name: mirror.name,
          type: mirror.place_type,
          latitude: mirror.latitude,
          longitude: mirror.longitude,
          address: mirror.address,
          postal: mirror.postal_code,
          city: mirror.city,
          department: mirror.department_code,
          zone: mirror.time_zone,
          referral: mirror.on_referral,
          holidays: mirror.closed_on_holidays,
          updated: mirror.updated_at,
        },
        `place ${id}`,
      ).toEqual({
        name: String(place.name).trim(),
        type: itinerary ? 'PARCOURS_MOBILE' : 'LIEU',
        latitude: place.position.location.coordinates[1],
        longitude: place.position.location.coordinates[0],
        address: onReferral ? null : place.position.address,
        postal: place.position.postalCode,
        city: place.position.city,
        department: place.position.departmentCode,
        zone: place.position.timeZone,
        referral: onReferral ? 1 : 0,
        holidays: ['CLOSED', 'OPEN'].includes(place.newhours?.closedHolidays) ? place.newhours.closedHolidays : 'UNKNOWN',
        updated: place.updatedAt ?? null,
      });
      expect(services.all(id), `services of ${id}`).toEqual(place.services_all.map((s: Json) => s.category));
      expect(regularMinutes.get(id), `open minutes of ${id}`).toBe(openMinutes(place.newhours));
      const announced = (['closure', 'hours', 'message'] as const).filter((kind) => place.tempInfos?.[kind]?.actif && place.tempInfos[kind].dateDebut);
      expect(notices.all(id), `notices of ${id}`).toEqual([...announced].sort());
      expect(phones.get(id), `phones of ${id}`).toBe((place.entity?.phones ?? []).filter((p: Json) => String(p.phoneNumber ?? '').trim() !== '').length);
      expect(sources.all(id), `sources of ${id}`).toEqual([...new Set((place.sources ?? []).map((s: Json) => s.name))].sort());
      if (!itinerary) expect(languages.all(id), `languages of ${id}`).toEqual([...new Set(place.languages as string[])].sort());
      if (mirror.description_html !== null) expect(mirror.description_html).not.toMatch(/<script|on\w+=|style=|javascript:|<a /i);
    }
  });

  it('covered the traps: orientation, itineraries, overseas time zone, scripts in descriptions, translations', () => {
    const visible = places.filter(visibleToPartner) as StoredPlace[];
    const traps = new Set(visible.flatMap((place) => trapsOf(place, NOW)));
    for (const trap of ['orientation', 'itinerary', 'nonParisTimeZone', 'scriptInDescription']) expect([...traps]).toContain(trap);
    expect(db.prepare("SELECT count(*) FROM place_translations WHERE language = 'ar'").pluck().get()).toBeGreaterThan(0);
    expect(db.prepare("SELECT count(DISTINCT time_zone) FROM places").pluck().get()).toBe(2);
  });
});
