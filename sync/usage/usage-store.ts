/**
 * The kiosk's own records, kept apart from the directory mirror: anonymous usage counters per day
 * and the printer's state changes. A separate SQLite file, because every write to the mirror's
 * connection would make its readers' caches (search points, summaries) read everything again.
 * Nothing here says who did what: days, metric names, category ids, language codes and counts.
 */
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

export type UsageStore = Database.Database;

const SCHEMA_VERSION = 1;

const SCHEMA = `
-- Counts per kiosk day (YYYY-MM-DD in the kiosk's zone). key: a category id, a language code or ''.
-- No time of day, no session, no place: only sums. Kept 13 months.
CREATE TABLE usage_counters (
  day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  metric TEXT NOT NULL,
  key TEXT NOT NULL DEFAULT '' CHECK (key NOT GLOB '*[^a-z0-9_]*' AND length(key) <= 80),
  count INTEGER NOT NULL CHECK (count >= 0),
  PRIMARY KEY (day, metric, key)
) STRICT, WITHOUT ROWID;

-- The printer's state each time it changed, for staff ("out of paper since 09:12"). Kept 90 days.
CREATE TABLE printer_events (
  event_id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  printer TEXT,
  state TEXT NOT NULL,
  reasons TEXT NOT NULL CHECK (json_valid(reasons))
) STRICT;
CREATE INDEX printer_events_by_time ON printer_events(at);
`;

/** `usage.sqlite` beside the mirror. */
export function usagePathFor(mirrorPath: string): string {
  return join(dirname(mirrorPath), 'usage.sqlite');
}

export class UsageStoreTooNewError extends Error {
  override readonly name = 'UsageStoreTooNewError';
}

/** Opens (creating when needed) the store; a file written by a newer kiosk is refused, never touched. */
export function openUsageStore(file: string): UsageStore {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 2000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new UsageStoreTooNewError(`${file} has schema version ${version}, newer than this kiosk knows (${SCHEMA_VERSION})`);
    }
    if (version < SCHEMA_VERSION) {
      db.transaction(() => {
        db.exec(SCHEMA);
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
      })();
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
