/**
 * Staff mode on the real screen, host, CUPS and Chromium: the gesture and the PIN (each wrong PIN
 * makes the next wait longer), a saved list printed to the virtual printer, the printer stopped
 * and seen so (then its incident in the history), and "sync now" against the stand-in API with
 * its outcome, successful and failed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addVirtualPrinter, disablePrinter, enablePrinter, newPdfs, pdfFiles, pdfPagesText, removePrinter, requireCups } from '../support/cups';
import { catalogue, openKiosk, startKiosk, type KioskUnderTest } from '../support/kiosk-page';
import { openStaffMode, staffCall, staffGesture, typePin, DEMO_STAFF_PIN } from '../support/staff';
import { smallDirectory } from '../support/small-directory';
import { startStandIn, type StandIn } from '../stand-in/stand-in-server';
import { TOKEN } from '../support/sync-harness';

const QUEUE = `KioskStaff${process.pid}`;
/** Chromium's PDFs, in print order: their text is read here (cups-pdf's copies lose it); the copies prove the spooler printed. */
const rendered: Buffer[] = [];
const fr = catalogue('fr') as unknown as Record<string, unknown>;
/** A French catalogue text by its dotted key (expected words come from the catalogue, never the screen). */
function frText(key: string): string {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], fr);
  if (typeof found !== 'string') throw new Error(`no catalogue text ${key}`);
  return found;
}
let kiosk: KioskUnderTest;

beforeAll(async () => {
  await requireCups();
  addVirtualPrinter(QUEUE);
  kiosk = await startKiosk({
    renderPrints: true,
    config: { printer: { name: QUEUE, paper: 'ticket-80mm' } },
    printing: { timing: { stateCacheMs: 0 }, onRendered: (_job, document) => rendered.push(document.pdf) },
  });
});

afterAll(async () => {
  await kiosk?.close();
  removePrinter(QUEUE);
});

const notice = (page: Page) => page.locator('[data-testid="staff-pin-notice"]');

async function waitSeconds(page: Page): Promise<number> {
  await page.waitForSelector('[data-testid="staff-pin-wait"]');
  return Number(await page.locator('[data-testid="staff-pin-wait"]').getAttribute('data-seconds'));
}

/** The pad's countdown has run out. */
async function untilWaitOver(page: Page): Promise<void> {
  await page.locator('[data-testid="staff-pin-wait"]').waitFor({ state: 'detached', timeout: 20_000 });
}

