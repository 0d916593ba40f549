/**
 * The Electron kiosk shell: one full-screen window, isolated and sandboxed, loading the renderer
 * from app://kiosk/, talking to the handler table over IPC. Every web contents and the session
 * are locked down (lockdown.ts: navigation, windows, downloads, permissions, shortcuts, network);
 * the fuses are flipped at packaging (electron-builder.yml). `kiosk: true` is not a lockdown by
 * itself: the OS layer (deploy/) keeps people from the desktop.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, powerMonitor, protocol, session } from 'electron';
import { KioskConfigError } from '../kiosk-config/load-config';
import { configErrorPage } from '../host/config-error-page';
import { openKioskRuntime, type KioskRuntime } from '../host/kiosk-runtime';
import { APP_ORIGIN, APP_SCHEME, createAppProtocolHandler } from './app-protocol';
import { registerKioskIpc } from './register-kiosk-ipc';
import { readShellOptions } from './shell-options';
import { electronPdfRenderer } from './electron-printing';
import { lockDownContents, lockDownSession } from './lockdown';
import { ElectronSilentSpooler } from './electron-silent-spooler';
import { startFleetUpdates, type FleetUpdates } from './fleet-updater';

const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));
const PRELOAD = fileURLToPath(new URL('./preload.cjs', import.meta.url));

const log = (line: string): void => console.log(`[kiosk] ${line}`);

// One kiosk process: a second start (a double-click, a confused service) just leaves.
if (!app.requestSingleInstanceLock()) app.exit(0);
// Every renderer sandboxed, whatever a window asks for.
app.enableSandbox();
// No menu bar, and none of the accelerators (reload, devtools, zoom) its default menu carries.
Menu.setApplicationMenu(null);
// Touch screens: no pinch zoom at the compositor level either.
app.commandLine.appendSwitch('disable-pinch');
// Every web contents, the kiosk window, the print window and anything else that could appear.
app.on('web-contents-created', (_event, contents) => lockDownContents(contents, { appOrigin: APP_ORIGIN, log }));

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webviewTag: false,
  spellcheck: false,
  // No file dropped on the window replaces the kiosk (the renderer's guard refuses drops too).
  navigateOnDragDrop: false,
  safeDialogs: true,
  // Devtools only in a development run; a packaged kiosk has none.
  devTools: !app.isPackaged,
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

/** The kiosk's window once open (Windows lists its printers through it). */
let kiosk: BrowserWindow | null = null;

/**
 * Fleet updates from the config's feed. On Linux only the AppImage updates itself (as the kiosk
 * user, in place); a deb install belongs to its package manager (installing a deb needs root).
 */
async function startUpdates(runtime: KioskRuntime): Promise<FleetUpdates | null> {
  const { config } = runtime.loaded;
  if (!app.isPackaged || config.demo) return null;
  if (process.platform === 'linux' && !process.env.APPIMAGE) {
    log('fleet updates off: this is not the AppImage build (a deb install is updated by its package manager)');
    return null;
  }
  const updates = await startFleetUpdates({
    kioskId: config.kiosk.id,
    updates: config.updates,
    maintenanceWindow: () => runtime.schedules().maintenanceWindow,
    // Longer than the session's idle reset (the remote settings may lengthen it): nobody reading is cut off.
    idleMinutes: () => {
      const session = runtime.screen().idleTimeoutSeconds + config.idleCountdownSeconds;
      return Math.max(config.updates.idleMinutes, Math.ceil(session / 60) + 1);
    },
    idleSeconds: () => powerMonitor.getSystemIdleTime(),
    logger: { info: log, warn: log, error: (line) => console.error(`[kiosk] ${line}`) },
  });
  runtime.reportUpdates(() => {
    const { state, available } = updates.status();
    return { state, available };
  });
  return updates;
}

async function start(): Promise<void> {
  await app.whenReady();
  lockDownSession(session.defaultSession, { appScheme: APP_SCHEME, log });
  const options = readShellOptions(process.argv);
  let runtime: KioskRuntime;
  try {
    runtime = openKioskRuntime({
      configFile: options.configFile,
      now: options.now ? new Date(options.now) : undefined,
      version: app.getVersion(),
      demoMirrorPath: join(app.getPath('userData'), 'demo-mirror.sqlite'),
      // No CUPS on Windows: Chromium's silent print to the Windows spooler.
      spooler:
        process.platform === 'win32'
          ? (printer) =>
              new ElectronSilentSpooler({
                origin: APP_ORIGIN,
                printer,
                openWindow: printWindow,
                listPrinters: () => (kiosk && !kiosk.isDestroyed() ? kiosk.webContents.getPrintersAsync() : Promise.resolve([])),
              })
          : undefined,
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
  const updates = await startUpdates(runtime);
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing) return;
    // Let a running sync finish its write before the process goes.
    event.preventDefault();
    closing = true;
    updates?.stop();
    unregister();
    void runtime.close().finally(() => app.quit());
  });
  app.on('window-all-closed', () => app.quit());
  const window = kioskWindow();
  kiosk = window;
  // A shared touch screen: no pinch zoom (the UI has its own text-size control).
  window.webContents.on('did-finish-load', () => void window.webContents.setVisualZoomLevelLimits(1, 1));
  await window.loadURL(`${APP_ORIGIN}/index.html`);
}

start().catch((error: unknown) => {
  console.error('[kiosk] the Electron shell could not start:', error);
  app.exit(1);
});
