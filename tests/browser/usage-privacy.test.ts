/**
 * The anonymous impact figures: a person's session adds to the day's counters (need searched,
 * place looked at, languages, the idle reset) and leaves no other trace — not in the mirror, not
 * in the kiosk's own records beyond the sums, not in the browser.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usagePathFor } from '../../sync/usage/usage-store';
import { chooseLanguage, openKiosk, openResults, startKiosk, type KioskUnderTest } from '../support/kiosk-page';
import { staffCall } from '../support/staff';

let kiosk: KioskUnderTest;

beforeAll(async () => {
  kiosk = await startKiosk({ config: { idleTimeoutSeconds: 20, idleCountdownSeconds: 5 } });
});
afterAll(async () => {
  await kiosk?.close();
});

/** Every row of every table of a SQLite file, read through its own connection. */
function everything(file: string, except: string[] = []): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    const rows: Record<string, unknown[]> = {};
    for (const table of tables.filter((name) => !except.includes(name))) rows[table] = db.prepare(`SELECT * FROM "${table}"`).all();
    return rows;
  } finally {
    db.close();
  }
}

type Row = { metric: string; key: string; count: number };
// Today and yesterday: a test that runs across the kiosk's midnight still sees its session whole.
const counters = async (): Promise<Row[]> => (await staffCall<{ rows: Row[] }>(kiosk.runtime, 'staffUsage', { days: 2 })).rows;
const countOf = (rows: Row[], metric: string, key = ''): number => rows.find((row) => row.metric === metric && row.key === key)?.count ?? 0;

describe('usage counters', () => {
  it("a session's searches increase the counters and leave no other trace", { timeout: 120_000 }, async () => {
    const mirrorPath = kiosk.runtime.mirrorPath;
    const usagePath = usagePathFor(mirrorPath);
    const before = await counters();
    const mirrorBefore = everything(mirrorPath);
    // The printer's own history is the machine's, not the person's: left out of the comparison.
    const recordsBefore = everything(usagePath, ['usage_counters', 'printer_events']);

    const { page, errors } = await openKiosk(kiosk);
    await openResults(page, 'food');
    const card = page.locator('[data-testid="place-card"]').first();
    await card.tap();
    await page.waitForSelector('[data-screen="place"]');
    await page.locator('[data-testid="nav-back"]').tap();
    await page.waitForSelector('[data-screen="results"]');
    // Back on the same results: the same search, not counted twice.
    await page.locator('[data-testid="nav-language"]').tap();
    await chooseLanguage(page, 'en');
    // Nobody touches the screen: the idle reset ends the session.
    await page.waitForSelector('[data-screen="welcome"]', { timeout: 40_000 });
    await page.waitForFunction(() => document.documentElement.lang === 'fr');

    let after = await counters();
    for (let i = 0; i < 20 && countOf(after, 'idle-reset') === countOf(before, 'idle-reset'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await counters();
    }
    const added = (metric: string, key = ''): number => countOf(after, metric, key) - countOf(before, metric, key);
    expect(added('session')).toBe(1);
    expect(added('language', 'fr')).toBe(1);
    expect(added('language', 'en')).toBe(1);
    expect(added('search', 'food')).toBe(1);
    expect(added('no-result', 'food')).toBe(0);
    expect(added('place-view')).toBe(1);
    expect(added('idle-reset')).toBe(1);
    // Nothing else was counted.
    const total = (rows: Row[]): number => rows.reduce((sum, row) => sum + row.count, 0);
    expect(total(after) - total(before)).toBe(6);

    // No other trace: the mirror and the kiosk's records are as they were, the browser kept nothing.
    expect(everything(mirrorPath)).toEqual(mirrorBefore);
    expect(everything(usagePath, ['usage_counters', 'printer_events'])).toEqual(recordsBefore);
    const stored = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookies: document.cookie,
      databases: (await indexedDB.databases()).length,
    }));
    expect(stored).toEqual({ local: 0, session: 0, cookies: '', databases: 0 });
    expect((await page.context().cookies()).length).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('take ids only: an unknown need or a typed text is refused, a search with nothing found counts as an unmet need', async () => {
    const before = await counters();
    expect((await kiosk.runtime.dispatch('usage', { event: 'search', category: 'not_a_need', text: false, found: true })).ok).toBe(false);
    expect((await kiosk.runtime.dispatch('usage', { event: 'search', category: null, text: 'soupe rue Kuhn', found: true })).ok).toBe(false);
    expect((await kiosk.runtime.dispatch('usage', { event: 'place-view', placeId: 12 })).ok).toBe(false);
    expect(await kiosk.runtime.dispatch('usage', { event: 'search', category: 'shower', text: false, found: false })).toEqual({ ok: true, value: { counted: true } });
    expect(await kiosk.runtime.dispatch('usage', { event: 'search', category: null, text: true, found: false })).toEqual({ ok: true, value: { counted: true } });
    const after = await counters();
    expect(countOf(after, 'no-result', 'shower') - countOf(before, 'no-result', 'shower')).toBe(1);
    expect(countOf(after, 'search', '_words') - countOf(before, 'search', '_words')).toBe(1);
    expect(countOf(after, 'no-result', '_words') - countOf(before, 'no-result', '_words')).toBe(1);
  });
});
