/** A live mirror in a temporary folder, a stand-in Soliguide API, and sync passes between them. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openMirror } from '../../sync/mirror-database';
import { runSync, type SyncOptions, type SyncSummary } from '../../sync/run-sync';
import { createSoliguideClient, type SoliguideClient } from '../../sync/soliguide/api-client';
import { startStandIn, type StandIn, type StandInOptions } from '../stand-in/stand-in-server';

export const TOKEN = 'test-token-for-the-stand-in';

export interface Harness {
  dir: string;
  mirrorPath: string;
  standIn: StandIn;
  sync: (kind: 'full' | 'light', overrides?: Partial<SyncOptions>) => Promise<SyncSummary>;
  client: (options?: { timeoutMs?: number }) => SoliguideClient;
  /** Every row of every data table, sorted: what a reader of the mirror sees. */
  snapshot: () => Record<string, unknown[]>;
  close: () => Promise<void>;
}

export const DATA_TABLES = [
  'places', 'services', 'opening_slots', 'temporary_notices', 'place_phones', 'place_languages', 'place_sources',
  'place_translations', 'categories', 'category_links', 'mirror_meta',
] as const;

export function snapshotOf(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const snapshot: Record<string, unknown[]> = {};
    for (const table of DATA_TABLES) {
      const columns = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
      snapshot[table] = db.prepare(`SELECT * FROM ${table} ORDER BY ${columns.join(', ')}`).all();
    }
    snapshot.places_fts = db.prepare('SELECT rowid, name, categories FROM places_fts ORDER BY rowid').all();
    snapshot.search_points = db.prepare('SELECT * FROM search_points ORDER BY service_id').all();
    return snapshot;
  } finally {
    db.close();
  }
}

export async function startHarness(
  standInOptions: Omit<StandInOptions, 'port' | 'accounts'> & { departments?: string[] },
  now = () => new Date('2026-11-22T04:30:00Z'),
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'sync-'));
  const mirrorPath = join(dir, 'mirror.sqlite');
  openMirror(mirrorPath).close();
  const standIn = await startStandIn({
    port: 0,
    accounts: [{ token: TOKEN, departments: standInOptions.departments ?? ['75'] }],
    ...standInOptions,
  });
  const client = (options: { timeoutMs?: number } = {}): SoliguideClient =>
    createSoliguideClient({
      baseUrl: standIn.url,
      token: TOKEN,
      timeoutMs: options.timeoutMs ?? 2000,
      retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
    });
  return {
    dir,
    mirrorPath,
    standIn,
    client,
    sync: (kind, overrides = {}) =>
      runSync(kind, {
        mirrorPath,
        client: client(),
        languages: ['fr', 'en', 'ar'],
        now,
        pageSize: 10,
        ...overrides,
      }),
    snapshot: () => snapshotOf(mirrorPath),
    close: async () => {
      await standIn.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
