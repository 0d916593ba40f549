/**
 * The main process's lockdown against fakes of the WebContents and Session it receives: each
 * Electron event is fired the way Electron fires it, and what the handler did is read back.
 */
import { describe, expect, it } from 'vitest';
import {
  lockDownContents,
  lockDownSession,
  type DownloadItemLike,
  type InputLike,
  type PreventableEvent,
  type SessionLike,
  type WebContentsLike,
} from '../../electron/lockdown';

type Listener = (...args: never[]) => unknown;

class FakeEvent implements PreventableEvent {
  prevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.prevented = true;
  }
}

class FakeContents implements WebContentsLike {
  readonly listeners = new Map<string, Listener[]>();
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  reloads = 0;
  crashes = 0;
  destroyed = false;
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  reload(): void {
    this.reloads++;
  }
  forcefullyCrashRenderer(): void {
    this.crashes++;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

function lockedContents() {
  const contents = new FakeContents();
  const log: string[] = [];
  const timers: { callback: () => void; ms: number; cancelled: boolean }[] = [];
  lockDownContents(contents, {
    appOrigin: 'app://kiosk',
    log: (line) => log.push(line),
    unresponsiveMs: 10_000,
    setTimer: (callback, ms) => {
      const timer = { callback, ms, cancelled: false };
      timers.push(timer);
      return { cancel: () => void (timer.cancelled = true) };
    },
  });
  return { contents, log, timers };
}

const key = (key: string, modifiers: Partial<InputLike> = {}): InputLike => ({
  type: 'keyDown',
  key,
  control: false,
  alt: false,
  shift: false,
  meta: false,
  ...modifiers,
});

describe('the web contents lockdown', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: refuses leaving the app, allows its pages', (event) => {
    const { contents, log } = lockedContents();
    const out = new FakeEvent('https://example.org/?q=my+search');
    const file = new FakeEvent('file:///home/kiosk/');
    const page = new FakeEvent('app://kiosk/index.html');
    contents.emit(event, out);
    contents.emit(event, file);
    contents.emit(event, page);
    expect([out.prevented, file.prevented, page.prevented]).toEqual([true, true, false]);
    // The log names the kind of address, never the address (it may hold a search).
    expect(log.join('\n')).not.toContain('my+search');
    expect(log).toHaveLength(2);
  });

  it('denies every new window, even one to the app', () => {
    const { contents } = lockedContents();
    expect(contents.openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://kiosk/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses webviews', () => {
    const { contents } = lockedContents();
    const event = new FakeEvent();
    contents.emit('will-attach-webview', event);
    expect(event.prevented).toBe(true);
  });

  it('swallows browser shortcuts on key down and lets typing through', () => {
    const { contents } = lockedContents();
    const outcome = (input: InputLike) => {
      const event = new FakeEvent();
      contents.emit('before-input-event', event, input);
      return event.prevented;
    };
    expect(outcome(key('r', { control: true }))).toBe(true);
    expect(outcome(key('F4', { alt: true }))).toBe(true);
    expect(outcome(key('F12'))).toBe(true);
    expect(outcome(key('a'))).toBe(false);
    expect(outcome(key('Enter'))).toBe(false);
    // Key up events carry no action: untouched.
    expect(outcome(key('r', { control: true, type: 'keyUp' }))).toBe(false);
  });

  it('reloads a renderer that crashed, not one that exited cleanly or whose window is gone', () => {
    const { contents, log } = lockedContents();
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: -1 });
    contents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(contents.reloads).toBe(2);
    contents.destroyed = true;
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(contents.reloads).toBe(2);
    expect(log[0]).toContain('crashed');
  });

  it('crashes a renderer that stays unresponsive (which reloads it), but not one that recovers', () => {
    const { contents, timers } = lockedContents();
    contents.emit('unresponsive');
    contents.emit('unresponsive');
    expect(timers).toHaveLength(1);
    contents.emit('responsive');
    expect(timers[0]?.cancelled).toBe(true);
    contents.emit('unresponsive');
    expect(timers).toHaveLength(2);
    timers[1]?.callback();
    expect(contents.crashes).toBe(1);
    expect(timers[1]?.ms).toBe(10_000);
  });
});

class FakeSession implements SessionLike {
  requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  checkHandler: ((contents: unknown, permission: string) => boolean) | null = null;
  deviceHandler: (() => boolean) | null = null;
  downloadListener: ((event: PreventableEvent, item: DownloadItemLike) => void) | null = null;
  requestFilter: { urls: string[] } | null = null;
  requestListener: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | null = null;
  setPermissionRequestHandler(handler: NonNullable<FakeSession['requestHandler']>): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: NonNullable<FakeSession['checkHandler']>): void {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: () => boolean): void {
    this.deviceHandler = handler;
  }
  on(_event: 'will-download', listener: NonNullable<FakeSession['downloadListener']>): this {
    this.downloadListener = listener;
    return this;
  }
  webRequest = {
    onBeforeRequest: (filter: { urls: string[] }, listener: NonNullable<FakeSession['requestListener']>) => {
      this.requestFilter = filter;
      this.requestListener = listener;
    },
  };
}

describe('the session lockdown', () => {
  function locked() {
    const session = new FakeSession();
    const log: string[] = [];
    lockDownSession(session, { appScheme: 'app', log: (line) => log.push(line) });
    return { session, log };
  }

  it('refuses every permission request and check, and every device', async () => {
    const { session, log } = locked();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen']) {
      const granted = await new Promise<boolean>((resolve) => session.requestHandler?.({}, permission, resolve));
      expect(granted).toBe(false);
      expect(session.checkHandler?.({}, permission)).toBe(false);
    }
    expect(session.deviceHandler?.()).toBe(false);
    expect(log).toContain('refused the permission "media"');
  });

  it('cancels every download', () => {
    const { session } = locked();
    const event = new FakeEvent();
    let cancelled = false;
    session.downloadListener?.(event, { cancel: () => void (cancelled = true) });
    expect([event.prevented, cancelled]).toEqual([true, true]);
  });

  it('lets requests out only to the app scheme and in-memory data, over every URL', () => {
    const { session } = locked();
    expect(session.requestFilter).toEqual({ urls: ['<all_urls>'] });
    const cancelled = (url: string) => {
      let answer: boolean | null = null;
      session.requestListener?.({ url }, (response) => void (answer = response.cancel));
      return answer;
    };
    expect(cancelled('app://kiosk/assets/index.js')).toBe(false);
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false);
    expect(cancelled('blob:app://kiosk/1234')).toBe(false);
    expect(cancelled('https://tile.openstreetmap.org/1/1/1.png')).toBe(true);
    expect(cancelled('http://127.0.0.1:631/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('ws://example.org/')).toBe(true);
  });
});
