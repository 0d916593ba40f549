/**
 * "This information is wrong" and read-aloud, through the real HTTP host and a real mirror.
 * Read-aloud runs against a speaker double here (espeak-ng itself has its own suite) so that
 * the contract's refusal paths can be checked whatever the machine has installed.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../../host/http-host';
import { openKioskRuntime, type KioskRuntime } from '../../host/kiosk-runtime';
import type { Speaker } from '../../host/read-aloud/speaker';
import { placeReports } from '../../sync/reports/place-reports';
import { FIXED_NOW } from '../support/demo-runtime';

const spoken: { language: string; text: string }[] = [];
const frenchOnly: Speaker = {
  speaks: (language) => language === 'fr',
  speak: async (language, text) => {
    spoken.push({ language, text });
    return Buffer.from('RIFF----WAVEfmt ');
  },
};

let dir: string;
let runtime: KioskRuntime;
let host: HttpHost;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-report-'));
  runtime = openKioskRuntime({
    now: FIXED_NOW,
    version: '0.0.0-test',
    demoMirrorPath: join(dir, 'demo.sqlite'),
    validateResponses: true,
    logError: () => undefined,
    speaker: async () => frenchOnly,
  });
  host = await startHttpHost({ port: 0, staticDir: '/nonexistent', dispatch: runtime.dispatch, logError: () => undefined });
});
afterAll(async () => {
  await host.close();
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = async (method: string, body: unknown) => {
  const response = await fetch(`${host.url}api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, any> }; // `any`: checked below
};

const anyPlace = (): number => runtime.mirror.prepare('SELECT lieu_id FROM places ORDER BY lieu_id LIMIT 1').pluck().get() as number;

describe('POST /api/report', () => {
  it('keeps the place, the reason and the kiosk’s day — nothing else', async () => {
    const id = anyPlace();
    const { status, body } = await post('report', { placeId: id, reason: 'hours' });
    expect(status).toBe(200);
    expect(body).toEqual({ recorded: true });
    expect(placeReports(runtime.mirror)).toEqual([{ placeId: id, reason: 'hours', day: '2026-11-24' }]);
    const columns = (runtime.mirror.prepare('PRAGMA table_info(place_reports)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['report_id', 'lieu_id', 'reason', 'day']);
  });

  it('refuses a reason outside the list and a place the mirror does not have', async () => {
    expect((await post('report', { placeId: anyPlace(), reason: 'rude staff' })).status).toBe(400);
    const missing = await post('report', { placeId: 999_999_999, reason: 'closed' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not-found');
  });

  it('survives in the mirror file for staff to read after the kiosk restarts', () => {
    const db = new Database(runtime.mirrorPath, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM place_reports').pluck().get()).toBeGreaterThanOrEqual(1);
    } finally {
      db.close();
    }
  });
});

describe('POST /api/speak', () => {
  it('answers the WAV of the text in a language the kiosk has a voice for', async () => {
    const { status, body } = await post('speak', { language: 'fr', text: 'Bonjour. Ouvert jusqu’à 17:30.' });
    expect(status).toBe(200);
    expect(body.mimeType).toBe('audio/wav');
    expect(Buffer.from(body.audio, 'base64').subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(spoken.at(-1)).toEqual({ language: 'fr', text: 'Bonjour. Ouvert jusqu’à 17:30.' });
  });

  it('says "unavailable" for a language without a voice, so the screen can say so', async () => {
    const { status, body } = await post('speak', { language: 'ti', text: 'ሰላም' });
    expect(status).toBe(503);
    expect(body.error.code).toBe('unavailable');
  });

  it('refuses an empty text and one longer than a screen', async () => {
    expect((await post('speak', { language: 'fr', text: '' })).status).toBe(400);
    expect((await post('speak', { language: 'fr', text: 'a'.repeat(4_001) })).status).toBe(400);
  });
});
