/**
 * Remote settings on the screen: they apply without a restart, never during a session. New
 * settings wait for the idle reset of a session under way; an untouched welcome screen takes them
 * within a minute. The page runs on Playwright's fake clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleetEndpoint, type FleetEndpoint } from '../stand-in/fleet-endpoint';
import { FIXED_NOW } from '../support/demo-runtime';
import { fleetAdmin } from '../support/fleet-admin';
import { chooseLanguage, openKiosk, startKiosk, type KioskUnderTest } from '../support/kiosk-page';

const HOUR = 3_600_000;
const admin = fleetAdmin();
let endpoint: FleetEndpoint;
let kiosk: KioskUnderTest;

function announce(fr: string, minutesAgo: number): string {
  return admin.seal({
    issuedAt: new Date(FIXED_NOW.getTime() - minutesAgo * 60_000).toISOString(),
    expiresAt: new Date(FIXED_NOW.getTime() + 24 * HOUR).toISOString(),
    announcement: { text: { fr } },
    featuredCategories: ['health', 'food'],
  });
}

beforeAll(async () => {
  endpoint = await startFleetEndpoint({ token: null });
  kiosk = await startKiosk({ config: { remoteSettings: { url: endpoint.settingsUrl, publicKey: admin.publicKey, everyMinutes: 30 } } });
});

afterAll(async () => {
  await kiosk?.close();
  await endpoint?.close();
});

/** The page's clock is fake (its timers too): it is moved on here while we wait. */
async function untilBanner(page: import('playwright-core').Page, text: string): Promise<void> {
  for (let step = 0; step < 50; step++) {
    if ((await banner(page)) === text) return;
    await page.clock.runFor(1_000);
  }
  throw new Error(`the banner never said "${text}"; it says "${await banner(page)}"`);
}

/** The kiosk on a fake clock from its first script on. */
async function openOnFakeClock() {
  const { page } = await openKiosk(kiosk);
  await page.clock.install();
  await page.reload();
  await page.waitForSelector('[data-screen="welcome"]');
  return page;
}

const banner = (page: import('playwright-core').Page) => page.locator('[data-testid="announcement"] p').textContent();
const needs = (page: import('playwright-core').Page) =>
  page.locator('[data-screen="welcome"] [data-category]').evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-category')));

describe('remote settings on the screen', () => {
  it('wait for the end of a session under way, then apply at the reset', async () => {
    const page = await openOnFakeClock();
    const before = await banner(page);
    // Someone is using the kiosk when the admin's new settings arrive.
    await chooseLanguage(page, 'en');
    endpoint.setSettings(announce('Fermeture exceptionnelle lundi 30 novembre', 50));
    expect(await kiosk.runtime.remoteSettings?.refresh()).toMatchObject({ kind: 'applied' });
    await chooseLanguage(page, 'fr');
    await page.clock.runFor(61_000);
    expect(await banner(page)).toBe(before);
    // The idle reset ends the session; the next one has the new settings.
    await page.clock.runFor(30_000 + 15_000);
    await untilBanner(page, 'Fermeture exceptionnelle lundi 30 novembre');
    expect((await needs(page)).slice(0, 2)).toEqual(['health', 'food']);
    await page.close();
  });

  it('reach an untouched welcome screen within a minute, without a restart', async () => {
    const page = await openOnFakeClock();
    endpoint.setSettings(announce('Permanence juridique jeudi', 40));
    expect(await kiosk.runtime.remoteSettings?.refresh()).toMatchObject({ kind: 'applied' });
    expect(await banner(page)).not.toBe('Permanence juridique jeudi');
    await page.clock.runFor(30_000);
    expect(await banner(page)).not.toBe('Permanence juridique jeudi');
    await untilBanner(page, 'Permanence juridique jeudi');
    await page.close();
  });
});
