/**
 * The six journeys of a person at the kiosk, taps only, in French and in Arabic (right to left),
 * on the demo mirror at a fixed clock (Tuesday 24 November 2026, 10:30 in Strasbourg). What is
 * asserted is what the person sees; expected words come from the catalogues.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESPEAK_INSTALL_HINT } from '../../host/read-aloud/espeak-speaker';
import { placeReports } from '../../sync/reports/place-reports';
import { requireProgram } from '../support/system';
import { catalogue, chooseLanguage, openFirstPlace, openKiosk, openResults, says, startKiosk, tap, type KioskUnderTest } from '../support/kiosk-page';

const fr = catalogue('fr');
const ar = catalogue('ar');
// Evaluated through the debugging protocol, which the page's CSP does not govern (a script tag would be refused).
const JS_QR = readFileSync(createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js'), 'utf8');

let kiosk: KioskUnderTest;
beforeAll(async () => {
  kiosk = await startKiosk();
});
afterAll(async () => {
  await kiosk?.close();
});

/** Decodes a QR code on screen the way a phone camera would: from its pixels. */
async function readQr(page: Page, testId: string): Promise<string | null> {
  await page.evaluate(JS_QR);
  const shot = await page.locator(`[data-testid="${testId}"] .qr__code`).screenshot();
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height);
    const decode = (window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }).jsQR;
    return decode(pixels.data, pixels.width, pixels.height)?.data ?? null;
  }, shot.toString('base64'));
}

const cardNumbers = (page: Page) => page.locator('[data-testid="place-card"] .card__number').allTextContents();
const pinNumbers = (page: Page) => page.locator('[data-testid="results-map"] .pin:not(.pin--here) span').allTextContents();

