/**
 * Writes mapped places into a mirror database (the live one or a staging copy) and keeps the
 * derived indexes (full text, search points) in step. Callers own the transaction.
 */
import type { MirrorDatabase } from './mirror-database';
import { refreshSearchIndex } from './search-index';
import type { MappedPlace } from './soliguide/map-place';

const TABLES = {
  places: [
    'lieu_id', 'seo_url', 'name', 'place_type', 'latitude', 'longitude', 'address', 'additional_information',
    'postal_code', 'city', 'department_code', 'country', 'time_zone', 'on_referral', 'description_html',
    'description_text', 'closed_on_holidays', 'hours_note', 'modalities_json', 'publics_json', 'email',
    'website', 'facebook', 'instagram', 'created_at', 'updated_at', 'category_text', 'content_hash',
  ],
  services: [
    'service_id', 'lieu_id', 'position', 'category_id', 'description_html', 'description_text', 'has_own_hours',
    'modalities_json', 'publics_json', 'closure_start_day', 'closure_end_day', 'saturation',
  ],
  opening_slots: ['lieu_id', 'service_id', 'schedule', 'start_minute', 'end_minute'],
  temporary_notices: ['lieu_id', 'kind', 'start_day', 'end_day', 'title', 'description_html', 'description_text'],
  place_phones: ['lieu_id', 'position', 'label', 'number', 'country_code', 'is_special'],
  place_sources: ['lieu_id', 'name', 'is_origin', 'license', 'url'],
} as const;

/** Tables a pass stages and publishes, children after their parent (copy order). */
export const PLACE_TABLES = Object.keys(TABLES) as (keyof typeof TABLES)[];

function insertSql(table: keyof typeof TABLES): string {
  const columns = TABLES[table];
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
}

export interface MirrorWriter {
  insert(mapped: MappedPlace): void;
}

export function createMirrorWriter(db: MirrorDatabase): MirrorWriter {
  const statements = {
    places: db.prepare(insertSql('places')),
    services: db.prepare(insertSql('services')),
    opening_slots: db.prepare(insertSql('opening_slots')),
    temporary_notices: db.prepare(insertSql('temporary_notices')),
    place_phones: db.prepare(insertSql('place_phones')),
    place_sources: db.prepare(insertSql('place_sources')),
  };
  return {
    insert(mapped) {
      statements.places.run(mapped.place);
      for (const row of mapped.services) statements.services.run(row);
      for (const row of mapped.slots) statements.opening_slots.run(row);
      for (const row of mapped.notices) statements.temporary_notices.run(row);
      for (const row of mapped.phones) statements.place_phones.run(row);
      for (const row of mapped.sources) statements.place_sources.run(row);
    },
  };
}

/**
 * Rebuilds the derived index rows (full text, search points, towns) of the places whose ids are
 * in the temporary table `temp.changed_ids(lieu_id)` (deleted places just lose their rows).
 */
export function refreshDerivedIndexes(db: MirrorDatabase): void {
  refreshSearchIndex(db);
}

/** Rebuilds every place's derived rows (after a migration that reshapes them). */
export function rebuildDerivedIndexes(db: MirrorDatabase): void {
  db.transaction(() => {
    resetChangedIds(db, db.prepare('SELECT lieu_id FROM places').pluck().all() as number[]);
    refreshDerivedIndexes(db);
  })();
}

export function resetChangedIds(db: MirrorDatabase, ids: Iterable<number>): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS changed_ids (lieu_id INTEGER PRIMARY KEY); DELETE FROM temp.changed_ids;');
  const insert = db.prepare('INSERT OR IGNORE INTO temp.changed_ids (lieu_id) VALUES (?)');
  for (const id of ids) insert.run(id);
}

/** Deletes places (their rows in every table go with them: ON DELETE CASCADE) and their index rows. */
export function deletePlaces(db: MirrorDatabase, ids: Iterable<number>): number {
  resetChangedIds(db, ids);
  const { changes } = db.prepare('DELETE FROM places WHERE lieu_id IN (SELECT lieu_id FROM temp.changed_ids)').run();
  refreshDerivedIndexes(db);
  return changes;
}
