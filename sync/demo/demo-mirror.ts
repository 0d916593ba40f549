/**
 * The demo mirror: a complete mirror file generated locally from the embedded taxonomy and
 * fictional places, so that the kiosk runs with no network and no token. It is written to a
 * temporary file and renamed into place, like a real sync publishes.
 */
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { replaceCategories, type ApiCategoryNode } from '../categories/store-categories';
import { openMirror } from '../mirror-database';
import { readMeta, writeMeta } from '../mirror-queries';
import { schemaVersion } from '../migrations';
import Database from 'better-sqlite3';
import { generateDemoPlaces, type DemoArea } from './demo-places';

/** Bump when the generated content changes, so that existing demo mirrors are regenerated. */
export const DEMO_GENERATOR_VERSION = '1';
export const DEMO_PLACE_COUNT = 240;

const TAXONOMY_FILE = fileURLToPath(new URL('./demo-taxonomy.json', import.meta.url));

export function demoTaxonomy(): ApiCategoryNode[] {
  return JSON.parse(readFileSync(TAXONOMY_FILE, 'utf8')) as ApiCategoryNode[];
}

export class NotADemoMirrorError extends Error {
  constructor(file: string) {
    super(
      `${file} holds a real Soliguide mirror; demo mode will not overwrite it. ` +
        'Give the demo configuration its own mirror.path.',
    );
    this.name = 'NotADemoMirrorError';
  }
}

function upToDateDemo(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (schemaVersion(db) === 0) return false;
    const source = readMeta(db, 'source');
    if (source !== 'demo') throw new NotADemoMirrorError(file);
    return readMeta(db, 'demo_generator') === DEMO_GENERATOR_VERSION;
  } catch (error) {
    if (error instanceof NotADemoMirrorError) throw error;
    return false; // unreadable or older schema: a demo mirror is cheap to make again
  } finally {
    db.close();
  }
}

/** Makes sure `file` holds the current demo mirror; returns true when it was (re)generated. */
export function ensureDemoMirror(file: string, area: DemoArea, now: Date): boolean {
  if (upToDateDemo(file)) return false;
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  rmSync(temporary, { force: true });
  const db = openMirror(temporary);
  try {
    const taxonomy = demoTaxonomy();
    const places = generateDemoPlaces(taxonomy, area, DEMO_PLACE_COUNT);
    db.transaction(() => {
      replaceCategories(db, taxonomy);
      const insertPlace = db.prepare(
        `INSERT INTO places (lieu_id, name, latitude, longitude, address, postal_code, city, department_code, updated_at)
         VALUES (@lieuId, @name, @latitude, @longitude, @address, @postalCode, @city, @departmentCode, @updatedAt)`,
      );
      const insertService = db.prepare('INSERT INTO services (service_id, lieu_id, category_id) VALUES (?, ?, ?)');
      for (const place of places) {
        insertPlace.run({ ...place, updatedAt: now.toISOString() });
        place.categories.forEach((category, index) => insertService.run(`${place.lieuId}-${index}`, place.lieuId, category));
      }
      writeMeta(db, 'source', 'demo');
      writeMeta(db, 'demo_generator', DEMO_GENERATOR_VERSION);
      writeMeta(db, 'data_date', now.toISOString());
    })();
    // Fold the WAL into the file before the rename, so the published file is complete on its own.
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
  renameSync(temporary, file);
  for (const suffix of ['-wal', '-shm']) rmSync(temporary + suffix, { force: true });
  return true;
}