describe('staff mode', () => {
  it('opens only with the gesture and the right PIN; each wrong PIN makes the next try wait longer', { timeout: 90_000 }, async () => {
    const { page, errors } = await openKiosk(kiosk);
    // Four taps are not the gesture.
    await staffGesture(page, 4);
    await page.waitForTimeout(300);
    expect(await page.locator('[data-testid="staff-pin"]').count()).toBe(0);
    await page.waitForTimeout(3_100);
    await staffGesture(page, 5);
    await page.waitForSelector('[data-testid="staff-pin"]');

    await typePin(page, '1111');
    await page.waitForSelector('[data-testid="staff-pin-notice"][data-kind="wrong"]');
    expect(await notice(page).textContent()).toContain(frText('staff.pin.wrong'));
    const first = await waitSeconds(page);
    // Too soon: the button stays off while the wait runs, even with digits typed.
    await page.locator('[data-testid="staff-pin-2"]').tap();
    expect(await page.locator('[data-testid="staff-pin-submit"]').isDisabled()).toBe(true);
    await page.locator('[data-testid="staff-pin-erase"]').tap();
    await untilWaitOver(page);
    await page.locator('[data-testid="staff-pin-1"]').tap();
    await typePin(page, '234');
    const second = await waitSeconds(page);
    await untilWaitOver(page);
    await typePin(page, '9999');
    const third = await waitSeconds(page);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(second).toBeGreaterThan(first);
    expect(third).toBeGreaterThan(second);
    // The host refuses a try during the wait without checking it, even the right PIN.
    const early = await kiosk.runtime.dispatch('staffUnlock', { pin: DEMO_STAFF_PIN });
    expect(early).toMatchObject({ ok: true, value: { unlocked: false, reason: 'wait' } });

    await untilWaitOver(page);
    await typePin(page, DEMO_STAFF_PIN);
    await page.waitForSelector('[data-screen="staff"]');
    expect(await page.locator('[data-screen="staff"] h1').textContent()).toBe(frText('staff.title'));
    // Leaving locks: the screen's token no longer opens staff calls.
    await page.locator('[data-testid="staff-leave"]').tap();
    await page.waitForSelector('[data-screen="welcome"]');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prints a saved list on the kiosk printer', { timeout: 120_000 }, async () => {
    const spec = { categories: ['food'], radiusMetres: 3000, openOnWeekday: null, language: 'fr', format: 'sheet' };
    await staffCall(kiosk.runtime, 'savePrintPreset', { name: 'Aide alimentaire — 3 km', spec });
    const { page } = await openKiosk(kiosk);
    await openStaffMode(page);
    const preset = page.locator('[data-preset="Aide alimentaire — 3 km"]');
    await preset.waitFor();
    const before = pdfFiles();
    await preset.locator('[data-testid="staff-preset-print"]').tap();
    await page.waitForSelector('[data-testid="staff-job"][data-state="printed"]', { timeout: 60_000 });
    await newPdfs(before, 1, 30_000);
    const text = pdfPagesText(rendered.at(-1) as Buffer).join('\n');
    expect(text).toContain('Aide alimentaire — 3 km');
    // The list's places are the ones the search finds for the same need and radius.
    const search = await kiosk.runtime.dispatch('search', { language: 'fr', category: 'food', radiusMetres: 3000, pageSize: 5 });
    const names = (search.ok ? (search.value as { items: { name: string }[] }).items : []).map((item) => item.name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names.slice(0, 3)) expect(text.replace(/\s+/g, ' ')).toContain(name.split(' ')[0]);
    // Counted as a list, for the impact figures.
    const usage = await staffCall<{ rows: { metric: string; count: number }[] }>(kiosk.runtime, 'staffUsage', { days: 2 });
    expect(usage.rows.filter((row) => row.metric === 'list').reduce((sum, row) => sum + row.count, 0)).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('shows the printer stopped when its CUPS queue is stopped, and keeps the incident in the history', { timeout: 180_000 }, async () => {
    const { page } = await openKiosk(kiosk);
    await openStaffMode(page);
    await page.locator('[data-testid="staff-tab-printer"]').tap();
    await page.waitForSelector('[data-testid="staff-printer-state"] [data-state="idle"]');
    disablePrinter(QUEUE);
    try {
      await page.waitForSelector('[data-testid="staff-printer-state"] [data-state="stopped"]', { timeout: 20_000 });
      expect(await page.locator('[data-testid="staff-printer-state"] dd').textContent()).toBe(frText('staff.printer.states.stopped'));
      await page.waitForSelector('[data-testid="staff-incidents"] li[data-state="stopped"][data-ongoing="yes"]', { timeout: 20_000 });
      // A test page now fails and says the printer is unavailable.
      await page.locator('[data-testid="staff-test-print"]').tap();
      await page.waitForSelector('[data-testid="staff-job"][data-state="failed"]', { timeout: 30_000 });
      expect(await page.locator('[data-testid="staff-job"]').textContent()).toContain(frText('staff.job.printerUnavailable'));
    } finally {
      enablePrinter(QUEUE);
    }
    await page.waitForSelector('[data-testid="staff-printer-state"] [data-state="idle"]', { timeout: 20_000 });
    await page.waitForSelector('[data-testid="staff-incidents"] li[data-state="stopped"][data-ongoing="no"]', { timeout: 20_000 });
    // Back in order: the test page prints (read back from the virtual printer).
    const before = pdfFiles();
    await page.locator('[data-testid="staff-test-print"]').tap();
    await page.waitForSelector('[data-testid="staff-job"][data-state="printed"]', { timeout: 60_000 });
    await newPdfs(before, 1, 30_000);
    const text = pdfPagesText(rendered.at(-1) as Buffer).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(frText('staff.test.title'));
    expect(text).toContain(QUEUE);
    await page.close();
  });
});

describe('sync now, from staff mode', () => {
  let standIn: StandIn;
  let syncing: KioskUnderTest;

  beforeAll(async () => {
    process.env.STAFF_TEST_SOLIGUIDE_TOKEN = TOKEN;
    const { places, translations } = smallDirectory(60, 11);
    standIn = await startStandIn({ port: 0, places, translations, accounts: [{ token: TOKEN, departments: ['75'] }] });
    syncing = await startKiosk({
      config: {
        demo: false,
        kiosk: { id: 'caf-75-staff-test', name: 'Test' },
        location: { latitude: 48.8566, longitude: 2.3522, address: '5 rue de Lobau, 75004 Paris', label: 'CAF de Paris' },
        territory: { departments: ['75'] },
        soliguide: { apiBaseUrl: standIn.url, token: { env: 'STAFF_TEST_SOLIGUIDE_TOKEN' } },
        languages: { enabled: ['fr', 'en'], default: 'fr' },
      },
    });
  });

  afterAll(async () => {
    await syncing?.close();
    await standIn?.close();
  });

  const lastOutcome = (page: Page, kind: 'full' | 'light') => page.locator(`[data-testid="staff-last-${kind}"] [data-outcome]`).getAttribute('data-outcome');

  it('runs a pass when staff ask and shows how it ended, success or failure', { timeout: 180_000 }, async () => {
    // The kiosk starts with no data: its catch-up full pass runs first.
    for (let i = 0; i < 300 && (syncing.runtime.scheduler?.isRunning() ?? false); i++) await new Promise((r) => setTimeout(r, 200));
    const { page } = await openKiosk(syncing);
    await openStaffMode(page);
    await page.locator('[data-testid="staff-tab-data"]').tap();
    await page.waitForSelector('[data-testid="staff-last-full"] [data-outcome="success"]', { timeout: 60_000 });
    expect(Number(await page.locator('[data-testid="staff-place-count"] dd').textContent())).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="staff-last-light"] dd').textContent()).toBe(frText('staff.data.never'));

    await page.locator('[data-testid="staff-sync-light"]').tap();
    await page.waitForSelector('[data-testid="staff-last-light"] [data-outcome="success"]', { timeout: 60_000 });
    expect(standIn.requests.some((request) => request.path.startsWith('/new-search'))).toBe(true);

    // The API fails: the pass is said to have failed, with what was kept.
    standIn.setFaults({ statusAtPage: { page: 1, status: 503 } });
    await page.locator('[data-testid="staff-sync-full"]').tap();
    await page.waitForSelector('[data-testid="staff-last-full"] [data-outcome="failed"]', { timeout: 60_000 });
    expect(await lastOutcome(page, 'light')).toBe('success');
    const failure = await page.locator('[data-testid="staff-last-full"] .staff-error').textContent();
    expect(failure).toMatch(/503/);
    standIn.setFaults({});
    await page.close();
  });
});
