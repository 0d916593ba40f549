/**
 * `npm start -- --shell=chromium` for real: the launcher starts the host and the system Chromium
 * in kiosk mode under a virtual display; we attach to that Chromium and look at its window.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startChromiumShell as startKiosk } from '../support/chromium-shell';
import { stop } from '../support/processes';

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
