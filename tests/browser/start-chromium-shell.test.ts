/**
 * `npm start -- --shell=chromium` for real: the launcher starts the host and the system Chromium
 * in kiosk mode under a virtual display; we attach to that Chromium and look at its window.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { requireChromium, requireXvfbRun } from '../support/system';
import { startUntil, stop, TSX } from '../support/processes';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function attach(debugPort: number) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${debugPort}`).catch(() => undefined);
    if (browser) return browser;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('could not attach to the kiosk Chromium');
}

/** `npm start -- --shell=chromium <args>` under Xvfb, attached to its Chromium over CDP. */
async function startKiosk(args: string[]) {
  requireChromium();
  const xvfbRun = requireXvfbRun();
  const debugPort = await freePort();
  const launcher = await startUntil(
    xvfbRun,
    ['-a', '-s', '-screen 0 1280x1024x24', TSX, 'host/start-cli.ts', '--shell=chromium', ...args],
    /opening Chromium in kiosk mode/,
    { ...process.env, BORNE_CHROMIUM_FLAGS: `--remote-debugging-port=${debugPort}` },
  );
  try {
    const browser = await attach(debugPort);
    const page = browser.contexts()[0]?.pages()[0];
    if (!page) throw new Error('the kiosk Chromium has no window');
    return { launcher, browser, page };
  } catch (error) {
    stop(launcher.child, 'SIGKILL');
    throw error;
  }
}

describe('npm start with the Chromium shell', () => {
  it('opens the welcome screen full-screen in Chromium kiosk mode, and stops cleanly', async () => {
    const { launcher, browser, page } = await startKiosk(['--now', '2026-11-24T10:30:00+01:00']);
    try {
      await page.waitForSelector('[data-screen="welcome"]');
      expect(page.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const frame = await page.evaluate(() => ({
        chrome: window.outerHeight - window.innerHeight,
        x: window.screenX,
        y: window.screenY,
        screen: [screen.width, screen.height],
      }));
      // No browser frame (app + kiosk mode), at the screen's origin. Filling the screen is the
      // window manager's part (cage on a real kiosk): bare Xvfb has none.
      expect(frame).toEqual({ chrome: 0, x: 0, y: 0, screen: [1280, 1024] });
      await browser.close().catch(() => undefined);
    } finally {
      stop(launcher.child, 'SIGTERM');
    }
    const result = await launcher.done;
    expect(result.stdout + result.stderr).not.toMatch(/Error|at \S+ \(/);
  });

  it('shows a broken configuration on screen and on stderr, and exits 2 when the window closes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-bad-'));
    const config = join(dir, 'kiosk.json');
    writeFileSync(config, JSON.stringify({ kiosk: { id: 'x1x', name: 'X' }, location: { latitude: 'north' } }));
    const { launcher, browser, page } = await startKiosk(['--config', config]);
    try {
      await page.waitForSelector('pre');
      const shown = await page.textContent('pre');
      expect(shown).toContain('location.latitude: got "north"; expected a number');
      expect(shown).toContain('territory: missing');
      // The technician closes the window: Chromium exits, and so does the launcher, with code 2.
      const session = await browser.newBrowserCDPSession();
      await session.send('Browser.close').catch(() => undefined);
      const result = await launcher.done;
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('location.latitude: got "north"; expected a number');
    } finally {
      stop(launcher.child, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
