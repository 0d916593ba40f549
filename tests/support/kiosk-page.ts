/**
 * A person at the kiosk: the real host on the demo mirror (fixed clock), real Chromium, and the
 * catalogues to read expected words from (never from the screen under test).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startHttpHost, type HttpHost } from '../../host/http-host';
import { RENDERER_DIST } from '../../host/project-paths';
import type { KioskRuntime } from '../../host/kiosk-runtime';
import { launchChromium } from './browser';
import { openDemoRuntime, type DemoRuntimeOptions } from './demo-runtime';
import { chromiumPrinting } from '../../host/printing/chromium-pdf';
import { requireChromium } from './system';

export type Catalogue = Record<string, Record<string, string>>;

export function catalogue(code: string): Catalogue {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../locales/${code}.json`, import.meta.url)), 'utf8')) as Catalogue;
}

/** A catalogue text with its {{values}} filled in, as i18next does. */
export function says(catalogueEntry: string | undefined, values: Record<string, string | number> = {}): string {
  if (catalogueEntry === undefined) throw new Error('no such catalogue entry');
  return catalogueEntry.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}

export interface KioskUnderTest {
  browser: Browser;
  host: HttpHost;
  runtime: KioskRuntime;
  close: () => Promise<void>;
}

/** The demo kiosk on the real host; it prints (headless Chromium on its print page) when asked. */
export async function startKiosk(options: DemoRuntimeOptions & { renderPrints?: boolean } = {}): Promise<KioskUnderTest> {
  const demo = openDemoRuntime(options);
  const host = await startHttpHost({ port: 0, staticDir: RENDERER_DIST, dispatch: demo.runtime.dispatch, tiles: demo.runtime.tiles, logError: () => undefined });
  if (options.renderPrints) demo.runtime.printing.useRenderer(chromiumPrinting(requireChromium(), host.url));
  const browser = await launchChromium();
  return {
    browser,
    host,
    runtime: demo.runtime,
    close: async () => {
      await browser.close();
      await host.close();
      await demo.dispose();
    },
  };
}

export interface OpenPage {
  page: Page;
  /** Errors the page logged: a journey ends with none. */
  errors: string[];
  /** Requests that left the kiosk's own host (there must be none). */
  outside: string[];
}

export async function openKiosk(kiosk: KioskUnderTest, viewport = { width: 1280, height: 1024 }): Promise<OpenPage> {
  // A context of its own per person (axe-core needs one); closing the page closes it.
  const context = await kiosk.browser.newContext({ viewport, hasTouch: true });
  const page = await context.newPage();
  page.on('close', () => {
    context.close().catch(() => undefined); // the browser may already be closing
  });
  const errors: string[] = [];
  const outside: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(kiosk.host.url) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
  });
  await page.goto(kiosk.host.url);
  await page.waitForSelector('[data-screen="welcome"]');
  return { page, errors, outside };
}

/** Taps like a finger (touch events), then waits for the screen it leads to. */
export async function tap(page: Page, selector: string, then?: string): Promise<void> {
  await page.locator(selector).first().tap();
  if (then) await page.waitForSelector(then);
}

export async function chooseLanguage(page: Page, code: string): Promise<void> {
  await page.locator(`[data-language="${code}"]`).first().tap();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, code);
}

/** Need → "show all" → results with their cards painted. */
export async function openResults(page: Page, need = 'food'): Promise<void> {
  await tap(page, `[data-category="${need}"]`);
  await page.waitForSelector('[data-screen="needs"], [data-screen="results"]');
  if (await page.locator('[data-screen="needs"]').count()) await tap(page, '[data-testid="show-all"]', '[data-screen="results"]');
  await page.waitForSelector('[data-testid="place-card"]');
}

export async function openFirstPlace(page: Page): Promise<string> {
  await openResults(page);
  const card = page.locator('[data-testid="place-card"]').first();
  const id = (await card.getAttribute('data-place')) as string;
  await card.tap();
  await page.waitForSelector(`[data-screen="place"][data-place="${id}"]`);
  return id;
}
