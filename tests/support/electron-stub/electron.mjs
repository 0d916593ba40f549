/**
 * A stand-in for the `electron` module, for running the bundled main process in plain Node (the
 * Electron binary cannot be downloaded here). Every property is a callable recorder that prints
 * "electron-stub: <call>"; app.requestSingleInstanceLock() says yes.
 *
 * Without ELECTRON_STUB_USER_DATA, app.whenReady() never resolves: the shell stops where Electron
 * would hand over to Chromium. With it (a folder: app.getPath()'s answer), the app is "ready": the
 * shell opens its runtime, and once the window loads the app's page the stub calls the IPC
 * handlers the shell registered, as the kiosk page would, prints their answers as
 * "electron-stub: ipc <method> <JSON>" and exits 0.
 */
const said = (call) => console.log(`electron-stub: ${call}`);
const userData = process.env.ELECTRON_STUB_USER_DATA;
const handlers = new Map();
const APP_PAGE = { senderFrame: { url: 'app://kiosk/index.html' } };
const CALLS = [
  ['status', {}],
  ['search', { language: 'fr', category: 'food', pageSize: 3 }],
];

async function actAsThePage() {
  for (const [method, payload] of CALLS) {
    const handler = [...handlers].find(([channel]) => channel.endsWith(`:${method}`))?.[1];
    said(`ipc ${method} ${JSON.stringify(handler ? await handler(APP_PAGE, payload) : null)}`);
  }
  process.exit(0);
}

const SPECIAL = {
  'app.whenReady': () => (said('app.whenReady()'), userData ? Promise.resolve() : new Promise(() => {})),
  'app.requestSingleInstanceLock': () => (said('app.requestSingleInstanceLock()'), true),
  'app.isPackaged': false,
  'app.getPath': (name) => (said(`app.getPath(${name})`), userData),
  'app.getVersion': () => '0.0.0-stub',
  'ipcMain.handle': (channel, listener) => {
    said(`ipcMain.handle(${channel})`);
    handlers.set(channel, listener);
  },
};

function recorder(path) {
  return new Proxy(function () {}, {
    get(_target, key) {
      if (key === 'then' || typeof key === 'symbol') return undefined;
      const name = `${path}.${key}`;
      if (name in SPECIAL) return SPECIAL[name];
      return recorder(name);
    },
    apply(_target, _this, args) {
      const first = typeof args[0] === 'string' ? args[0] : '';
      said(`${path}(${first})`);
      if (userData && path.endsWith('.loadURL') && first.startsWith('app://kiosk/')) return actAsThePage();
      return recorder(`${path}()`);
    },
    construct() {
      said(`new ${path}()`);
      return recorder(path === 'BrowserWindow' ? 'window' : `new ${path}()`);
    },
  });
}

export const app = recorder('app');
export const BrowserWindow = recorder('BrowserWindow');
export const contextBridge = recorder('contextBridge');
export const ipcMain = recorder('ipcMain');
export const ipcRenderer = recorder('ipcRenderer');
export const Menu = recorder('Menu');
export const powerMonitor = recorder('powerMonitor');
export const protocol = recorder('protocol');
export const session = recorder('session');
export default { app, BrowserWindow, contextBridge, ipcMain, ipcRenderer, Menu, powerMonitor, protocol, session };
