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

  it('0003 stores places and their services, and removes services with their place', () => {
    const db = databaseAt(3);
    db.pragma('foreign_keys = ON');
    db.exec(`INSERT INTO places (lieu_id, name, latitude, longitude, address, postal_code, city, department_code)
               VALUES (6, 'LIEU_INFOS_TEMP_ACTIVE', 48.86, 2.35, NULL, '75003', 'Paris', '75');
             INSERT INTO services (service_id, lieu_id, category_id) VALUES ('s1', 6, 'food_distribution');`);
    const place = db.prepare('SELECT name, address, time_zone FROM places WHERE lieu_id = 6').get();
    expect(place).toEqual({ name: 'LIEU_INFOS_TEMP_ACTIVE', address: null, time_zone: 'Europe/Paris' });
    db.exec('DELETE FROM places WHERE lieu_id = 6');
    expect(db.prepare('SELECT count(*) FROM services').pluck().get()).toBe(0);
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
