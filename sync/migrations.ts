/**
 * Numbered SQL migrations (`NNNN-name.sql` beside this file), tracked with PRAGMA user_version,
 * each applied in its own transaction. A database newer than the code is refused, never touched.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Bundles (Electron) copy the .sql files to `migrations/` beside the bundle: same relative path. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => /^\d{4}-[a-z0-9-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 4)), name: file, sql: readFileSync(join(dir, file), 'utf8') }));
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migrations must be numbered 0001, 0002… without gaps; found ${migration.name} at position ${index + 1}`);
    }
  });
  return migrations;
}

export class MirrorTooNewError extends Error {
  constructor(file: string, found: number, known: number) {
    super(
      `The mirror ${file} has schema version ${found}, newer than this kiosk knows (${known}). ` +
        'It was written by a newer version of the kiosk; update the kiosk or remove the file to rebuild it.',
    );
    this.name = 'MirrorTooNewError';
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies the missing migrations; returns the versions applied. */
export function migrate(db: Database, migrations: Migration[] = readMigrations()): number[] {
  const current = schemaVersion(db);
  const latest = migrations.length;
  if (current > latest) throw new MirrorTooNewError(db.name, current, latest);
  const applied: number[] = [];
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}
