import { describe, expect, it, vi } from 'vitest';
import type { KioskDispatch } from '../../common/contract/dispatch';
import { KIOSK_METHODS } from '../../common/contract/methods';
import { isAppUrl, registerKioskIpc, type IpcInvokeEventLike, type IpcMainLike } from '../../electron/register-kiosk-ipc';
import { openDemoRuntime } from '../support/demo-runtime';

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>;

/** The part of Electron's ipcMain the registration uses, recording what it is given. */
class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  invoke(channel: string, url: string | null, payload: unknown): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener({ senderFrame: url === null ? null : { url } }, payload);
  }
}

describe('Electron IPC registration', () => {
  it('registers exactly one kiosk:<method> channel per contract method', () => {
    const ipc = new FakeIpcMain();
    registerKioskIpc(ipc, vi.fn());
    expect([...ipc.handlers.keys()].sort()).toEqual(KIOSK_METHODS.map((m) => `kiosk:${m}`).sort());
  });

  it('answers from the real handler table over the fake ipcMain', async () => {
    const { runtime, dispose } = openDemoRuntime();
    try {
      const ipc = new FakeIpcMain();
      registerKioskIpc(ipc, runtime.dispatch);
      const answer = (await ipc.invoke('kiosk:status', 'app://kiosk/index.html', {})) as { ok: boolean; value: { data: { demo: boolean } } };
      expect(answer.ok).toBe(true);
      expect(answer.value.data.demo).toBe(true);
      const refused = (await ipc.invoke('kiosk:categories', 'app://kiosk/index.html', { all: true })) as { ok: boolean; error: { code: string } };
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    } finally {
      await dispose();
    }
  });

  it('refuses calls from any page that is not the app', async () => {
    const dispatch = vi.fn<KioskDispatch>();
    const ipc = new FakeIpcMain();
    registerKioskIpc(ipc, dispatch);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', null]) {
      expect(await ipc.invoke('kiosk:status', url, {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('removes its handlers when asked, so a restart can register again', () => {
    const ipc = new FakeIpcMain();
    const unregister = registerKioskIpc(ipc, vi.fn());
    unregister();
    expect(ipc.handlers.size).toBe(0);
    expect(() => registerKioskIpc(ipc, vi.fn())).not.toThrow();
  });

  it('recognises only app://kiosk URLs as the app', () => {
    expect(isAppUrl('app://kiosk/index.html')).toBe(true);
    expect(isAppUrl('app://kiosk.evil/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
