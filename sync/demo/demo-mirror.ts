/**
 * The demo mirror: a complete mirror generated locally by the same generator the stand-in API
 * serves, ingested through the same mapping as real Soliguide data, so the kiosk runs with no
 * network and no token. Place names end in "(démo)" and the mirror is marked as demo. It is
 * written to a temporary file and renamed into place, like a real sync publishes.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { replaceCategories, type ApiCategoryNode } from '../categories/store-categories';
import { generateDirectory } from '../generator/generate-directory';
import { openMirror } from '../mirror-database';
import { readMeta, writeMeta } from '../mirror-queries';
import { createMirrorWriter, refreshDerivedIndexes, resetChangedIds } from '../mirror-writer';
import { schemaVersion } from '../migrations';
import { categoryTextFor } from '../soliguide/category-text';
import { mapPlace } from '../soliguide/map-place';
import { rawPlaceSchema } from '../soliguide/partner-place';
import { finishRun, startRun } from '../sync-runs';

/** Bump when the generated content changes, so that existing demo mirrors are regenerated. */
export const DEMO_GENERATOR_VERSION = '2';
export const DEMO_PLACE_COUNT = 600;
const DEMO_SEED = 67;

const TAXONOMY_FILE = fileURLToPath(new URL('./demo-taxonomy.json', import.meta.url));

export function demoTaxonomy(): ApiCategoryNode[] {
  return JSON.parse(readFileSync(TAXONOMY_FILE, 'utf8')) as ApiCategoryNode[];
}

export class NotADemoMirrorError extends Error {
  constructor(file: string) {
    super(`${file} holds a real Soliguide mirror; demo mode will not overwrite it. Give the demo configuration its own mirror.path.`);
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
    return false; // unreadable or an older schema: a demo mirror is cheap to make again
  } finally {
    db.close();
  }
}

export interface DemoArea {
  departments: string[];
}

/** Makes sure `file` holds the current demo mirror; returns true when it was (re)generated. */
export function ensureDemoMirror(file: string, area: DemoArea, now: Date): boolean {
  if (upToDateDemo(file)) return false;
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(temporary + suffix, { force: true });
  const db = openMirror(temporary);
  try {
    const taxonomy = demoTaxonomy();
    const categoryText = categoryTextFor(taxonomy);
    const { places } = generateDirectory({ count: DEMO_PLACE_COUNT, seed: DEMO_SEED, departments: area.departments, now });
    const writer = createMirrorWriter(db);
    const addLanguage = db.prepare('INSERT OR IGNORE INTO place_languages (lieu_id, language) VALUES (?, ?)');
    db.transaction(() => {
      const runId = startRun(db, 'demo', now);
      replaceCategories(db, taxonomy);
      const ids: number[] = [];
      for (const stored of places) {
        // What a partner would receive: online, public, with at least one service (API.md §6 trap 21).
        if (stored.status !== 'ONLINE' || stored.visibility !== 'ALL') continue;
        const parsed = rawPlaceSchema.safeParse({ ...stored, name: `${stored.name} (démo)` });
        if (!parsed.success) continue;
        const placeType = stored.placeType === 'PARCOURS_MOBILE' ? 'PARCOURS_MOBILE' : 'LIEU';
        writer.insert(mapPlace(parsed.data, placeType, categoryText));
        for (const language of stored.languages ?? []) addLanguage.run(stored.lieu_id, language);
        ids.push(stored.lieu_id);
      }
      resetChangedIds(db, ids);
      refreshDerivedIndexes(db);
      writeMeta(db, 'source', 'demo');
      writeMeta(db, 'demo_generator', DEMO_GENERATOR_VERSION);
      writeMeta(db, 'data_date', now.toISOString());
      finishRun(db, runId, now, { places: ids.length, added: ids.length, updated: 0, hidden: 0, quarantined: 0 });
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
