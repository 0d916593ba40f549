/**
 * `npm start -- --shell=chromium` for real: the launcher starts the host and the system Chromium
 * in kiosk mode under a virtual display; tests attach to that Chromium over CDP.
 */
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import { requireChromium, requireXvfbRun } from './system';
import { startUntil, stop, TSX } from './processes';

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
export async function startChromiumShell(args: string[]) {
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

