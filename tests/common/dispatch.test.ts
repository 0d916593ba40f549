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

const notUsed = async (): Promise<never> => {
  throw new Error('not used here');
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
    usage: async () => ({ counted: true }),
    staffUnlock: async () => ({ unlocked: false, reason: 'not-configured', retryAfterSeconds: 0 }),
    staffLock: async () => ({ locked: false }),
    staffOverview: notUsed,
    staffSync: async () => ({ started: false, reason: 'unavailable' }),
    staffReports: async () => ({ reports: [], total: 0 }),
    staffExport: notUsed,
    staffUsage: notUsed,
    staffTestPrint: notUsed,
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

  describe('staff calls', () => {
    const authorizeStaff = (token: string): boolean => token === 'the-valid-token-0123';

    it('are refused without a token, with a wrong one, or when no authoriser is given, and the handler never runs', async () => {
      const printPresets = vi.fn(async () => ({ presets: [] }));
      const guarded = createDispatcher(handlers({ printPresets }), { logError: vi.fn(), authorizeStaff });
      const open = createDispatcher(handlers({ printPresets }), { logError: vi.fn() });
      for (const [dispatch, payload] of [
        [guarded, {}],
        [guarded, { staffToken: 'a-guess-0000000000' }],
        [guarded, { staffToken: 42 }],
        [open, { staffToken: 'the-valid-token-0123' }],
      ] as const) {
        const answer = await dispatch('printPresets', payload);
        expect(answer.ok ? 'ok' : answer.error.code).toBe('staff-only');
      }
      expect(printPresets).not.toHaveBeenCalled();
    });

    it('run with the valid token, which is taken out of the payload before the strict schema sees it', async () => {
      const printPresets = vi.fn(async () => ({ presets: [] }));
      const dispatch = createDispatcher(handlers({ printPresets }), { logError: vi.fn(), authorizeStaff });
      expect(await dispatch('printPresets', { staffToken: 'the-valid-token-0123' })).toEqual({ ok: true, value: { presets: [] } });
      expect(printPresets).toHaveBeenCalledWith({}, { staff: true, staffToken: 'the-valid-token-0123' });
    });

    it('tell public handlers whether the call is staff (a list print is checked by its handler)', async () => {
      const report = vi.fn(async () => ({ recorded: true as const }));
      const dispatch = createDispatcher(handlers({ report }), { logError: vi.fn(), authorizeStaff });
      await dispatch('report', { placeId: 1, reason: 'closed' });
      await dispatch('report', { placeId: 1, reason: 'closed', staffToken: 'nope-nope-nope-nope' });
      await dispatch('report', { placeId: 1, reason: 'closed', staffToken: 'the-valid-token-0123' });
      expect(report.mock.calls.map((call) => (call as unknown[])[1])).toEqual([
        { staff: false, staffToken: null },
        { staff: false, staffToken: 'nope-nope-nope-nope' },
        { staff: true, staffToken: 'the-valid-token-0123' },
      ]);
    });
  });
});
