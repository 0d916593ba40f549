/**
 * The UI side of the contract: builds a `KioskApi` over any transport that delivers envelopes.
 * Every call has a timeout, so a stuck transport shows an error instead of a frozen screen.
 */
import { KioskCallError, type KioskEnvelope } from './errors';
import type { KioskApi } from './kiosk-api';
import { KIOSK_METHODS, type KioskMethod } from './methods';

export type KioskTransport = (method: KioskMethod, payload: unknown) => Promise<KioskEnvelope<unknown>>;

export interface ClientOptions {
  timeoutMs: number;
  setTimer: (callback: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

function withTimeout<T>(promise: Promise<T>, method: KioskMethod, options: ClientOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = options.setTimer(() => {
      reject(new KioskCallError({ code: 'timeout', message: `No answer to ${method} in ${options.timeoutMs} ms` }));
    }, options.timeoutMs);
    promise.then(
      (value) => {
        options.clearTimer(timer);
        resolve(value);
      },
      (error: unknown) => {
        options.clearTimer(timer);
        reject(error);
      },
    );
  });
}

export function createKioskClient(transport: KioskTransport, options: ClientOptions): KioskApi {
  const call = async (method: KioskMethod, payload: unknown): Promise<unknown> => {
    const envelope = await withTimeout(transport(method, payload), method, options);
    if (envelope.ok) return envelope.value;
    throw new KioskCallError(envelope.error);
  };
  const api: Record<string, (payload: unknown) => Promise<unknown>> = {};
  for (const method of KIOSK_METHODS) api[method] = (payload) => call(method, payload);
  // Built from the same method list the contract is checked against; the values follow the contract
  // because the server side validates every request and the transport preserves the JSON answers.
  return api as unknown as KioskApi;
}
