/**
 * A person at the kiosk: the welcome screen served by the real host, in real Chromium.
 * Expected labels come from the catalogues, not from the screen.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../../host/http-host';
import { RENDERER_DIST } from '../../host/project-paths';
import { launchChromium } from '../support/browser';
import { openDemoRuntime } from '../support/demo-runtime';

const catalogue = (code: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../locales/${code}.json`, import.meta.url)), 'utf8')) as {
    categories: Record<string, string>;
    welcome: Record<string, string>;
  };
const fr = catalogue('fr');
const en = catalogue('en');
const ar = catalogue('ar');
// The demo config's featured needs, in its order (kiosk-config/examples/demo.jsonc).
const ROOTS = ['food', 'accomodation_and_housing', 'hygiene_and_wellness', 'health', 'equipment', 'counseling', 'training_and_jobs', 'technology', 'mobility', 'welcome', 'activities'];

let browser: Browser;
let host: HttpHost;
let dispose: () => Promise<void>;

beforeAll(async () => {
  const demo = openDemoRuntime();
  dispose = demo.dispose;
  host = await startHttpHost({ port: 0, staticDir: RENDERER_DIST, dispatch: demo.runtime.dispatch, tiles: demo.runtime.tiles, logError: () => undefined });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await dispose?.();
});

async function openWelcome(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1024 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(host.url);
  await page.waitForSelector('[data-screen="welcome"]');
  return { page, errors };
}

const tileLabels = (page: Page) => page.locator('[data-category] .tile__label').allTextContents();

describe('the welcome screen', () => {
  it('shows, in French, the kiosk label, the demo notice, the data date and the eleven needs', async () => {
    const { page, errors } = await openWelcome();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.textContent('[data-testid="kiosk-label"]')).toBe(fr.welcome.youAreHere?.replace('{{label}}', 'CAF du Bas-Rhin — Strasbourg'));
    expect(await page.textContent('[data-testid="demo-banner"]')).toBe(fr.welcome.demo);
    expect(await page.textContent('[data-testid="data-date"]')).toContain('24 novembre 2026');
    expect(await tileLabels(page)).toEqual(ROOTS.map((id) => fr.categories[id]));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches to English on a tap, every label following', async () => {
    const { page, errors } = await openWelcome();
    await page.click('[data-language="en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await tileLabels(page)).toEqual(ROOTS.map((id) => en.categories[id]));
    expect(await page.textContent('h1')).toBe(en.welcome.whatDoYouNeed);
    expect(await page.textContent('[data-testid="data-date"]')).toContain('November 24, 2026');
    expect(await page.getAttribute('[data-language="en"]', 'aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lays out right to left in Arabic without overflowing the screen', async () => {
    const { page } = await openWelcome();
    await page.click('[data-language="ar"]');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await tileLabels(page)).toEqual(ROOTS.map((id) => ar.categories[id]));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await page.close();
  });

  it('names each language in itself on its button, whatever the current language', async () => {
    const { page } = await openWelcome();
    expect((await page.locator('[data-language]').allTextContents()).slice(0, 3)).toEqual(['Français', 'English', 'العربية']);
    expect(await page.locator('[data-language]').count()).toBe(14);
    await page.close();
  });

  it('keeps touch targets at least 48×48 CSS px', async () => {
    const { page } = await openWelcome();
    const sizes = await page.locator('button').evaluateAll((buttons) =>
      buttons.map((b) => {
        const r = b.getBoundingClientRect();
        return { text: b.textContent, small: r.width < 48 || r.height < 48 };
      }),
    );
    expect(sizes.filter((s) => s.small)).toEqual([]);
    await page.close();
  });
});
