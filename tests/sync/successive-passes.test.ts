/**
 * What successive passes do to the mirror: places added, edited or gone on Soliguide since the
 * last full pass, and the light refresh in between.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredPlace } from '../stand-in/stand-in-server';
import { startHarness, type Harness } from '../support/sync-harness';

const FIXTURES = fileURLToPath(new URL('../../../shared/soliguide/fixtures/', import.meta.url));
type Json = Record<string, any>; // `any`: fixture JSON edited freely

let harness: Harness;
let directory: Json[];

const names = (file: string): Map<number, string> => {
  const db = new Database(file, { readonly: true });
  try {
    return new Map((db.prepare('SELECT lieu_id, name FROM places').all() as { lieu_id: number; name: string }[]).map((r) => [r.lieu_id, r.name]));
  } finally {
    db.close();
  }
};

beforeEach(async () => {
  directory = JSON.parse(readFileSync(`${FIXTURES}places-db.json`, 'utf8')) as Json[];
  harness = await startHarness({ places: directory as StoredPlace[] });
  expect((await harness.sync('full')).ok).toBe(true);
});
afterEach(async () => harness.close());

describe('successive passes', () => {
  it('adds new places, replaces edited ones and hides at once the ones gone from the pass', async () => {
    const byId = (id: number) => directory.find((p) => p.lieu_id === id) as Json;
    byId(7).status = 'OFFLINE'; // unpublished: only visible as missing (trap 14)
    byId(8).name = 'Lieu renommé';
    byId(8).updatedAt = '2026-11-21T10:00:00.000Z';
    directory.push({ ...structuredClone(byId(9)), _id: 'ffffffffffffffffffffffff', lieu_id: 4242, seo_url: 'nouveau-lieu-4242', name: 'Nouveau lieu' });
    harness.standIn.setPlaces(directory as StoredPlace[]);
    const before = names(harness.mirrorPath);
    const summary = await harness.sync('full');
    expect(summary).toMatchObject({ ok: true, added: 1, updated: 1, hidden: 1 });
    const after = names(harness.mirrorPath);
    expect(after.has(7)).toBe(false);
    expect(after.get(8)).toBe('Lieu renommé');
    expect(after.get(4242)).toBe('Nouveau lieu');
    expect(after.size).toBe(before.size); // one in, one out
    const db = new Database(harness.mirrorPath, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM services WHERE lieu_id = 7').pluck().get()).toBe(0);
    expect(db.prepare("SELECT rowid FROM places_fts WHERE places_fts MATCH 'renomme'").pluck().all()).toEqual([8]);
    expect(db.prepare('SELECT count(*) FROM places_rtree WHERE lieu_id = 7').pluck().get()).toBe(0);
    db.close();
  });

  it('leaves unchanged places untouched and reports no change', async () => {
    const summary = await harness.sync('full');
    expect(summary).toMatchObject({ ok: true, added: 0, updated: 0, hidden: 0 });
  });

  it('light refresh takes the places edited since the day before the last success, and hides nothing', async () => {
    const place = directory.find((p) => p.lieu_id === 10) as Json;
    place.name = 'Modifié ce matin';
    place.updatedByUserAt = '2026-11-22T08:00:00.000Z'; // the light filter looks at human edits (§1.3)
    const gone = directory.find((p) => p.lieu_id === 11) as Json;
    gone.status = 'OFFLINE';
    harness.standIn.setPlaces(directory as StoredPlace[]);
    const before = harness.standIn.requests.length;
    const summary = await harness.sync('light');
    expect(summary).toMatchObject({ ok: true, kind: 'light', added: 0, updated: 1, hidden: 0 });
    const requests = harness.standIn.requests.slice(before);
    expect(requests.every((r) => r.path.startsWith('/new-search'))).toBe(true);
    expect(JSON.stringify(requests[0]?.body)).toContain('"intervalType":"AFTER_DAY"');
    const after = names(harness.mirrorPath);
    expect(after.get(10)).toBe('Modifié ce matin');
    expect(after.has(11)).toBe(true); // only a full pass hides
  });

  it('keeps spoken languages of a place a light refresh rewrites', async () => {
    const place = directory.find((p) => p.lieu_id === 22) as Json;
    place.name = 'Multilingue modifié';
    place.updatedByUserAt = '2026-11-22T08:00:00.000Z';
    harness.standIn.setPlaces(directory as StoredPlace[]);
    const languages = () => {
      const db = new Database(harness.mirrorPath, { readonly: true });
      try {
        return db.prepare('SELECT language FROM place_languages WHERE lieu_id = 22 ORDER BY language').pluck().all();
      } finally {
        db.close();
      }
    };
    const before = languages();
    expect(before.length).toBeGreaterThan(1);
    expect((await harness.sync('light')).updated).toBe(1);
    expect(languages()).toEqual(before);
  });

  it('refuses a second pass while one is running', async () => {
    harness.standIn.setFaults({ latencyMs: 100 });
    const [first, second] = await Promise.all([harness.sync('full'), harness.sync('full')]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect([first.error, second.error].join(' ')).toMatch(/another sync of this mirror is running/);
  });
});
