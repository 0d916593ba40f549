/**
 * The escape list against the Chromium shell as `npm start -- --shell=chromium` runs it: real
 * taps, key presses and a dragged file on the kiosk's window, the shared policy deciding
 * (common/shell/kiosk-policy.ts through the renderer's guard). The same list runs against the
 * Electron shell in tests/electron/electron-binary.test.ts where its binary is installed.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChromiumShell } from '../support/chromium-shell';
import { stop } from '../support/processes';
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
  type KioskWatch,
  type Outside,
} from '../support/escape-attempts';

describe('escaping the Chromium shell', () => {
  let kiosk: Awaited<ReturnType<typeof startChromiumShell>>;
  let browser: Browser;
  let page: Page;
  let watch: KioskWatch;
  let outside: Outside;

  beforeAll(async () => {
    outside = await startOutside();
    kiosk = await startChromiumShell(['--now', '2026-11-24T10:30:00+01:00']);
    browser = kiosk.browser;
    page = kiosk.page;
    await page.waitForSelector('[data-screen="welcome"]');
    await markPage(page);
    watch = watchKiosk(page);
  }, 60_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (kiosk) stop(kiosk.launcher.child, 'SIGTERM');
    await outside?.close();
  });

  const tapLink = async (html: string) => {
    await placeLink(page, html);
    await page.click('#escape-attempt a, #escape-attempt area');
  };

  it('an external link does not open', async () => {
    await tapLink(`<a href="${outside.url}">site</a>`);
    await expectStillTheKiosk(page, watch);
    expect(outside.visits()).toBe(0);
  });

  it('a target=_blank link opens no window', async () => {
    await tapLink(`<a href="${outside.url}" target="_blank">new window</a>`);
    await expectStillTheKiosk(page, watch);
    expect(outside.visits()).toBe(0);
  });

  it('window.open opens no window', async () => {
    expect(await page.evaluate((url) => window.open(url), outside.url)).toBeNull();
    await expectStillTheKiosk(page, watch);
    expect(outside.visits()).toBe(0);
  });

  it('a link through a redirect does not leave', async () => {
    await tapLink(`<a href="${outside.redirect}">redirect</a>`);
    await expectStillTheKiosk(page, watch);
    expect(outside.visits()).toBe(0);
  });

  it('a file:// link does not open the disk', async () => {
    await tapLink(`<a href="file://${localFile()}">file</a>`);
    await expectStillTheKiosk(page, watch);
  });

  it('a dropped file does not replace the kiosk', async () => {
    await dropFile(page, localFile());
    await expectStillTheKiosk(page, watch);
  });

  it('an <a download> downloads nothing', async () => {
    await tapLink(`<a href="/index.html" download="kiosk.html">download</a>`);
    await expectStillTheKiosk(page, watch);
  });

  it('a JavaScript URL in a place description is removed by the sync and refused by the screen', async () => {
    const cleaned = hostileDescription();
    expect(cleaned).not.toMatch(/javascript:|<a |onerror|<img/i);
    expect(cleaned).toContain('cliquez ici');
    // And had one got through: tapping it runs nothing (the guard, then the CSP).
    await tapLink(`<p>${cleaned}</p><a href="javascript:window.escaped=1">raw</a>`);
    await expectStillTheKiosk(page, watch);
  });

  it('the Content-Security-Policy refuses remote scripts, inline scripts and frames', async () => {
    const outcome = await page.evaluate(async (remote) => {
      const global = window as unknown as { escaped?: number };
      const remoteScript = document.createElement('script');
      remoteScript.src = `${remote}script.js`;
      const loaded = new Promise<string>((resolve) => {
        remoteScript.onload = () => resolve('loaded');
        remoteScript.onerror = () => resolve('refused');
      });
      document.head.append(remoteScript);
      const inline = document.createElement('script');
      inline.textContent = 'window.escaped = 3';
      document.head.append(inline);
      const frame = document.createElement('iframe');
      frame.src = remote;
      document.body.append(frame);
      await new Promise((resolve) => setTimeout(resolve, 200));
      let framed = 'refused';
      try {
        framed = frame.contentDocument?.body?.textContent?.includes('outside') ? 'loaded' : 'refused';
      } catch {
        // cross-origin: it loaded something
        framed = 'loaded';
      }
      frame.remove();
      return { remote: await loaded, inline: global.escaped ?? null, framed };
    }, outside.url);
    expect(outcome).toEqual({ remote: 'refused', inline: null, framed: 'refused' });
    // eval cannot be tried from here (the DevTools protocol's own evaluation is exempt): the
    // policy's words are checked in tests/host/http-host.test.ts.
    expect(outside.visits()).toBe(0);
    await expectStillTheKiosk(page, watch);
  });

  it('every browser shortcut is swallowed: no reload, devtools, zoom, print, new or closed window', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
    const zoomBefore = await page.evaluate(() => [window.devicePixelRatio, window.visualViewport?.scale ?? 1]);
    let printed = 0;
    await page.exposeFunction('escapePrinted', () => void printed++);
    await page.evaluate(() => window.addEventListener('beforeprint', () => (window as unknown as { escapePrinted: () => void }).escapePrinted()));
    for (const shortcut of SHORTCUTS) await page.keyboard.press(shortcut);
    await expectStillTheKiosk(page, watch);
    const seen = await page.evaluate(() => (window as unknown as { escapeKeys: { key: string; prevented: boolean }[] }).escapeKeys);
    const mainKeys = SHORTCUTS.map((shortcut) => shortcut.split('+').at(-1) as string);
    const notPrevented = seen.filter((event) => mainKeys.some((key) => key.toLowerCase() === event.key.toLowerCase() || (key === 'Equal' && event.key === '=') || (key === 'Minus' && event.key === '-')) && !event.prevented);
    expect(notPrevented).toEqual([]);
    expect(seen.filter((event) => event.prevented).length).toBeGreaterThanOrEqual(SHORTCUTS.length - 4);
    expect(await page.evaluate(() => [window.devicePixelRatio, window.visualViewport?.scale ?? 1])).toEqual(zoomBefore);
    expect(printed).toBe(0);
  });
});
