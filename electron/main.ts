/**
 * The Electron kiosk shell: one full-screen window, isolated and sandboxed, loading the renderer
 * from app://kiosk/, talking to the handler table over IPC. The full lockdown (navigation,
 * permissions, shortcuts, fuses) and updates come with the shell issue.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, protocol } from 'electron';
import { KioskConfigError } from '../kiosk-config/load-config';
import { configErrorPage } from '../host/config-error-page';
import { openKioskRuntime, type KioskRuntime } from '../host/kiosk-runtime';
import { APP_ORIGIN, APP_SCHEME, createAppProtocolHandler } from './app-protocol';
import { registerKioskIpc } from './register-kiosk-ipc';
import { readShellOptions } from './shell-options';
import { electronPdfRenderer } from './electron-printing';

const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));
const PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url));

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webviewTag: false,
  spellcheck: false,
  preload: PRELOAD,
} as const;

function kioskWindow(): BrowserWindow {
  return new BrowserWindow({
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: WEB_PREFERENCES,
  });
}

/** Tickets and lists: the print page in a hidden window, printed to PDF, then to CUPS. */
function printWindow(): BrowserWindow {
  return new BrowserWindow({ show: false, width: 800, height: 1000, backgroundColor: '#ffffff', webPreferences: WEB_PREFERENCES });
}

async function start(): Promise<void> {
  await app.whenReady();
  const options = readShellOptions(process.argv);
  let runtime: KioskRuntime;
  try {
    runtime = openKioskRuntime({
      configFile: options.configFile,
      now: options.now ? new Date(options.now) : undefined,
      version: app.getVersion(),
      demoMirrorPath: join(app.getPath('userData'), 'demo-mirror.sqlite'),
    });
  } catch (error) {
    if (!(error instanceof KioskConfigError)) throw error;
    console.error(error.message);
    const window = kioskWindow();
    window.on('closed', () => app.exit(2));
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(configErrorPage(error.message))}`);
    return;
  }
  protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_DIR, runtime.tiles));
  const unregister = registerKioskIpc(ipcMain, runtime.dispatch);
  runtime.printing.useRenderer(electronPdfRenderer(printWindow, { origin: APP_ORIGIN }));
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing) return;
    // Let a running sync finish its write before the process goes.
    event.preventDefault();
    closing = true;
    unregister();
    void runtime.close().finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());
  const window = kioskWindow();
  // A shared touch screen: no pinch zoom (the UI has its own text-size control).
  window.webContents.on('did-finish-load', () => void window.webContents.setVisualZoomLevelLimits(1, 1));
  await window.loadURL(`${APP_ORIGIN}/index.html`);
}

start().catch((error: unknown) => {
  console.error('[kiosk] the Electron shell could not start:', error);
  app.exit(1);
});
