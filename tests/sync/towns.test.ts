/** The towns of the mirror, for measuring "near" from elsewhere than the kiosk. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMirror, type MirrorDatabase } from '../../sync/mirror-database';
import { listTowns, townById } from '../../sync/read/towns';
import { writeGeneratedMirror } from '../support/generated-mirror';

let dir: string;
let db: MirrorDatabase;
const STRASBOURG = { latitude: 48.5846, longitude: 7.7346 };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'towns-'));
  writeGeneratedMirror(join(dir, 'mirror.sqlite'), { count: 600, seed: 3, departments: ['67', '68'], now: new Date('2026-11-24T10:00+01:00') });
  db = openMirror(join(dir, 'mirror.sqlite'));
}, 60_000);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('towns', () => {
  it('lists every town with places, its place count summing to the mirror’s', () => {
    const towns = listTowns(db, { limit: 1000 }, STRASBOURG);
    const cities = db.prepare("SELECT count(DISTINCT department_code || city) FROM places WHERE city <> ''").pluck().get() as number;
    expect(towns).toHaveLength(cities);
    expect(towns.reduce((sum, town) => sum + town.placeCount, 0)).toBe(db.prepare("SELECT count(*) FROM places WHERE city <> ''").pluck().get());
  });

  it('puts the nearest towns first without a prefix, and Strasbourg first from Strasbourg', () => {
    const [first] = listTowns(db, { limit: 3 }, STRASBOURG);
    expect(first?.city).toBe('Strasbourg');
  });

  it('finds towns by the start of their name, accents, case and hyphens ignored', () => {
    const all = listTowns(db, { limit: 1000 }, STRASBOURG);
    const withAccent = all.find((town) => /[éèêàç]/i.test(town.city) || town.city.includes('-'));
    expect(withAccent).toBeDefined();
    const typed = (withAccent as { city: string }).city.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/-/g, ' ').toUpperCase().slice(0, 6);
    expect(listTowns(db, { prefix: typed, limit: 50 }, STRASBOURG).map((town) => town.id)).toContain(withAccent?.id);
    expect(listTowns(db, { prefix: 'zzzz', limit: 50 }, STRASBOURG)).toEqual([]);
  });

  it('gives a town by its id, and null for one the mirror does not have', () => {
    const [first] = listTowns(db, { limit: 1 }, STRASBOURG);
    expect(townById(db, first?.id as string)).toEqual(first);
    expect(townById(db, '67:Atlantis')).toBeNull();
  });
});