describe.each([
  ['fr', fr],
  ['ar', ar],
] as const)('in %s', (language, words) => {
  async function start(): Promise<Awaited<ReturnType<typeof openKiosk>>> {
    const opened = await openKiosk(kiosk);
    if (language !== 'fr') await chooseLanguage(opened.page, language);
    return opened;
  }

  it('1. the welcome screen says where the kiosk is, greets, offers the languages and the needs in the configured order', async () => {
    const { page, errors, outside } = await start();
    expect(await page.getAttribute('html', 'dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
    expect(await page.textContent('[data-testid="kiosk-label"]')).toBe(says(words.welcome?.youAreHere, { label: 'CAF du Bas-Rhin — Strasbourg' }));
    expect(await page.locator('[data-language]').allTextContents()).toEqual([
      'Français', 'English', 'العربية', 'Español', 'Português', 'Română', 'Русский', 'Українська', 'ქართული', 'دری', 'پښتو', 'Türkçe', 'ትግርኛ', 'Soomaali',
    ]);
    const needs = ['food', 'accomodation_and_housing', 'hygiene_and_wellness', 'health', 'equipment', 'counseling', 'training_and_jobs', 'technology', 'mobility', 'welcome', 'activities'];
    expect(await page.locator('[data-category] .tile__label').allTextContents()).toEqual(needs.map((id) => words.categories?.[id]));
    // The banner is in French only for Arabic: shown in French, and marked as such.
    const banner = await page.textContent('[data-testid="announcement"]');
    expect(banner).toContain('Démonstration : la borne fonctionne sans réseau');
    if (language === 'ar') expect(banner).toContain(words.app?.inFrench);
    const greetings = new Set<string>();
    for (let i = 0; i < 3; i++) {
      greetings.add((await page.textContent('[data-testid="greeting"]')) as string);
      await page.waitForTimeout(2_600);
    }
    expect(greetings.size).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('2. need → sub-needs → show all → numbered cards and matching numbered pins; filters change the list at once', async () => {
    const { page, errors, outside } = await start();
    await tap(page, '[data-category="food"]', '[data-screen="needs"]');
    expect(await page.textContent('[data-testid="show-all"]')).toBe(words.needs?.showAll);
    expect(await page.locator('.needs [data-category]').count()).toBeGreaterThan(1);
    await tap(page, '[data-testid="show-all"]', '[data-testid="place-card"]');
    expect(await page.textContent('h1')).toBe(says(words.results?.titleNearHere, { category: words.categories?.food as string }));
    expect(await page.getAttribute('[data-filter="openNow"]', 'aria-pressed')).toBe('true');
    const numbers = await cardNumbers(page);
    expect(numbers).toEqual(numbers.map((_, i) => String(i + 1)));
    await page.waitForSelector('[data-testid="results-map"] .pin:not(.pin--here)');
    const pins = await pinNumbers(page);
    expect(pins.length).toBeGreaterThan(0);
    expect(pins.every((pin) => numbers.includes(pin))).toBe(true);
    expect(await page.locator('[data-testid="results-map"] .pin--here').count()).toBe(1);
    // With "open now" on, every card says open (or closing soon).
    const states = await page.locator('[data-testid="place-card"] [data-state]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-state')));
    expect(states.every((state) => state === 'open' || state === 'closing-soon')).toBe(true);
    const countOpen = (await page.textContent('[data-testid="results-count"]')) as string;
    await tap(page, '[data-filter="openNow"]');
    await page.waitForFunction((before) => document.querySelector('[data-testid="results-count"]')?.textContent !== before, countOpen);
    const countAll = (await page.textContent('[data-testid="results-count"]')) as string;
    expect(Number(countAll.replace(/\D/g, ''))).toBeGreaterThan(Number(countOpen.replace(/\D/g, '')));
    await tap(page, '[data-filter="wheelchair"]');
    await page.waitForFunction((before) => document.querySelector('[data-testid="results-count"]')?.textContent !== before, countAll);
    const card = await page.locator('[data-testid="place-card"]').first().textContent();
    expect(card).toMatch(says(words.results?.walk, { minutes: 'X' }).replace('X', '').trim().split(' ')[0] as string);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('3. a place shows its state, week, address, map, conditions and two QR codes a phone can read', async () => {
    const { page, errors, outside } = await start();
    const id = await openFirstPlace(page);
    const view = await kiosk.runtime.dispatch('place', { id: Number(id), language });
    if (!view.ok) throw new Error('place not found');
    const place = view.value as { name: string; soliguideUrl: string; week: unknown[] };
    expect(await page.textContent('h1')).toBe(place.name);
    expect(await page.locator('[data-testid="week-hours"] tr').count()).toBe(7);
    expect(await page.textContent('[data-testid="week-hours"] tr:first-child th')).toContain(words.week?.today);
    expect(await readQr(page, 'qr-page')).toBe(place.soliguideUrl);
    expect(await readQr(page, 'qr-directions')).toMatch(/^https:\/\/www\.openstreetmap\.org\/directions\?engine=fossgis_osrm_foot&route=48\.5846,7\.7507;/);
    // This kiosk has no printer: the person gets the fallback at once (printing itself: tests/printing).
    await tap(page, '[data-testid="print"]', '[data-testid="print-dialog"] [data-outcome="unavailable"]');
    expect(await page.textContent('[data-testid="print-dialog"]')).toContain(words.print?.unavailable);
    await tap(page, '[data-testid="print-dialog-close"]');
    await tap(page, '[data-testid="nav-back"]', '[data-screen="results"]');
    await tap(page, '[data-testid="nav-home"]', '[data-screen="welcome"]');
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('4. words typed on the on-screen keyboard suggest needs and places, then search', async () => {
    const { page, errors } = await start();
    await tap(page, '[data-testid="open-text-search"]', '[data-screen="text-search"]');
    expect(await page.getAttribute('[data-testid="search-input"]', 'inputmode')).toBe('none');
    // The French letters, whatever the screen language: a second layout when the first is not Latin.
    if (language === 'ar') {
      expect(await page.locator('.hg-button[data-skbtn="ب"]').count()).toBe(1);
      await tap(page, '[data-skbtn="{layout}"]');
    }
    for (const letter of ['d', 'o', 'u', 'c', 'h', 'e']) await tap(page, `.hg-button[data-skbtn="${letter}"]`);
    expect(await page.inputValue('[data-testid="search-input"]')).toBe('douche');
    await page.waitForSelector('[data-testid="suggestions"] [data-place]');
    await tap(page, '[data-testid="search-submit"]', '[data-screen="results"]');
    await page.waitForSelector('[data-testid="place-card"], [data-testid="results-empty"]');
    expect(await page.textContent('h1')).toContain('douche');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('5. another town, chosen by tapping letters, moves the results around it', async () => {
    const { page, errors } = await start();
    await tap(page, '[data-testid="open-town"]', '[data-screen="town"]');
    for (const letter of ['H', 'A', 'G']) await tap(page, `[data-letter="${letter}"]`);
    expect(await page.textContent('[data-testid="town-prefix"]')).toBe('HAG');
    await page.waitForSelector('[data-town^="67:"]');
    expect(await page.locator('[data-town]').allTextContents()).toEqual([expect.stringContaining('Haguenau')]);
    await tap(page, '[data-town]', '[data-screen="welcome"]');
    await openResults(page);
    expect(await page.textContent('h1')).toBe(says(words.results?.titleNearTown, { category: words.categories?.food as string, town: 'Haguenau' }));
    const cities = await page.locator('[data-testid="place-card"] .card__address').allTextContents();
    expect(cities.filter((text) => text.includes('Haguenau')).length).toBeGreaterThan(cities.length / 2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('6. help is on every screen: 115, the desk, Soliguide’s help; a wrong place is reported in one tap', async () => {
    const { page, errors } = await start();
    await tap(page, '[data-testid="nav-help"]', '[data-testid="help"]');
    expect(await page.textContent('[data-testid="help-115"]')).toContain('115');
    expect(await page.textContent('[data-testid="help-desk"]')).toContain(language === 'fr' ? 'guichet d’accueil' : 'guichet d’accueil');
    expect(await readQr(page, 'help-qr')).toBe('https://soliguide.fr/fr/contact');
    await tap(page, '[data-testid="help-close"]');
    const id = await openFirstPlace(page);
    await tap(page, '[data-testid="nav-help"]', '[data-testid="help"]');
    await tap(page, '[data-testid="help-close"]');
    const before = placeReports(kiosk.runtime.mirror).length;
    await tap(page, '[data-testid="report-open"]', '[data-testid="report"]');
    await tap(page, '[data-reason="hours"]', '[data-testid="report-outcome"]');
    expect(await page.textContent('[data-testid="report-outcome"]')).toBe(words.report?.thanks);
    const reports = placeReports(kiosk.runtime.mirror);
    expect(reports.length).toBe(before + 1);
    expect(reports.at(-1)).toEqual({ placeId: Number(id), reason: 'hours', day: '2026-11-24' });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('everywhere', () => {
  it('reads the screen aloud offline with espeak-ng, and says so when a language has no voice', async () => {
    requireProgram('espeak-ng', ESPEAK_INSTALL_HINT);
    const { page, errors, outside } = await openKiosk(kiosk);
    await openResults(page);
    const spoken = page.waitForResponse((response) => response.url().endsWith('/api/speak'));
    await tap(page, '[data-testid="nav-read"]');
    const response = await spoken;
    expect(response.status()).toBe(200);
    const sent = JSON.parse(response.request().postData() as string) as { language: string; text: string };
    expect(sent.language).toBe('fr');
    expect(sent.text).toContain(says(fr.results?.titleNearHere, { category: fr.categories?.food as string }));
    const wav = Buffer.from(((await response.json()) as { audio: string }).audio, 'base64');
    expect(wav.subarray(8, 12).toString('latin1')).toBe('WAVE');
    expect(await page.getAttribute('[data-testid="nav-read"]', 'aria-pressed')).toBe('true');
    // Tigrinya has no espeak-ng voice: the screen says reading is not available.
    await tap(page, '[data-testid="nav-read"]');
    await tap(page, '[data-testid="nav-language"]', '[data-testid="language-dialog"]');
    await chooseLanguage(page, 'ti');
    await tap(page, '[data-testid="nav-read"]', '[data-testid="reading-unavailable"]');
    expect(await page.textContent('[data-testid="reading-unavailable"]')).toBe(catalogue('ti').nav?.readingUnavailable);
    expect(errors.filter((e) => !e.includes('503'))).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('switching language keeps the current screen', async () => {
    const { page } = await openKiosk(kiosk);
    await openResults(page);
    await tap(page, '[data-testid="nav-language"]', '[data-testid="language-dialog"]');
    await chooseLanguage(page, 'uk');
    expect(await page.locator('[data-screen="results"]').count()).toBe(1);
    expect(await page.textContent('h1')).toBe(says(catalogue('uk').results?.titleNearHere, { category: catalogue('uk').categories?.food as string }));
    await page.close();
  });

  it('keeps every touch target at least 48×48 CSS px on the results screen', async () => {
    const { page } = await openKiosk(kiosk);
    await openResults(page);
    const small = await page.locator('button, a, [role="button"]').evaluateAll((nodes) =>
      nodes
        .map((node) => ({ text: node.textContent?.trim() || node.getAttribute('aria-label'), rect: node.getBoundingClientRect() }))
        .filter(({ rect }) => rect.width > 0 && (rect.width < 48 || rect.height < 48))
        .map(({ text, rect }) => `${text} ${Math.round(rect.width)}×${Math.round(rect.height)}`),
    );
    expect(small).toEqual([]);
    await page.close();
  });

  it('offers three text sizes and a high-contrast mode', async () => {
    const { page } = await openKiosk(kiosk);
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const sizes = [await size()];
    for (let i = 0; i < 2; i++) {
      await tap(page, '[data-testid="nav-text-size"]');
      await page.waitForFunction((before) => parseFloat(getComputedStyle(document.documentElement).fontSize) !== before, sizes.at(-1));
      sizes.push(await size());
    }
    expect(sizes[1]).toBeGreaterThan(sizes[0] as number);
    expect(sizes[2]).toBeGreaterThan(sizes[1] as number);
    await tap(page, '[data-testid="nav-contrast"]');
    await page.waitForFunction(() => document.documentElement.dataset.contrast === 'high');
    const colours = await page.evaluate(() => [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.documentElement).color]);
    expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
    await page.close();
  });
});
