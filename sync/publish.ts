/**
 * Publishes a complete staging mirror into the live one in a single transaction: places that are
 * new or changed (content hash) are replaced, places missing from the pass are deleted at once
 * (API.md §5.4: absence is the only sign of deletion, unpublishing or a move out of territory),
 * unchanged ones are left alone. Readers (WAL) keep seeing the previous state until the commit;
 * a crash before it leaves the previous state whole.
 */
import type { MirrorDatabase } from './mirror-database';
import { writeMeta } from './mirror-queries';
import { PLACE_TABLES, refreshDerivedIndexes, resetChangedIds } from './mirror-writer';
import { finishRun, recordQuarantine, type QuarantinedRecord, type RunCounts } from './sync-runs';

export interface PublishInput {
  stagingPath: string;
  runId: number;
  now: Date;
  quarantined: readonly QuarantinedRecord[];
  quarantinedCount: number;
}

function ids(db: MirrorDatabase, sql: string): number[] {
  return db.prepare(sql).pluck().all() as number[];
}

/** `progress('publish: rows copied')` is called inside the open transaction (crash tests stop there). */
export function publishStaging(live: MirrorDatabase, input: PublishInput, progress: (marker: string) => void = () => undefined): RunCounts {
  live.prepare('ATTACH DATABASE ? AS staging').run(input.stagingPath);
  try {
    return live.transaction((): RunCounts => {
      const added = ids(live, 'SELECT s.lieu_id FROM staging.places s WHERE NOT EXISTS (SELECT 1 FROM main.places m WHERE m.lieu_id = s.lieu_id)');
      const updated = ids(
        live,
        'SELECT s.lieu_id FROM staging.places s JOIN main.places m ON m.lieu_id = s.lieu_id WHERE m.content_hash <> s.content_hash',
      );
      const hidden = ids(live, 'SELECT m.lieu_id FROM main.places m WHERE NOT EXISTS (SELECT 1 FROM staging.places s WHERE s.lieu_id = m.lieu_id)');
      resetChangedIds(live, [...added, ...updated, ...hidden]);
      // Changed places lose their spoken languages with their old rows: the details stage that
      // follows the publication asks GET /place for them again.
      live.exec('DELETE FROM main.places WHERE lieu_id IN (SELECT lieu_id FROM temp.changed_ids)');
      for (const table of PLACE_TABLES) {
        live.exec(`INSERT INTO main.${table} SELECT * FROM staging.${table} WHERE lieu_id IN (SELECT lieu_id FROM temp.changed_ids)`);
      }
      progress('publish: rows copied');
      live.exec(`
        DELETE FROM main.place_translations;
        INSERT INTO main.place_translations SELECT * FROM staging.place_translations;
        DELETE FROM main.category_links;
        DELETE FROM main.categories;
        INSERT INTO main.categories SELECT * FROM staging.categories;
        INSERT INTO main.category_links SELECT * FROM staging.category_links;`);
      refreshDerivedIndexes(live);
      writeMeta(live, 'source', 'soliguide');
      writeMeta(live, 'data_date', input.now.toISOString());
      const places = live.prepare('SELECT count(*) FROM main.places').pluck().get() as number;
      const counts = { places, added: added.length, updated: updated.length, hidden: hidden.length, quarantined: input.quarantinedCount };
      recordQuarantine(live, input.runId, input.quarantined);
      finishRun(live, input.runId, input.now, counts);
      return counts;
    })();
  } finally {
    live.exec('DETACH DATABASE staging');
  }
}
