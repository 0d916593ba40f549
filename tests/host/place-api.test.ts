import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskContract } from '../../common/contract/kiosk-api';
import { startHttpHost, type HttpHost } from '../../host/http-host';
import { openDemoRuntime } from '../support/demo-runtime';

let host: HttpHost;
let dispose: () => Promise<void>;
let mirrorPath: string;

beforeAll(async () => {
  const demo = openDemoRuntime();
  dispose = demo.dispose;
  mirrorPath = demo.runtime.mirrorPath;
  host = await startHttpHost({ port: 0, staticDir: '/nonexistent', dispatch: demo.runtime.dispatch, logError: () => undefined });
});
afterAll(async () => {
  await host.close();
  await dispose();
});

const post = async (body: unknown) => {
  const response = await fetch(`${host.url}api/place`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, any> }; // `any`: checked below
};

function someIds(sql: string): number[] {
  const db = new Database(mirrorPath, { readonly: true });
  try {
    return db.prepare(sql).pluck().all() as number[];
  } finally {
    db.close();
  }
}

describe('POST /api/place', () => {
  it('answers the full view of a place, valid against the contract, with its state at the kiosk’s clock', async () => {
    const [id] = someIds("SELECT lieu_id FROM places WHERE place_type = 'LIEU' AND on_referral = 0 LIMIT 1");
    const { status, body } = await post({ id, language: 'fr' });
    expect(status).toBe(200);
    const view = kioskContract.place.response.parse(body);
    expect(view.id).toBe(id);
    expect(view.week.map((d) => d.day)[0]).toBe('2026-11-24'); // FIXED_NOW is Tuesday 24 November 2026, 10:30 in Paris
    expect(view.soliguideUrl).toMatch(/^https:\/\/soliguide\.fr\/fr\/fiche\//);
    expect(view.walkingMinutes).toBeGreaterThan(0);
  });

  it('never gives the street address of a place on referral', async () => {
    const [id] = someIds('SELECT lieu_id FROM places WHERE on_referral = 1 LIMIT 1');
    const { body } = await post({ id, language: 'en' });
    expect(body.onReferral).toBe(true);
    expect(body.address).toBeNull();
    expect(body.postalCode).toMatch(/^67\d{3}$/);
  });

  it('says when a text is only in French', async () => {
    const [id] = someIds("SELECT lieu_id FROM places WHERE description_text IS NOT NULL AND lieu_id NOT IN (SELECT lieu_id FROM place_translations WHERE language = 'ar') LIMIT 1");
    const { body } = await post({ id, language: 'ar' });
    expect(body.description).toMatchObject({ translated: false });
  });

  it('answers 404 for a place that is not in the mirror, and 400 for a bad request', async () => {
    expect(await post({ id: 999999999, language: 'fr' })).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
    expect((await post({ id: 'x', language: 'fr' })).status).toBe(400);
    expect((await post({ id: 1, language: 'de' })).status).toBe(400);
  });
});

describe('POST /api/search', () => {
  const search = async (body: unknown) => {
    const response = await fetch(`${host.url}api/search`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it('answers food places near the demo kiosk, valid against the contract, open ones first', async () => {
    const { status, body } = await search({ language: 'fr', category: 'food', radiusMetres: 50_000 });
    expect(status).toBe(200);
    const result = kioskContract.search.response.parse(body);
    expect(result.total).toBeGreaterThan(0);
    const rank = ['open', 'closing-soon', 'opens-later-today', 'closed-today', 'unknown', 'temporarily-closed'];
    const ranks = result.items.map((item) => rank.indexOf(item.state.kind));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('with openNow, answers only places open at the kiosk’s clock', async () => {
    const result = kioskContract.search.response.parse((await search({ language: 'fr', openNow: true, radiusMetres: 50_000, pageSize: 100 })).body);
    for (const item of result.items) expect(['open', 'closing-soon']).toContain(item.state.kind);
  });

  it('refuses a radius out of range and unknown fields', async () => {
    expect((await search({ language: 'fr', radiusMetres: 1 })).status).toBe(400);
    expect((await search({ language: 'fr', sql: 'DROP TABLE places' })).status).toBe(400);
  });

  it('applies filters and need words, and measures "near" from a town of the mirror', async () => {
    const free = kioskContract.search.response.parse((await search({ language: 'fr', radiusMetres: 50_000, pageSize: 100, filters: { free: true } })).body);
    const all = kioskContract.search.response.parse((await search({ language: 'fr', radiusMetres: 50_000, pageSize: 100 })).body);
    expect(free.total).toBeGreaterThan(0);
    expect(free.total).toBeLessThanOrEqual(all.total);
    const words = kioskContract.search.response.parse((await search({ language: 'fr', text: 'manger', radiusMetres: 50_000 })).body);
    const food = kioskContract.search.response.parse((await search({ language: 'fr', category: 'food', radiusMetres: 50_000 })).body);
    expect(words.total).toBeGreaterThanOrEqual(food.total);

    const towns = (await (await fetch(`${host.url}api/towns`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).json()) as {
      towns: { id: string; city: string; latitude: number; longitude: number }[];
    };
    expect(towns.towns.length).toBeGreaterThan(1);
    const far = towns.towns.at(-1) as { id: string; latitude: number; longitude: number };
    const fromTown = kioskContract.search.response.parse((await search({ language: 'fr', origin: { town: far.id }, radiusMetres: 3_000 })).body);
    const fromPoint = kioskContract.search.response.parse(
      (await search({ language: 'fr', origin: { latitude: far.latitude, longitude: far.longitude }, radiusMetres: 3_000 })).body,
    );
    expect(fromTown).toEqual(fromPoint);
    expect((await search({ language: 'fr', origin: { town: '67:Nowhere-sur-Rien' } })).status).toBe(404);
  });
});
