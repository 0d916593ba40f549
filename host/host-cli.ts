/**
 * `npm run host -- --port <p> [--config <file>] [--now <ISO>]`: serves the app and the API on
 * 127.0.0.1 without opening a window. Exit codes: 0 stopped by a signal, 2 bad usage or config.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { KioskConfigError } from '../kiosk-config/load-config';
import { parseCliOptions, UsageError } from './cli-options';
import { startHttpHost } from './http-host';
import { defaultLogError, openKioskRuntime } from './kiosk-runtime';
import { projectVersion, RENDERER_DIST } from './project-paths';
import { onStopSignal } from './stop-signals';
import { chromiumPrinting } from './printing/chromium-pdf';
import { findChromium } from './find-programs';

const USAGE = 'usage: npm run host -- [--port <port>] [--config <file>] [--now <ISO date-time>]';

async function main(): Promise<number> {
  const options = parseCliOptions(process.argv.slice(2), { port: 4173 });
  if (!existsSync(join(RENDERER_DIST, 'index.html'))) {
    console.error(`The renderer is not built (${RENDERER_DIST}): run npm run build:renderer`);
    return 2;
  }
  const runtime = openKioskRuntime({ configFile: options.configFile, now: options.now, version: projectVersion() });
  const host = await startHttpHost({
    port: options.port,
    staticDir: RENDERER_DIST,
    dispatch: runtime.dispatch,
    tiles: runtime.tiles,
    logError: defaultLogError,
  });
  console.log(`Kiosk host listening on ${host.url} (config ${runtime.loaded.file})`);
  const chromium = findChromium();
  if (chromium) runtime.printing.useRenderer(chromiumPrinting(chromium, host.url));
  else console.log('Chromium not found: printing is unavailable (the screens say so and show QR codes instead).');
  return new Promise((resolve) => {
    const stop = (): void => {
      void host
        .close()
        .then(() => runtime.close())
        .then(() => resolve(0));
    };
    onStopSignal(stop);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof KioskConfigError) console.error(error.message);
    else if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
    else console.error(error);
    process.exit(error instanceof KioskConfigError || error instanceof UsageError ? 2 : 1);
  },
);
