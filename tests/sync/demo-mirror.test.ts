import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeConformance, SHARED_FIXTURES } from '../support/shared-corpus';
import type { ApiCategoryNode } from '../../sync/categories/store-categories';
import { demoTaxonomy, ensureDemoMirror, NotADemoMirrorError, DEMO_PLACE_COUNT } from '../../sync/demo/demo-mirror';
import { openMirror } from '../../sync/mirror-database';
import { categoryTree, mirrorSummary, writeMeta } from '../../sync/mirror-queries';

const AREA = { departments: ['67'] };
const NOW = new Date('2026-11-24T09:30:00Z');
const SHARED_CATEGORIES = `${SHARED_FIXTURES}example-4-response-GET-v2-categories.json`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'demo-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the demo mirror', () => {
  it('is generated once, marked as demo, with its data date, places of the kiosk’s department and the taxonomy', () => {
    const file = join(dir, 'demo.sqlite');
    expect(ensureDemoMirror(file, AREA, NOW)).toBe(true);
    expect(ensureDemoMirror(file, AREA, new Date('2027-01-01T00:00:00Z'))).toBe(false);
    const db = openMirror(file);
    const summary = mirrorSummary(db);
    expect(summary).toMatchObject({ source: 'demo', dataDate: NOW.toISOString() });
    // Only what a partner would see: fewer than generated (drafts, offline, PRO are left out), many still.
    expect(summary.placeCount).toBeGreaterThan(DEMO_PLACE_COUNT / 2);
    expect(summary.placeCount).toBeLessThan(DEMO_PLACE_COUNT);
    const places = db.prepare('SELECT name, department_code FROM places').all() as { name: string; department_code: string }[];
    for (const place of places) {
      expect(place.name).toMatch(/\(démo\)$/);
      expect(place.department_code).toBe('67');
    }
    expect(db.prepare("SELECT kind, outcome FROM sync_runs").all()).toEqual([{ kind: 'demo', outcome: 'success' }]);
    const orphans = db.prepare('SELECT count(*) FROM services WHERE category_id NOT IN (SELECT id FROM categories)').pluck().get();
    expect(orphans).toBe(0);
    expect(categoryTree(db).map((root) => root.id)).toEqual(demoTaxonomy().map((root) => root.id));
    db.close();
    expect(existsSync(`${file}.${process.pid}.tmp`)).toBe(false);
  });

  it('is the same directory on every generation', () => {
    ensureDemoMirror(join(dir, 'a.sqlite'), AREA, NOW);
    ensureDemoMirror(join(dir, 'b.sqlite'), AREA, NOW);
    const rows = (file: string) => new Database(join(dir, file), { readonly: true }).prepare('SELECT * FROM places ORDER BY lieu_id').all();
    expect(rows('a.sqlite')).toEqual(rows('b.sqlite'));
  });

  it('is regenerated when written by another generator version', () => {
    const file = join(dir, 'demo.sqlite');
    ensureDemoMirror(file, AREA, NOW);
    const db = openMirror(file);
    writeMeta(db, 'demo_generator', 'old');
    db.close();
    expect(ensureDemoMirror(file, AREA, NOW)).toBe(true);
  });

  it('never overwrites a real Soliguide mirror', () => {
    const file = join(dir, 'real.sqlite');
    const db = openMirror(file);
    writeMeta(db, 'source', 'soliguide');
    db.close();
    expect(() => ensureDemoMirror(file, AREA, NOW)).toThrow(NotADemoMirrorError);
    const check = openMirror(file);
    expect(mirrorSummary(check).source).toBe('soliguide');
    check.close();
  });

  it('reads the category tree in display order, a multi-parent leaf under each parent', () => {
    const file = join(dir, 'demo.sqlite');
    ensureDemoMirror(file, AREA, NOW);
    const db = openMirror(file);
    const tree = categoryTree(db);
    db.close();
    const ranks = tree.map((root) => root.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const health = tree.find((root) => root.id === 'health');
    const parentsOfPsychiatry = health?.children.filter((child) => child.children.some((c) => c.id === 'psychiatry')).map((c) => c.id);
    expect(parentsOfPsychiatry?.sort()).toEqual(['health_specialists', 'mental_health']);
  });
});

describeConformance('the embedded category graph', () => {
  it('is the same as Soliguide’s GET /v2/categories', () => {
    const strip = (node: ApiCategoryNode): ApiCategoryNode => ({ id: node.id, rank: node.rank, children: node.children.map(strip) });
    const shared = (JSON.parse(readFileSync(SHARED_CATEGORIES, 'utf8')) as ApiCategoryNode[]).map(strip);
    expect(demoTaxonomy()).toEqual(shared);
  });
});
