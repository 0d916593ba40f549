/**
 * Every screen and dialog, in French and in Arabic (right to left): zero axe-core violations on
 * the WCAG 2.0/2.1/2.2 A and AA tags, landmarks and a heading. Each screen is also saved as a
 * picture under docs/screenshots/ so that a reviewer can see the kiosk without running it.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguage, openFirstPlace, openKiosk, openResults, startKiosk, tap, type KioskUnderTest } from '../support/kiosk-page';
import { openStaffMode, staffGesture } from '../support/staff';

export const SCREENSHOTS_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let kiosk: KioskUnderTest;
beforeAll(async () => {
  kiosk = await startKiosk();
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
});
afterAll(async () => {
  await kiosk?.close();
});

const SCREENS: Record<string, (page: Page) => Promise<void>> = {
  welcome: async () => undefined,
  needs: async (page) => tap(page, '[data-category="food"]', '[data-screen="needs"]'),
  results: async (page) => {
    await openResults(page);
    await page.waitForSelector('[data-testid="results-map"] .pin:not(.pin--here)');
  },
  place: async (page) => {
    await openFirstPlace(page);
    await page.waitForSelector('[data-testid="place-map"] .pin');
  },
  'text-search': async (page) => {
    await tap(page, '[data-testid="open-text-search"]', '[data-screen="text-search"]');
    await page.waitForSelector('.hg-button');
  },
  town: async (page) => {
    await tap(page, '[data-testid="open-town"]', '[data-screen="town"]');
    await page.waitForSelector('[data-town]');
  },
  help: async (page) => tap(page, '[data-testid="nav-help"]', '[data-testid="help"]'),
  report: async (page) => {
    await openFirstPlace(page);
    await tap(page, '[data-testid="report-open"]', '[data-testid="report"]');
  },
  language: async (page) => {
    await openResults(page);
    await tap(page, '[data-testid="nav-language"]', '[data-testid="language-dialog"]');
  },
  'high-contrast': async (page) => {
    await tap(page, '[data-testid="nav-contrast"]');
    await openResults(page);
  },
  'staff-pin': async (page) => {
    await staffGesture(page);
    await page.waitForSelector('[data-testid="staff-pin"]');
  },
  ...Object.fromEntries(
    ['lists', 'printer', 'data', 'quality', 'reports', 'usage', 'kiosk'].map((tab) => [
      `staff-${tab}`,
      async (page: Page) => {
        await openStaffMode(page);
        await tap(page, `[data-testid="staff-tab-${tab}"]`, `[data-panel="${tab}"]`);
        await page.waitForFunction(() => !document.querySelector('[data-panel] [aria-busy="true"]'));
      },
    ]),
  ),
};

describe('the accessibility check itself', () => {
  it('finds a violation when there is one (a button without a name, grey on grey)', async () => {
    const { page } = await openKiosk(kiosk);
    await page.evaluate(() => {
      const main = document.querySelector('main') as HTMLElement;
      main.insertAdjacentHTML('beforeend', '<button type="button" data-planted></button><p data-planted>Texte presque invisible</p>');
      const text = main.querySelector('p[data-planted]') as HTMLElement;
      text.style.color = '#bbb';
      text.style.background = '#ccc';
    });
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(results.violations.map((v) => v.id).sort()).toEqual(['button-name', 'color-contrast']);
    await page.close();
  });
});

describe.each(['fr', 'ar'])('accessibility in %s', (language) => {
  it.each(Object.keys(SCREENS))('%s has no axe violation, a main landmark and a heading', async (screen) => {
    const { page } = await openKiosk(kiosk);
    if (language !== 'fr') await chooseLanguage(page, language);
    await (SCREENS[screen] as (page: Page) => Promise<void>)(page);
    // Let the map and fonts settle so the picture shows what a person sees.
    await page.waitForTimeout(300);
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const violations = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
    await page.screenshot({ path: `${SCREENSHOTS_DIR}${language}-${screen}.jpg`, type: 'jpeg', quality: 70 });
    expect(violations).toEqual([]);
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('h1, dialog[open] h2').count()).toBeGreaterThan(0);
    await page.close();
  });
});
