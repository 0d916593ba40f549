/**
 * What the kiosk lets a person do with the browser around the app, decided once for every layer
 * that enforces it: the Electron main process (will-navigate, will-redirect, window open handler,
 * before-input-event, permission handlers), the renderer's own guard (the only layer the Chromium
 * shell has for keys and links), and the tests that try to escape.
 *
 * The app is a single page: it never navigates, never opens a window, never downloads. So the
 * policy is a short allow-list, and everything else is refused.
 */

/** The only pages of the app: the kiosk and the print page (loaded in a hidden window to print). */
const APP_PAGES = new Set(['/', '/index.html', '/print.html']);

/**
 * A top-level navigation is allowed only to a page of the app itself, on the app's origin
 * (`app://kiosk` in Electron, the loopback host in the Chromium shell). A same-document change of
 * hash is not a navigation and never reaches this.
 */
export function isAllowedNavigation(url: string, appOrigin: string): boolean {
  let target: URL;
  let origin: URL;
  try {
    target = new URL(url);
    origin = new URL(appOrigin);
  } catch {
    return false;
  }
  if (target.protocol !== origin.protocol || target.host !== origin.host) return false;
  if (target.username || target.password) return false;
  return APP_PAGES.has(target.pathname);
}

/**
 * Permissions the app asks for: none. Read-aloud plays audio the host made (no permission), the
 * kiosk's location comes from its config (no geolocation), and nothing is copied, recorded or
 * notified. Kept as a list so that a future need is one reviewed line.
 */
export const ALLOWED_PERMISSIONS: readonly string[] = [];

export function isAllowedPermission(permission: string): boolean {
  return ALLOWED_PERMISSIONS.includes(permission);
}

/** A key press as both Electron's `before-input-event` and the DOM describe it. */
export interface KeyPress {
  /** `KeyboardEvent.key`: "r", "R", "F5", "+", "ArrowLeft"… */
  key: string;
  control: boolean;
  alt: boolean;
  shift: boolean;
  meta: boolean;
}

/** Function keys that belong to the browser, not to the app: help, find, address bar, caret browsing, full screen, devtools. */
const BROWSER_FUNCTION_KEYS = new Set(['F1', 'F3', 'F5', 'F6', 'F7', 'F10', 'F11', 'F12']);

/** With Ctrl (or ⌘): reload, new window or tab, close, print, save, open, find, history, downloads, bookmarks, view source, address bar, quit, tab switching. */
const BROWSER_CONTROL_KEYS = new Set(['r', 'n', 't', 'w', 'p', 's', 'o', 'f', 'g', 'h', 'j', 'd', 'u', 'l', 'e', 'k', 'q', 'b', 'tab', 'pageup', 'pagedown', 'f4']);

/** With Ctrl: the zoom keys (the app has its own text-size control). */
const ZOOM_KEYS = new Set(['+', '=', '-', '_', '0', 'add', 'subtract']);

/** Keys a browser reads as "go back/forward" or "home". */
const HISTORY_KEYS = new Set(['BrowserBack', 'BrowserForward', 'BrowserHome', 'BrowserRefresh', 'BrowserSearch', 'BrowserFavorites']);

/**
 * True for a key press that could leave, reload, zoom or instrument the kiosk: swallowed before
 * the browser sees it. Typing (letters, digits, Backspace, Enter, Tab, arrows, Escape) is never
 * swallowed: the search field, the on-screen keyboard and keyboard users need it.
 */
export function isSwallowedShortcut(press: KeyPress): boolean {
  const key = press.key;
  if (BROWSER_FUNCTION_KEYS.has(key)) return true;
  if (HISTORY_KEYS.has(key)) return true;
  if (press.alt && (key === 'F4' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home' || key === 'Tab')) return true;
  const command = press.control || press.meta;
  if (!command) return false;
  const lower = key.toLowerCase();
  if (BROWSER_CONTROL_KEYS.has(lower)) return true;
  if (ZOOM_KEYS.has(lower)) return true;
  // Ctrl+Shift+I/J/C (devtools), Ctrl+Shift+Delete (clear data), Ctrl+Shift+M (profiles).
  if (press.shift && ['i', 'j', 'c', 'delete', 'm'].includes(lower)) return true;
  return false;
}
