/** Opens the SQLite mirror with the settings every user of it relies on. */
import Database from 'better-sqlite3';
import { migrate } from './migrations';
import { rebuildDerivedIndexes } from './mirror-writer';

/** Migrations after which every place's derived index rows are built again by the code. */
const REBUILDS_DERIVED_INDEXES = [6];

export type MirrorDatabase = Database.Database;

export interface OpenMirrorOptions {
  /** Readers (the UI side) never migrate nor write. */
  readonly?: boolean;
  /** A throw-away staging copy: no journal, no fsync (a crash discards it anyway). */
  staging?: boolean;
}

export function openMirror(file: string, options: OpenMirrorOptions = {}): MirrorDatabase {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
    if (!options.readonly) {
      if (options.staging) {
        db.pragma('journal_mode = OFF');
        db.pragma('synchronous = OFF');
      } else {
        // WAL: the UI keeps reading the last published state while a sync writes.
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
      }
      const applied = migrate(db);
      if (applied.some((version) => REBUILDS_DERIVED_INDEXES.includes(version))) rebuildDerivedIndexes(db);
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 2000');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
