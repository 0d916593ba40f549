/**
 * Picks the transport once, at start: Electron's preload exposes `window.kiosk`; anywhere else
 * (Chromium shell, development, tests) the app talks to the host that served it, over HTTP.
 */
import { createKioskClient, type KioskTransport } from '../../common/contract/client';
import type { KioskBridge } from '../../common/contract/bridge';
import { readErrorPayload, type KioskEnvelope } from '../../common/contract/errors';
import type { KioskApi } from '../../common/contract/kiosk-api';
import { httpPath } from '../../common/contract/methods';

declare global {
  interface Window {
    kiosk?: KioskBridge;
  }
}

const CALL_TIMEOUT_MS = 10_000;

function httpTransport(fetchImpl: typeof fetch): KioskTransport {
  return async (method, payload) => {
    let response: Response;
    try {
      response = await fetchImpl(httpPath(method), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'unavailable', message: 'The kiosk host does not answer' } };
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) return { ok: true, value: body };
    return { ok: false, error: readErrorPayload((body as { error?: unknown } | null)?.error) };
  };
}

function ipcTransport(bridge: KioskBridge): KioskTransport {
  return (method, payload) => bridge[method](payload) as Promise<KioskEnvelope<unknown>>;
}

export function createClient(win: Window): KioskApi {
  const transport = win.kiosk ? ipcTransport(win.kiosk) : httpTransport(win.fetch.bind(win));
  return createKioskClient(transport, {
    timeoutMs: CALL_TIMEOUT_MS,
    setTimer: (callback, ms) => win.setTimeout(callback, ms),
    clearTimer: (handle) => win.clearTimeout(handle as number),
  });
}
