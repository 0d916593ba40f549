/**
 * kill -9 at 20 points of a full pass (`npm run sync` as a real process against the stand-in,
 * held at each point with --hold-at so that the kill lands exactly there, the last one inside the
 * open publishing transaction): every time the mirror opens, passes PRAGMA integrity_check and
 * serves exactly the previous good state; the next pass closes the interrupted run and succeeds.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredPlace } from '../stand-in/stand-in-server';
import { startUntil, stop, TSX } from '../support/processes';
import { smallDirectory } from '../support/small-directory';
import { snapshotOf, startHarness, TOKEN, type Harness } from '../support/sync-harness';

type Json = Record<string, any>; // `any`: fixture JSON edited freely

const KILL_POINTS = [
  'categories',
  ...Array.from({ length: 15 }, (_, i) => `page LIEU ${(i + 1) * 3}`),
  'page PARCOURS_MOBILE 1',
  'translations',
  'publishing',
  'publish: rows copied',
];

let harness: Harness;
let goodFile: string;
let good: Record<string, unknown[]>;
let config: string;

beforeAll(async () => {
  const directory = smallDirectory().places as unknown as Json[];
  harness = await startHarness({ places: directory as StoredPlace[] });
  expect((await harness.sync('full')).ok).toBe(true);
  const db = new Database(harness.mirrorPath);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  goodFile = join(harness.dir, 'good.sqlite');
  copyFileSync(harness.mirrorPath, goodFile);
  good = snapshotOf(goodFile);
  // Soliguide changed since: a pass that got to publish would change every place.
  harness.standIn.setPlaces(directory.map((p) => ({ ...p, name: `${p.name} v2` })) as StoredPlace[]);
  writeFileSync(join(harness.dir, 'token'), TOKEN);
  config = join(harness.dir, 'kiosk.json');
  writeFileSync(
    config,
    JSON.stringify({
      kiosk: { id: 'kill-test', name: 'Kill test' },
      location: { latitude: 48.86, longitude: 2.35, address: '1 rue X, 75003 Paris', label: 'Test' },
      territory: { departments: ['75'] },
      soliguide: { apiBaseUrl: harness.standIn.url, token: { file: 'token' } },
      mirror: { path: 'run.sqlite' },
      languages: { enabled: ['fr', 'en', 'ar'], default: 'fr' },
      // This test is about the places; walking routes have their own tests (tests/geodata).
      routing: null,
    }),
  );
});

afterAll(async () => harness?.close());

describe('a sync killed with SIGKILL', () => {
  it.each(KILL_POINTS)('at "%s" leaves the previous good mirror, whole', async (point) => {
    const run = join(harness.dir, 'run.sqlite');
    copyFileSync(goodFile, run);
    const sync = await startUntil(TSX, ['sync/sync-cli.ts', '--config', config, '--page-size', '1', '--hold-at', point], /sync: holding at /);
    stop(sync.child, 'SIGKILL');
    const result = await sync.done;
    expect(result.code).toBeNull(); // killed, not finished
    const db = new Database(run);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(snapshotOf(run)).toEqual(good);
  });

  it('is followed by a pass that closes the interrupted run and succeeds', async () => {
    const run = join(harness.dir, 'run.sqlite');
    const sync = await startUntil(TSX, ['sync/sync-cli.ts', '--config', config, '--page-size', '50'], /"ok":(true|false)/);
    const result = await sync.done;
    const summary = JSON.parse(result.stdout.trim().split('\n').at(-1) as string) as Json;
    expect(summary).toMatchObject({ ok: true, kind: 'full', error: null });
    expect(result.code).toBe(0);
    const db = new Database(run, { readonly: true });
    const runs = db.prepare('SELECT outcome, error FROM sync_runs ORDER BY run_id').all() as Json[];
    db.close();
    expect(runs.at(-1)).toEqual({ outcome: 'success', error: null });
    expect(runs.at(-2)?.error).toMatch(/^interrupted/);
    expect(snapshotOf(run).places).not.toEqual(good.places);
  });
});
