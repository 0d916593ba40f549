/**
 * The Electron-binary suite: the real Electron shell, driven by Playwright's `_electron`. It runs
 * where the Electron binary is installed (`npm run electron:install`); on machines without it
 * (no internet: these CI machines) it says plainly that it was NOT run.
 */
import { fileURLToPath } from 'node:url';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../host/find-programs';
import {
  SHORTCUTS,
  dropFile,
  expectStillTheKiosk,
  hostileDescription,
  localFile,
  markPage,
  placeLink,
  startOutside,
  watchKiosk,
} from '../support/escape-attempts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const binary = findElectronBinary(root);

if (!binary) {
  console.warn('Electron-binary suite NOT RUN: the Electron binary is not installed here (npm run electron:install needs internet).');
}

describe.skipIf(!binary)('the Electron shell (needs the Electron binary)', () => {
  it('opens the welcome screen in a sandboxed, isolated kiosk window talking over IPC', async () => {
    const app = await electron.launch({ executablePath: binary as string, args: [root, '--now', '2026-11-24T10:30:00+01:00'] });
    try {
      const page = await app.firstWindow();
      await page.waitForSelector('[data-screen="welcome"]');
      expect(page.url()).toBe('app://kiosk/index.html');
      expect(await page.evaluate(() => typeof (window as unknown as { kiosk?: unknown }).kiosk)).toBe('object');
      expect(await page.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe('undefined');
      await expect(page.locator('[data-testid="demo-banner"]').isVisible()).resolves.toBe(true);
    } finally {
      await app.close();
    }
  });

  it('refuses the escape list (the same attempts as the Chromium shell, tests/browser/escape-attempts.test.ts)', async () => {
    const outside = await startOutside();
    const app = await electron.launch({ executablePath: binary as string, args: [root, '--now', '2026-11-24T10:30:00+01:00'] });
    try {
      const page = await app.firstWindow();
      await page.waitForSelector('[data-screen="welcome"]');
      await markPage(page);
      const watch = watchKiosk(page);
      const tapLink = async (html: string) => {
        await placeLink(page, html);
        await page.click('#escape-attempt a');
        await expectStillTheKiosk(page, watch);
      };
      await tapLink(`<a href="${outside.url}">site</a>`);
      await tapLink(`<a href="${outside.url}" target="_blank">new window</a>`);
      expect(await page.evaluate((url) => window.open(url), outside.url)).toBeNull();
      await tapLink(`<a href="${outside.redirect}">redirect</a>`);
      await tapLink(`<a href="file://${localFile()}">file</a>`);
      await tapLink(`<a href="/index.html" download="kiosk.html">download</a>`);
      await tapLink(`<p>${hostileDescription()}</p><a href="javascript:window.escaped=1">raw</a>`);
      await dropFile(page, localFile());
      for (const shortcut of SHORTCUTS) await page.keyboard.press(shortcut);
      await expectStillTheKiosk(page, watch);
      expect(outside.visits()).toBe(0);
      // The main process refuses what the page did not see: fetches to the network.
      expect(await page.evaluate((url) => fetch(url).then(() => 'reached', () => 'refused'), outside.url)).toBe('refused');
    } finally {
      await app.close();
      await outside.close();
    }
  });
});
