/**
 * What successive passes do to the mirror: places added, edited or gone on Soliguide since the
 * last full pass, and the light refresh in between.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredPlace } from '../stand-in/stand-in-server';
import { smallDirectory } from '../support/small-directory';
import { startHarness, type Harness } from '../support/sync-harness';

type Json = Record<string, any>; // `any`: stored documents edited freely

let harness: Harness;
let directory: Json[];
/** Ids of public fixed places, and one that speaks several languages. */
let ids: number[];
let multilingual: number;

const names = (file: string): Map<number, string> => {
  const db = new Database(file, { readonly: true });
  try {
    return new Map((db.prepare('SELECT lieu_id, name FROM places').all() as { lieu_id: number; name: string }[]).map((r) => [r.lieu_id, r.name]));
  } finally {
    db.close();
  }
};

beforeEach(async () => {
  const small = smallDirectory();
  directory = small.places as unknown as Json[];
  ids = small.publicFixedPlaces.map((p) => p.lieu_id);
  multilingual = (small.publicFixedPlaces.find((p) => (p.languages ?? []).length > 1) as StoredPlace).lieu_id;
  harness = await startHarness({ places: directory as StoredPlace[] });
  expect((await harness.sync('full')).ok).toBe(true);
});
afterEach(async () => harness.close());

describe('successive passes', () => {
  it('adds new places, replaces edited ones and hides at once the ones gone from the pass', async () => {
    const byId = (id: number) => directory.find((p) => p.lieu_id === id) as Json;
    const [gone, renamed, model] = ids as [number, number, number];
    byId(gone).status = 'OFFLINE'; // unpublished: only visible as missing (trap 14)
    byId(renamed).name = 'Lieu renommé';
    byId(renamed).updatedAt = '2026-11-21T10:00:00.000Z';
    directory.push({ ...structuredClone(byId(model)), _id: 'ffffffffffffffffffffffff', lieu_id: 4242, seo_url: 'nouveau-lieu-4242', name: 'Nouveau lieu' });
    harness.standIn.setPlaces(directory as StoredPlace[]);
    const before = names(harness.mirrorPath);
    const summary = await harness.sync('full');
    expect(summary).toMatchObject({ ok: true, added: 1, updated: 1, hidden: 1 });
    const after = names(harness.mirrorPath);
    expect(after.has(gone)).toBe(false);
    expect(after.get(renamed)).toBe('Lieu renommé');
    expect(after.get(4242)).toBe('Nouveau lieu');
    expect(after.size).toBe(before.size); // one in, one out
    const db = new Database(harness.mirrorPath, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM services WHERE lieu_id = ?').pluck().get(gone)).toBe(0);
    expect(db.prepare("SELECT rowid FROM places_fts WHERE places_fts MATCH 'renomme'").pluck().all()).toEqual([renamed]);
    expect(db.prepare('SELECT count(*) FROM search_points WHERE lieu_id = ?').pluck().get(gone)).toBe(0);
    db.close();
  });

  it('leaves unchanged places untouched and reports no change', async () => {
    const summary = await harness.sync('full');
    expect(summary).toMatchObject({ ok: true, added: 0, updated: 0, hidden: 0 });
  });

  it('light refresh takes the places edited since the day before the last success, and hides nothing', async () => {
    const [editedId, goneId] = ids as [number, number];
    const place = directory.find((p) => p.lieu_id === editedId) as Json;
    place.name = 'Modifié ce matin';
    place.updatedByUserAt = '2026-11-22T08:00:00.000Z'; // the light filter looks at human edits (§1.3)
    const gone = directory.find((p) => p.lieu_id === goneId) as Json;
    gone.status = 'OFFLINE';
    harness.standIn.setPlaces(directory as StoredPlace[]);
    const before = harness.standIn.requests.length;
    const summary = await harness.sync('light');
    expect(summary).toMatchObject({ ok: true, kind: 'light', added: 0, updated: 1, hidden: 0 });
    const requests = harness.standIn.requests.slice(before);
    expect(requests.every((r) => r.path.startsWith('/new-search'))).toBe(true);
    expect(JSON.stringify(requests[0]?.body)).toContain('"intervalType":"AFTER_DAY"');
    const after = names(harness.mirrorPath);
    expect(after.get(editedId)).toBe('Modifié ce matin');
    expect(after.has(goneId)).toBe(true); // only a full pass hides
  });

  it('keeps spoken languages of a place a light refresh rewrites', async () => {
    const place = directory.find((p) => p.lieu_id === multilingual) as Json;
    place.name = 'Multilingue modifié';
    place.updatedByUserAt = '2026-11-22T08:00:00.000Z';
    harness.standIn.setPlaces(directory as StoredPlace[]);
    const languages = () => {
      const db = new Database(harness.mirrorPath, { readonly: true });
      try {
        return db.prepare('SELECT language FROM place_languages WHERE lieu_id = ? ORDER BY language').pluck().all(multilingual);
      } finally {
        db.close();
      }
    };
    const before = languages();
    expect(before.length).toBeGreaterThan(1);
    expect((await harness.sync('light')).updated).toBe(1);
    expect(languages()).toEqual(before);
  });

  it('refreshes month-old details with If-None-Match, an unchanged place costing a 304', async () => {
    const db = new Database(harness.mirrorPath);
    db.prepare("UPDATE place_details SET fetched_at = '2026-09-01T00:00:00.000Z'").run();
    const before = db.prepare('SELECT lieu_id, language FROM place_languages ORDER BY 1, 2').all();
    const stale = db.prepare("SELECT count(*) FROM place_details WHERE etag IS NOT NULL").pluck().get() as number;
    db.close();
    expect(stale).toBeGreaterThan(0);
    const start = harness.standIn.requests.length;
    expect((await harness.sync('full')).ok).toBe(true);
    const gets = harness.standIn.requests.slice(start).filter((r) => r.method === 'GET' && r.path.startsWith('/place/'));
    expect(gets.filter((r) => r.status === 304).length).toBe(stale);
    const after = new Database(harness.mirrorPath, { readonly: true });
    expect(after.prepare('SELECT lieu_id, language FROM place_languages ORDER BY 1, 2').all()).toEqual(before);
    expect(after.prepare("SELECT count(*) FROM place_details WHERE fetched_at < '2026-11-01'").pluck().get()).toBe(0);
    after.close();
  });

  it('keeps only the kiosk’s own departments when it serves fewer than the account', async () => {
    const mixed = smallDirectory(60, 9);
    const other = smallDirectory(60, 10).places.map((p) => ({
      ...p,
      lieu_id: p.lieu_id + 10_000,
      position: { ...p.position, departmentCode: '92', postalCode: '92100' },
    }));
    const both = await startHarness({ places: [...mixed.places, ...other] as StoredPlace[], departments: ['75', '92'] });
    try {
      expect((await both.sync('full', { departments: ['75'] })).ok).toBe(true);
      const db = new Database(both.mirrorPath, { readonly: true });
      const departments = db.prepare('SELECT DISTINCT department_code FROM places').pluck().all();
      db.close();
      expect(departments).toEqual(['75']);
    } finally {
      await both.close();
    }
  });

  it('refuses a second pass while one is running', async () => {
    harness.standIn.setFaults({ latencyMs: 100 });
    const [first, second] = await Promise.all([harness.sync('full'), harness.sync('full')]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect([first.error, second.error].join(' ')).toMatch(/another sync of this mirror is running/);
  });
});
