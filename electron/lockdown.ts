/**
 * The main process's share of the lockdown, applied to every web contents and to the session:
 * navigation, redirects, new windows, webviews, downloads, permissions, browser shortcuts, and
 * the network (the renderer never talks to anything but the app's own origin). Decisions come from
 * the shared policy (common/shell/kiosk-policy.ts); this file only wires them to Electron's events.
 *
 * Written against the small parts of `WebContents` and `Session` it uses, so that tests drive it
 * with fakes; main.ts passes the real objects.
 */
import { isAllowedNavigation, isAllowedPermission, isSwallowedShortcut } from '../common/shell/kiosk-policy';

export interface PreventableEvent {
  preventDefault(): void;
}

/** Electron's `Input` of `before-input-event`. */
export interface InputLike {
  type: string;
  key: string;
  control: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
}

export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', listener: (event: PreventableEvent & { url: string; isMainFrame?: boolean }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'before-input-event', listener: (event: PreventableEvent, input: InputLike) => void): unknown;
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  reload(): void;
  forcefullyCrashRenderer(): void;
  isDestroyed(): boolean;
}

export interface DownloadItemLike {
  cancel(): void;
}

export interface SessionLike {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  on(event: 'will-download', listener: (event: PreventableEvent, item: DownloadItemLike) => void): unknown;
  webRequest: {
    onBeforeRequest(filter: { urls: string[] }, listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

export interface LockdownLog {
  (line: string): void;
}

/** Only the scheme part of an address goes to the log: a refused URL may carry a person's search. */
function schemeOf(url: string): string {
  const colon = url.indexOf(':');
  return colon > 0 ? url.slice(0, colon) : 'unknown';
}

export interface ContentsLockdownOptions {
  appOrigin: string;
  log: LockdownLog;
  /** How long a renderer may hang before it is crashed and reloaded. */
  unresponsiveMs?: number;
  setTimer?: (callback: () => void, ms: number) => { cancel(): void };
}

const defaultTimer = (callback: () => void, ms: number) => {
  const timer = setTimeout(callback, ms);
  return { cancel: () => clearTimeout(timer) };
};

/** Navigation, windows, webviews, shortcuts, and recovery of a crashed or hung renderer. */
export function lockDownContents(contents: WebContentsLike, options: ContentsLockdownOptions): void {
  const { appOrigin, log } = options;
  const guardNavigation = (kind: string) => (event: PreventableEvent & { url: string }) => {
    if (isAllowedNavigation(event.url, appOrigin)) return;
    event.preventDefault();
    log(`refused a ${kind} to a ${schemeOf(event.url)}: address`);
  };
  contents.on('will-navigate', guardNavigation('navigation'));
  contents.on('will-frame-navigate', guardNavigation('frame navigation'));
  contents.on('will-redirect', guardNavigation('redirect'));
  contents.setWindowOpenHandler(({ url }) => {
    log(`refused a new window to a ${schemeOf(url)}: address`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('refused a webview');
  });
  contents.on('before-input-event', (event, input) => {
    if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return;
    if (isSwallowedShortcut(input)) event.preventDefault();
  });
  contents.on('render-process-gone', (_event, details) => {
    if (contents.isDestroyed() || details.reason === 'clean-exit') return;
    log(`the screen's renderer stopped (${details.reason}, exit ${details.exitCode}): reloading`);
    contents.reload();
  });
  const setTimer = options.setTimer ?? defaultTimer;
  let hung: { cancel(): void } | null = null;
  contents.on('unresponsive', () => {
    hung ??= setTimer(() => {
      hung = null;
      if (contents.isDestroyed()) return;
      log('the screen has not answered for a while: restarting its renderer');
      // Crashing it fires render-process-gone, which reloads.
      contents.forcefullyCrashRenderer();
    }, options.unresponsiveMs ?? 10_000);
  });
  contents.on('responsive', () => {
    hung?.cancel();
    hung = null;
  });
}

/** Not the network: in-memory data (images, the read-aloud audio) and the devtools of a development build. */
const LOCAL_SCHEMES = new Set(['data', 'blob', 'devtools']);

/**
 * Permissions, downloads and the network for the whole session: nothing is granted, nothing is
 * downloaded, and requests leave only for the app's own scheme (the renderer's data all comes
 * through IPC and `app://`).
 */
export function lockDownSession(session: SessionLike, options: { appScheme: string; log: LockdownLog }): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    const granted = isAllowedPermission(permission);
    if (!granted) options.log(`refused the permission "${permission}"`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission) => isAllowedPermission(permission));
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event, item) => {
    event.preventDefault();
    item.cancel();
    options.log('refused a download');
  });
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    const allowed = LOCAL_SCHEMES.has(schemeOf(details.url)) || schemeOf(details.url) === options.appScheme;
    if (!allowed) options.log(`refused a request to a ${schemeOf(details.url)}: address`);
    callback({ cancel: !allowed });
  });
}
