/**
 * Every fault of the issue against a mirror that already holds a good state: the pass fails
 * with a message naming the request and what was kept, the run is logged as failed, and a
 * reader sees exactly the previous state.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StandInFaults, StoredPlace } from '../stand-in/stand-in-server';
import { smallDirectory } from '../support/small-directory';
import { startHarness, type Harness } from '../support/sync-harness';

type Json = Record<string, any>; // `any`: fixture JSON edited freely

let harness: Harness;
let good: Record<string, unknown[]>;
let original: StoredPlace[];

/** The directory as it is after edits on Soliguide: a full pass that succeeded would change the mirror. */
function editedDirectory(): StoredPlace[] {
  return (structuredClone(original) as Json[]).map((place) => ({ ...place, name: `${place.name} (modifié)` })) as StoredPlace[];
}

function lastRun(): Json {
  const db = new Database(harness.mirrorPath, { readonly: true });
  try {
    return db.prepare('SELECT * FROM sync_runs ORDER BY run_id DESC LIMIT 1').get() as Json;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  original = smallDirectory().places;
  harness = await startHarness({ places: original });
  const first = await harness.sync('full');
  expect(first.ok).toBe(true);
  good = harness.snapshot();
  harness.standIn.setPlaces(editedDirectory());
});

beforeEach(() => harness.standIn.setFaults({}));
afterAll(async () => harness?.close());


describe('a full pass that fails keeps the last good mirror serving', () => {
  it.each<[string, StandInFaults, RegExp]>([
    ['a 500 in the middle of the pass', { statusAtPage: { page: 2, status: 500 } }, /POST \/new-search \(LIEU, page 2\) failed after 3 attempts: HTTP 500 SEARCH_ERROR/],
    ['a truncated page', { truncateAtPage: 2 }, /POST \/new-search \(LIEU, page 2\) failed after 3 attempts: (answer is not valid JSON|other side closed|terminated|ECONNRESET|UND_ERR_SOCKET)/],
    ['a malformed page', { malformedAtPage: 1 }, /POST \/new-search \(LIEU, page 1\) failed after 3 attempts: answer is not valid JSON/],
    ['a page where most records are bad', { wrongTypeRecordAtPage: { page: 1, count: 10 } }, /POST \/new-search \(LIEU, page 1\): 10 of 10 records do not have the partner shape/],
    ['a bad token (401)', { authStatus: 401 }, /GET \/v2\/categories failed: HTTP 401 INVALID_TOKEN \(check the token and the API account\)/],
    ['a blocked account (403)', { authStatus: 403 }, /GET \/v2\/categories failed: HTTP 403 FORBIDDEN_ACCESS/],
    ['a connection reset', { resetAtPage: 3 }, /POST \/new-search \(LIEU, page 3\) failed after 3 attempts/],
  ])('%s', async (_case, faults, message) => {
    harness.standIn.setFaults(faults);
    const summary = await harness.sync('full');
    expect(summary.ok).toBe(false);
    expect(summary.error).toMatch(message);
    expect(summary.error).toMatch(/the mirror of 2026-11-22T04:30:00.000Z \(\d+ places\) is kept$/);
    expect(harness.snapshot()).toEqual(good);
    expect(lastRun()).toMatchObject({ outcome: 'failed', error: summary.error });
  });

  it('does not retry a 401: one request, then it stops', async () => {
    harness.standIn.setFaults({ authStatus: 401 });
    const before = harness.standIn.requests.length;
    await harness.sync('full');
    expect(harness.standIn.requests.length - before).toBe(1);
  });

  it('gives up on a timeout and on a slow-drip answer within its deadline', async () => {
    for (const faults of [{ hangAtPage: 1 }, { slowDripAtPage: { page: 1, bytesPerSecond: 200 } }] as StandInFaults[]) {
      harness.standIn.setFaults(faults);
      const started = Date.now();
      const summary = await harness.sync('full', { client: harness.client({ timeoutMs: 300 }) });
      expect(summary.error).toMatch(/POST \/new-search \(LIEU, page 1\) failed after 3 attempts: no complete answer within 300 ms/);
      expect(Date.now() - started).toBeLessThan(3 * 300 + 2000);
      expect(harness.snapshot()).toEqual(good);
    }
  });

  it('fails cleanly when the disk is full while staging', async () => {
    const summary = await harness.sync('full', {
      onOpen: (db, role) => {
        if (role === 'staging') db.pragma('max_page_count = 40');
      },
    });
    expect(summary.error).toMatch(/database or disk is full/);
    expect(harness.snapshot()).toEqual(good);
  });

  it('fails cleanly when the disk is full while publishing', async () => {
    const summary = await harness.sync('full', {
      onOpen: (db, role) => {
        if (role === 'live') db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      },
    });
    expect(summary.error).toMatch(/database or disk is full/);
    expect(harness.snapshot()).toEqual(good);
  });

  it('quarantines a few bad records and publishes the rest, counting them', async () => {
    harness.standIn.setFaults({ wrongTypeRecordAtPage: { page: 2, count: 1 } });
    const summary = await harness.sync('full');
    expect(summary).toMatchObject({ ok: true, quarantined: 1 });
    const db = new Database(harness.mirrorPath, { readonly: true });
    const quarantined = db.prepare('SELECT lieu_id, reason, excerpt FROM quarantined_records ORDER BY rowid DESC LIMIT 1').get() as Json;
    db.close();
    expect(quarantined.reason).toMatch(/^(name|newhours|services_all)/);
    expect(original.map((p) => (p as Json).lieu_id)).toContain(quarantined.lieu_id);
    expect(quarantined.excerpt.startsWith('{')).toBe(true);
    harness.standIn.setPlaces(original); // back to the good directory for the next cases
    expect((await harness.sync('full')).ok).toBe(true);
    good = harness.snapshot();
    harness.standIn.setPlaces(editedDirectory());
  });
});
