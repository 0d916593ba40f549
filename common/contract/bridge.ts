/**
 * What the Electron preload exposes as `window.kiosk`: one function per method, each invoking its
 * `kiosk:<method>` channel and resolving to the envelope. Nothing else crosses the bridge.
 */
import type { KioskEnvelope } from './errors';
import { KIOSK_METHODS, ipcChannel, type KioskMethod } from './methods';

export type KioskBridge = Record<KioskMethod, (payload: unknown) => Promise<KioskEnvelope<unknown>>>;

export function createKioskBridge(invoke: (channel: string, payload: unknown) => Promise<unknown>): KioskBridge {
  const bridge = {} as KioskBridge;
  for (const method of KIOSK_METHODS) {
    bridge[method] = (payload) => invoke(ipcChannel(method), payload) as Promise<KioskEnvelope<unknown>>;
  }
  return Object.freeze(bridge);
}
