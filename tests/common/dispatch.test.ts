import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../common/contract/dispatch';
import { KioskCallError } from '../../common/contract/errors';
import type { KioskApi, KioskStatus } from '../../common/contract/kiosk-api';

const status: KioskStatus = {
  kiosk: { id: 'k', name: 'K', label: 'Ici', address: '1 rue', latitude: 48.5, longitude: 7.7, timeZone: 'Europe/Paris' },
  data: { date: null, placeCount: 0, demo: false, ageSeconds: null, lastSync: null },
  version: '1.0.0',
  languages: { enabled: ['fr'], default: 'fr' },
  screen: {
    featuredCategories: ['food'],
    announcement: null,
    desk: null,
    helpUrl: 'https://soliguide.fr/fr/contact',
    idleTimeoutSeconds: 90,
    idleCountdownSeconds: 15,
    hideCursor: false,
  },
  map: { tiles: null, attribution: [] },
  printer: { name: 'KioskPDF', state: 'idle', reasons: [], ready: true, paper: 'ticket-80mm', ticketsPerSession: 5 },
  now: '2026-11-24T09:30:00.000Z',
};

function handlers(overrides: Partial<KioskApi> = {}): KioskApi {
  return {
    printers: async () => ({ printers: [], kioskPrinter: null }),
    status: async () => status,
    categories: async () => ({ roots: [] }),
    towns: async () => ({ towns: [] }),
    search: async () => ({ total: 0, items: [] }),
    place: async () => {
      throw new Error('not used here');
    },
    report: async () => ({ recorded: true }),
    speak: async () => {
      throw new Error('not used here');
    },
    itinerary: async () => {
      throw new Error('not used here');
    },
    print: async () => {
      throw new Error('not used here');
    },
    printJob: async () => {
      throw new Error('not used here');
    },
    printPresets: async () => ({ presets: [] }),
    savePrintPreset: async () => ({ id: 1 }),
    deletePrintPreset: async () => ({ deleted: true }),
    ...overrides,
  };
}

describe('the dispatcher shared by IPC and HTTP', () => {
  it('answers a valid call with the handler value', async () => {
    const dispatch = createDispatcher(handlers(), { logError: vi.fn() });
    expect(await dispatch('status', {})).toEqual({ ok: true, value: status });
  });

  it('refuses an unknown method without calling anything', async () => {
    const dispatch = createDispatcher(handlers(), { logError: vi.fn() });
    const answer = await dispatch('deleteEverything', {});
    expect(answer).toEqual({ ok: false, error: { code: 'unknown-method', message: 'No method named "deleteEverything"' } });
  });

  it('refuses a payload with fields the contract does not have, naming the field', async () => {
    const status = vi.fn();
    const dispatch = createDispatcher(handlers({ status }), { logError: vi.fn() });
    const answer = await dispatch('status', { admin: true });
    expect(status).not.toHaveBeenCalled();
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('invalid-request');
      expect(answer.error.issues?.[0]?.message).toContain('admin');
    }
  });

  it('refuses a payload that is not an object', async () => {
    const dispatch = createDispatcher(handlers(), { logError: vi.fn() });
    const answer = await dispatch('categories', 'all');
    expect(answer.ok ? 'ok' : answer.error.code).toBe('invalid-request');
  });

  it('turns a crash into a generic message and logs the real error', async () => {
    const logError = vi.fn();
    const crash = new Error('SQLITE_CORRUPT at /var/lib/secret/path');
    const dispatch = createDispatcher(handlers({ status: () => Promise.reject(crash) }), { logError });
    const answer = await dispatch('status', {});
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: 'The kiosk could not answer' } });
    expect(JSON.stringify(answer)).not.toContain('secret');
    expect(logError).toHaveBeenCalledWith('Handler status failed', crash);
  });

  it('passes a deliberate KioskCallError through with its code', async () => {
    const refusal = new KioskCallError({ code: 'unavailable', message: 'Mirror is being rebuilt' });
    const dispatch = createDispatcher(handlers({ status: () => Promise.reject(refusal) }), { logError: vi.fn() });
    expect(await dispatch('status', {})).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'Mirror is being rebuilt' },
    });
  });

  it('with response validation on, catches a handler answering outside the contract', async () => {
    const logError = vi.fn();
    const broken = { ...status, now: 'yesterday' };
    const dispatch = createDispatcher(handlers({ status: async () => broken }), { logError, validateResponses: true });
    const answer = await dispatch('status', {});
    expect(answer.ok).toBe(false);
    expect(logError).toHaveBeenCalledOnce();
  });
});
