import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, MirrorTooNewError, readMigrations, schemaVersion } from '../../sync/migrations';
import { openMirror } from '../../sync/mirror-database';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mirror-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Our own JSON shapes of access conditions and audience (sync/soliguide/conditions.ts), as the mapping stores them. */
const ACCESS = JSON.stringify({
  unconditional: true, appointment: { required: false, details: null }, registration: { required: false, details: null },
  referral: { required: false, details: null }, fee: { required: null, details: null }, animalsWelcome: null, wheelchairAccessible: null,
  heated: null, airConditioned: null, otherHtml: null, otherText: null,
});
const AUDIENCE = JSON.stringify({ policy: 'everyone', ageMin: 0, ageMax: 99, genders: [], administrative: [], family: [], other: [], description: null });

/** A database migrated up to `version` exactly. */
function databaseAt(version: number): Database.Database {
  const db = new Database(join(dir, `v${version}.sqlite`));
  migrate(db, readMigrations().slice(0, version));
  return db;
}

describe('mirror migrations', () => {
  it('are numbered without gaps and bring a new file to the latest version', () => {
    const versions = readMigrations().map((m) => m.version);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
    const db = openMirror(join(dir, 'new.sqlite'));
    expect(schemaVersion(db)).toBe(versions.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('0001 stores mirror facts by key', () => {
    const db = databaseAt(1);
    db.prepare("INSERT INTO mirror_meta (key, value) VALUES ('data_date', '2026-11-24T03:30:00.000Z')").run();
    expect(db.prepare("SELECT value FROM mirror_meta WHERE key = 'data_date'").pluck().get()).toBe('2026-11-24T03:30:00.000Z');
    expect(() => db.prepare("INSERT INTO mirror_meta (key, value) VALUES ('x', X'00')").run()).toThrow(/cannot store BLOB value in TEXT column/);
    db.close();
  });

  it('0002 stores the category DAG, a child under two parents included', () => {
    const db = databaseAt(2);
    db.exec(`INSERT INTO categories (id, root_rank) VALUES ('health', 900), ('mental_health', NULL), ('health_specialists', NULL), ('psychiatry', NULL);
             INSERT INTO category_links VALUES ('health', 'mental_health', 300), ('health', 'health_specialists', 700),
               ('mental_health', 'psychiatry', 200), ('health_specialists', 'psychiatry', 1200);`);
    expect(db.prepare("SELECT parent_id FROM category_links WHERE child_id = 'psychiatry' ORDER BY parent_id").pluck().all()).toEqual([
      'health_specialists',
      'mental_health',
    ]);
    db.close();
  });

  it('0003 stores places with their services, hours, notices, phones and translations, removed with their place', () => {
    const db = databaseAt(3);
    db.pragma('foreign_keys = ON');
    db.exec(`INSERT INTO places (lieu_id, seo_url, name, place_type, latitude, longitude, address, postal_code, city,
               department_code, country, time_zone, on_referral, closed_on_holidays, modalities_json, publics_json,
               category_text, content_hash)
               VALUES (6, 'lieu-6', 'LIEU_INFOS_TEMP_ACTIVE', 'LIEU', 48.86, 2.35, NULL, '75003', 'Paris', '75', 'fr',
               'Europe/Paris', 1, 'UNKNOWN', '{}', '{}', 'food', 'h1');
             INSERT INTO services (service_id, lieu_id, position, category_id, has_own_hours, modalities_json, publics_json)
               VALUES ('s1', 6, 0, 'food_distribution', 1, '{}', '{}');
             INSERT INTO opening_slots VALUES (6, NULL, 'regular', 480, 1020), (6, 's1', 'regular', 600, 720);
             INSERT INTO temporary_notices (lieu_id, kind, start_day, end_day, title) VALUES (6, 'closure', '2022-03-03', NULL, NULL);
             INSERT INTO place_phones VALUES (6, 0, NULL, '142033003', 'fr', 0);
             INSERT INTO place_languages VALUES (6, 'ar');
             INSERT INTO place_sources VALUES (6, 'dora', 1, 'Licence Ouverte', NULL);
             INSERT INTO place_translations VALUES (6, 'en', 'description', '<p>Hello</p>', 'Hello');`);
    expect(db.prepare('SELECT name, address, on_referral FROM places WHERE lieu_id = 6').get()).toEqual({
      name: 'LIEU_INFOS_TEMP_ACTIVE',
      address: null,
      on_referral: 1,
    });
    expect(db.prepare('SELECT start_minute, end_minute FROM opening_slots WHERE service_id = ?').get('s1')).toEqual({ start_minute: 600, end_minute: 720 });
    expect(() => db.exec("INSERT INTO opening_slots VALUES (6, NULL, 'regular', 700, 600)")).toThrow(/CHECK constraint failed/);
    expect(() => db.exec("UPDATE places SET place_type = 'BUS' WHERE lieu_id = 6")).toThrow(/CHECK constraint failed/);
    db.exec('DELETE FROM places WHERE lieu_id = 6');
    for (const table of ['services', 'opening_slots', 'temporary_notices', 'place_phones', 'place_languages', 'place_sources', 'place_translations']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    db.close();
  });

  it('0004 finds places by accent-folded prefixes and by bounding box', () => {
    const db = databaseAt(4);
    db.exec(`INSERT INTO places_fts (rowid, name, categories, description) VALUES
               (1, 'Épicerie sociale du Neudorf', 'food Alimentation', 'Produits frais'),
               (2, 'Bains-douches municipaux', 'shower Douche', '');
             INSERT INTO places_rtree VALUES (1, 48.57, 48.57, 7.76, 7.76), (2, 48.60, 48.60, 7.70, 7.70);`);
    expect(db.prepare("SELECT rowid FROM places_fts WHERE places_fts MATCH 'epic*'").pluck().all()).toEqual([1]);
    expect(db.prepare("SELECT rowid FROM places_fts WHERE places_fts MATCH 'douche*'").pluck().all()).toEqual([2]);
    expect(
      db.prepare('SELECT lieu_id FROM places_rtree WHERE min_latitude >= 48.56 AND max_latitude <= 48.58 AND min_longitude >= 7.75 AND max_longitude <= 7.77').pluck().all(),
    ).toEqual([1]);
    db.close();
  });

  it('0005 logs sync runs, their quarantined records, and GET ETags', () => {
    const db = databaseAt(5);
    db.exec(`INSERT INTO sync_runs (run_id, kind, started_at, outcome) VALUES (1, 'full', '2026-11-22T03:30:00Z', 'running');
             INSERT INTO quarantined_records VALUES (1, 42, 'name: expected string', '{"lieu_id":42}');`);
    db.exec("UPDATE sync_runs SET outcome = 'failed', error = 'POST /new-search failed' WHERE run_id = 1");
    expect(db.prepare('SELECT outcome, error FROM sync_runs').get()).toEqual({ outcome: 'failed', error: 'POST /new-search failed' });
    expect(() => db.exec("INSERT INTO sync_runs (kind, started_at, outcome) VALUES ('weekly', 'x', 'running')")).toThrow(/CHECK constraint failed/);
    expect(db.prepare('SELECT reason FROM quarantined_records WHERE run_id = 1').pluck().get()).toBe('name: expected string');
    db.close();
  });

  it('0006 rebuilds search rows of a mirror written before it: points per service, area cells in the full text, towns', () => {
    const db = databaseAt(5);
    db.exec(`INSERT INTO places (lieu_id, seo_url, name, place_type, latitude, longitude, address, postal_code, city,
               department_code, country, time_zone, on_referral, closed_on_holidays, modalities_json, publics_json,
               category_text, content_hash)
               VALUES (7, 'lieu-7', 'Épicerie sociale', 'LIEU', 48.57, 7.76, '1 rue', '67100', 'Strasbourg', '67', 'fr',
               'Europe/Paris', 0, 'CLOSED', '{}', '{}', 'food Alimentation', 'h');
             INSERT INTO services (service_id, lieu_id, position, category_id, has_own_hours, modalities_json, publics_json)
               VALUES ('7/a', 7, 0, 'social_grocery_stores', 0, '${ACCESS}', '${AUDIENCE}');
             INSERT INTO opening_slots VALUES (7, NULL, 'regular', 540, 720);
             INSERT INTO places_fts (rowid, name, categories, description) VALUES (7, 'Épicerie sociale', 'food', '');`);
    db.close();
    const migrated = openMirror(join(dir, 'v5.sqlite'));
    expect(schemaVersion(migrated)).toBe(readMigrations().length);
    expect(migrated.prepare('SELECT category_id, lieu_id, length(week), closed_on_holidays, traits > 0 AS traits FROM search_points').all()).toEqual([
      { category_id: 'social_grocery_stores', lieu_id: 7, 'length(week)': 6, closed_on_holidays: 1, traits: 1 },
    ]);
    expect(migrated.prepare("SELECT rowid FROM places_fts WHERE places_fts MATCH 'epic* AND f1385x1877'").pluck().all()).toEqual([7]);
    expect(migrated.prepare('SELECT city, postal_code, place_count FROM towns').all()).toEqual([{ city: 'Strasbourg', postal_code: '67100', place_count: 1 }]);
    expect(migrated.prepare("SELECT term FROM places_vocabulary WHERE term = 'epicerie'").pluck().all()).toEqual(['epicerie']);
    migrated.close();
  });

  it('0007 keeps anonymous reports: place, reason and day, nothing else, and only the four reasons', () => {
    const db = databaseAt(7);
    db.prepare("INSERT INTO place_reports (lieu_id, reason, day) VALUES (7, 'moved', '2026-11-24')").run();
    expect(db.prepare('SELECT lieu_id, reason, day FROM place_reports').all()).toEqual([{ lieu_id: 7, reason: 'moved', day: '2026-11-24' }]);
    expect(() => db.prepare("INSERT INTO place_reports (lieu_id, reason, day) VALUES (7, 'rude', '2026-11-24')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO place_reports (lieu_id, reason, day) VALUES (7, 'other', '2026-11-24T10:31')").run()).toThrow(/CHECK/);
    db.close();
  });

  it('refuses a database written by a newer kiosk and leaves it untouched', () => {
    const file = join(dir, 'future.sqlite');
    const future = new Database(file);
    future.pragma('user_version = 999');
    future.exec('CREATE TABLE from_the_future (x TEXT) STRICT');
    future.close();
    expect(() => openMirror(file)).toThrow(MirrorTooNewError);
    const check = new Database(file, { readonly: true });
    expect(schemaVersion(check)).toBe(999);
    expect(check.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'mirror_meta'").pluck().get()).toBe(0);
    check.close();
  });

  it('rolls back a failing migration as a whole and keeps the previous version', () => {
    const migrationsDir = join(dir, 'migrations');
    mkdirSync(migrationsDir);
    writeFileSync(join(migrationsDir, '0001-good.sql'), 'CREATE TABLE a (x TEXT) STRICT;');
    writeFileSync(join(migrationsDir, '0002-bad.sql'), 'CREATE TABLE b (x TEXT) STRICT; INSERT INTO nowhere VALUES (1);');
    const db = new Database(join(dir, 'partial.sqlite'));
    expect(() => migrate(db, readMigrations(migrationsDir))).toThrow(/no such table: nowhere/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'b'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a numbering gap', () => {
    const migrationsDir = join(dir, 'gap');
    mkdirSync(migrationsDir);
    writeFileSync(join(migrationsDir, '0001-a.sql'), 'SELECT 1;');
    writeFileSync(join(migrationsDir, '0003-c.sql'), 'SELECT 1;');
    expect(() => readMigrations(migrationsDir)).toThrow(/without gaps; found 0003-c.sql at position 2/);
  });
});
