/**
 * `npm start [-- --shell=electron|chromium] [--config <file>] [--now <ISO>]`: the kiosk.
 * Electron when its binary is installed; otherwise, with a one-line notice, the Chromium shell
 * (the host on 127.0.0.1 plus the system Chromium in kiosk app mode).
 */
import { spawn } from 'node:child_process';
import { KioskConfigError } from '../kiosk-config/load-config';
import { openChromiumShell } from './chromium-shell';
import { parseCliOptions, UsageError, type CliOptions } from './cli-options';
import { configErrorPage } from './config-error-page';
import { CHROMIUM_INSTALL_HINT, findChromium, findElectronBinary, hasDisplay } from './find-programs';
import { startHttpHost, type HttpHost } from './http-host';
import { defaultLogError, openKioskRuntime, type KioskRuntime } from './kiosk-runtime';
import { PROJECT_ROOT, projectVersion, RENDERER_DIST } from './project-paths';
import { onStopSignal } from './stop-signals';
import { chromiumPrinting } from './printing/chromium-pdf';

const USAGE = 'usage: npm start -- [--shell=electron|chromium] [--config <file>] [--now <ISO date-time>]';

function runElectron(binary: string, argv: readonly string[]): Promise<number> {
  const child = spawn(binary, [PROJECT_ROOT, ...argv], { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => onStopSignal(resolve));
}

async function runChromiumShell(options: CliOptions): Promise<number> {
  let runtime: KioskRuntime | null = null;
  let configError: KioskConfigError | null = null;
  try {
    runtime = openKioskRuntime({ configFile: options.configFile, now: options.now, version: projectVersion() });
  } catch (error) {
    if (!(error instanceof KioskConfigError)) throw error;
    configError = error;
    console.error(error.message);
  }
  const chromium = findChromium();
  if (!chromium) {
    console.error(`Chromium not found: install it (${CHROMIUM_INSTALL_HINT}) or the Electron binary (npm run electron:install).`);
    await runtime?.close();
    return 2;
  }
  if (configError && !hasDisplay()) return 2;
  const host: HttpHost = await startHttpHost({
    port: options.port,
    staticDir: RENDERER_DIST,
    dispatch: runtime?.dispatch ?? null,
    tiles: runtime?.tiles ?? null,
    errorPage: configError ? configErrorPage(configError.message) : undefined,
    logError: defaultLogError,
  });
  // Tickets and lists are laid out by the same Chromium, headless, on the print page of this host.
  runtime?.printing.useRenderer(chromiumPrinting(chromium, host.url));
  const stop = async (): Promise<void> => {
    await host.close();
    await runtime?.close();
  };
  if (!hasDisplay()) {
    console.log(`No display (DISPLAY and WAYLAND_DISPLAY are unset): the kiosk is served at ${host.url}`);
    console.log('Open it in a browser, or run the kiosk in a graphical session (e.g. xvfb-run npm start). Ctrl+C stops it.');
    await untilSignal();
    await stop();
    return 0;
  }
  console.log(`Kiosk host on ${host.url}; opening Chromium in kiosk mode.`);
  const shell = openChromiumShell(chromium, host.url);
  const outcome = await Promise.race([shell.exited, untilSignal().then(() => null)]);
  if (outcome === null) {
    shell.process.kill('SIGTERM');
    await shell.exited;
  }
  await stop();
  // A kiosk stopped by its configuration must not look like a clean exit to its service manager.
  return configError ? 2 : 0;
}

/** Electron gets our other options (--config, --now) but not --shell. */
function withoutShellOption(argv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--shell') i++;
    else if (!argv[i]?.startsWith('--shell=')) kept.push(argv[i] as string);
  }
  return kept;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const options = parseCliOptions(argv, { port: 0 });
  if (options.shell !== 'chromium') {
    const electron = findElectronBinary(PROJECT_ROOT);
    if (electron) return runElectron(electron, withoutShellOption(argv));
    if (options.shell === 'electron') {
      console.error('The Electron binary is not installed: run npm run electron:install (needs internet), or use --shell=chromium.');
      return 2;
    }
    console.log('Electron binary not installed (npm run electron:install gets it): using the Chromium shell.');
  }
  return runChromiumShell(options);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
    else console.error(error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
