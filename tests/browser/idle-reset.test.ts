/**
 * After the idle time, the countdown; after the countdown, a fresh welcome screen in the default
 * language with no trace of the session: not in the DOM, not in storage, not in the URL.
 * The page's clock is Playwright's fake clock, so the 90 + 15 seconds pass at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue, chooseLanguage, openKiosk, openFirstPlace, startKiosk, tap, type KioskUnderTest } from '../support/kiosk-page';

let kiosk: KioskUnderTest;
beforeAll(async () => {
  kiosk = await startKiosk();
});
afterAll(async () => {
  await kiosk?.close();
});

async function traces(page: import('playwright-core').Page) {
  return page.evaluate(() => ({
    url: location.href,
    local: localStorage.length,
    session: sessionStorage.length,
    cookies: document.cookie,
    html: document.body.innerHTML,
    lang: document.documentElement.lang,
    textSize: document.documentElement.dataset.textSize,
    contrast: document.documentElement.dataset.contrast,
    scroll: window.scrollY,
  }));
}

describe('idle reset', () => {
  it('asks "are you still there?" after the idle time, and a touch keeps the session', async () => {
    const { page } = await openKiosk(kiosk);
    await page.clock.install();
    await chooseLanguage(page, 'en');
    await page.clock.runFor(91_000);
    await page.waitForSelector('[data-testid="idle-countdown"]');
    expect(await page.textContent('[data-testid="idle-countdown"] h2')).toBe(catalogue('en').idle?.title);
    await tap(page, '[data-testid="idle-stay"]');
    await page.clock.runFor(2_000);
    expect(await page.locator('[data-testid="idle-countdown"]').count()).toBe(0);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.close();
  });

  it('forgets everything of the session once the countdown ends', async () => {
    const { page } = await openKiosk(kiosk);
    await page.clock.install();
    const startUrl = page.url();
    await chooseLanguage(page, 'ar');
    await tap(page, '[data-testid="nav-text-size"]');
    await tap(page, '[data-testid="nav-contrast"]');
    // Typed words, a filter, a place seen, a town chosen, a scroll.
    await tap(page, '[data-testid="open-text-search"]', '[data-screen="text-search"]');
    await tap(page, '[data-skbtn="{layout}"]');
    for (const letter of ['z', 'e', 'b', 'r', 'e']) await tap(page, `.hg-button[data-skbtn="${letter}"]`);
    await tap(page, '[data-testid="nav-home"]', '[data-screen="welcome"]');
    await tap(page, '[data-testid="open-town"]', '[data-screen="town"]');
    for (const letter of ['H', 'A', 'G']) await tap(page, `[data-letter="${letter}"]`);
    await tap(page, '[data-town]', '[data-screen="welcome"]');
    const placeId = await openFirstPlace(page);
    const placeName = (await page.textContent('h1')) as string;
    // Scrolled by script: a wheel event would count as a touch, and one handled late (under load)
    // would restart the idle time in the middle of the fast-forward below.
    await page.evaluate(() => window.scrollTo(0, 600));
    const during = await traces(page);
    expect(during.scroll).toBeGreaterThan(0);
    expect(during.html).toContain(placeName);
    expect(during.lang).toBe('ar');

    await page.clock.runFor(90_000 + 15_000 + 1_000);
    await page.waitForSelector('[data-screen="welcome"]');
    const after = await traces(page);
    expect(after.url).toBe(startUrl);
    expect(after.lang).toBe('fr');
    expect([after.local, after.session, after.cookies]).toEqual([0, 0, '']);
    expect(after.textSize).toBe('0');
    expect(after.contrast).toBe('normal');
    expect(after.scroll).toBe(0);
    expect(after.html).not.toContain(placeName);
    expect(after.html).not.toContain('zebre');
    expect(after.html).not.toContain('Haguenau');
    expect(after.html).not.toContain(`data-place="${placeId}"`);
    // The welcome screen no longer offers "near Haguenau": the town was forgotten too.
    expect(await page.textContent('[data-testid="open-town"]')).toBe(catalogue('fr').welcome?.otherTown);
    await tap(page, '[data-testid="open-text-search"]', '[data-screen="text-search"]');
    expect(await page.inputValue('[data-testid="search-input"]')).toBe('');
    await page.close();
  });
});
