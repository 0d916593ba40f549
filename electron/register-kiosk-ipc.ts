/**
 * Registers one `kiosk:<method>` IPC handler per contract method over the shared dispatcher.
 * Written against the small part of `ipcMain` it uses, so that tests pass a fake.
 */
import type { KioskDispatch } from '../common/contract/dispatch';
import type { KioskEnvelope } from '../common/contract/errors';
import { KIOSK_METHODS, ipcChannel } from '../common/contract/methods';

export interface IpcInvokeEventLike {
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** Only the app's own pages may call the kiosk API. */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'app:' && parsed.host === 'kiosk';
  } catch {
    return false;
  }
}

/** Returns a function that removes the handlers again (used on shutdown and in tests). */
export function registerKioskIpc(ipcMain: IpcMainLike, dispatch: KioskDispatch): () => void {
  for (const method of KIOSK_METHODS) {
    ipcMain.handle(ipcChannel(method), async (event, payload): Promise<KioskEnvelope<unknown>> => {
      if (!isAppUrl(event.senderFrame?.url)) {
        return { ok: false, error: { code: 'unavailable', message: 'Calls are accepted from the kiosk app only' } };
      }
      return dispatch(method, payload);
    });
  }
  return () => {
    for (const method of KIOSK_METHODS) ipcMain.removeHandler(ipcChannel(method));
  };
}
