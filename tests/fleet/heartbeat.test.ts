import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseJsonc } from 'jsonc-parser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskStatus } from '../../common/contract/kiosk-api';
import { heartbeatBodySchema, heartbeatDelayMs, heartbeatReportFromStatus, type HeartbeatReport } from '../../common/fleet/heartbeat';
import { diskFreeBytes, Heartbeat, type HeartbeatOptions } from '../../host/fleet/heartbeat';
import { KioskConfigError, validateConfig } from '../../kiosk-config/load-config';
import { openDemoRuntime } from '../support/demo-runtime';
import { startFleetEndpoint, type FleetEndpoint } from '../stand-in/fleet-endpoint';

const KIOSK = 'caf-67-strasbourg-01';
const NOW = new Date('2026-11-22T12:00:00.000Z');
const TOKEN = 'hb-0123456789abcdef';
const MINUTE = 60_000;

function report(): HeartbeatReport {
  return {
    kioskId: KIOSK,
    version: '0.1.0',
    uptimeSeconds: 3600,
    data: { date: '2026-11-22T03:30:00.000Z', ageSeconds: 30_600, placeCount: 1234 },
    lastSync: { kind: 'light', outcome: 'failed', finishedAt: '2026-11-22T11:00:00.000Z' },
    printer: { state: 'out-of-paper', ready: false },
    diskFreeBytes: 12_345_678_901,
    updates: { state: 'downloaded', available: '0.2.0' },
  };
}

describe('the heartbeat sender', () => {
  let endpoint: FleetEndpoint;
  let logs: string[];

  beforeEach(async () => {
    endpoint = await startFleetEndpoint({ token: TOKEN });
    logs = [];
  });
  afterEach(() => endpoint.close());

  function heartbeat(overrides: Partial<HeartbeatOptions> = {}): Heartbeat {
    return new Heartbeat({
      url: endpoint.heartbeatUrl,
      token: TOKEN,
      everyMinutes: 15,
      collect: () => Promise.resolve(report()),
      now: () => NOW,
      log: (line) => logs.push(line),
      timeoutMs: 300,
      ...overrides,
    });
  }

  it('posts exactly the heartbeat fields, stamped with the time, with the bearer token', async () => {
    expect(await heartbeat().sendNow()).toEqual({ kind: 'delivered', status: 200 });
    expect(endpoint.requests).toEqual([expect.objectContaining({ method: 'POST', authorization: `Bearer ${TOKEN}` })]);
    const [body] = endpoint.heartbeats as Record<string, Record<string, unknown>>[];
    expect(Object.keys(body ?? {}).sort()).toEqual(['data', 'diskFreeBytes', 'kioskId', 'lastSync', 'printer', 'sentAt', 'updates', 'uptimeSeconds', 'version']);
    expect(Object.keys(body?.data ?? {}).sort()).toEqual(['ageSeconds', 'date', 'placeCount']);
    expect(Object.keys(body?.lastSync ?? {}).sort()).toEqual(['finishedAt', 'kind', 'outcome']);
    expect(Object.keys(body?.printer ?? {}).sort()).toEqual(['ready', 'state']);
    expect(Object.keys(body?.updates ?? {}).sort()).toEqual(['available', 'state']);
    expect(body).toEqual({ ...report(), sentAt: NOW.toISOString() });
  });

  it('sends no Authorization header when the config names no token', async () => {
    await endpoint.close();
    endpoint = await startFleetEndpoint({ token: null });
    expect((await heartbeat({ token: null }).sendNow()).kind).toBe('delivered');
    expect(endpoint.requests[0]?.authorization).toBeNull();
  });

  it.each([
    ['a field too many', { ...report(), visitorLanguage: 'ar' }, 'visitorLanguage'],
    ['the sync error text', { ...report(), lastSync: { kind: 'full', outcome: 'failed', finishedAt: null, error: 'GET https://api/… 500' } }, 'lastSync'],
    ['the printer queue name', { ...report(), printer: { state: 'idle', ready: true, name: 'Accueil' } }, 'printer'],
    ['free text where a state goes', { ...report(), updates: { state: 'failed: disk full at /home/agent', available: null } }, 'updates.state'],
  ])('sends nothing when the report carries %s, and says which field', async (_, leaky, field) => {
    const outcome = await heartbeat({ collect: () => Promise.resolve(leaky as HeartbeatReport) }).sendNow();
    expect(outcome).toEqual({ kind: 'invalid', reason: expect.stringContaining(field) });
    expect(endpoint.requests).toEqual([]);
    expect(logs).toEqual([expect.stringMatching(/^heartbeat: not sent: the report does not match the heartbeat schema/)]);
  });

  it('takes only the heartbeat fields out of a status answer', async () => {
    const demo = openDemoRuntime();
    try {
      const answer = await demo.runtime.dispatch('status', {});
      if (!answer.ok) throw new Error('status failed');
      // The demo runtime validates its answers against the contract.
      const real = answer.value as KioskStatus;
      const status: KioskStatus = {
        ...real,
        data: { ...real.data, lastSync: { kind: 'full' as const, outcome: 'failed' as const, startedAt: NOW.toISOString(), finishedAt: NOW.toISOString(), error: 'HTTP 500 from https://api.soliguide.example/new-search' } },
        printer: { ...real.printer, name: 'Accueil-CAF', reasons: ['media-empty-error'] },
      };
      const mapped = heartbeatReportFromStatus(status, { uptimeSeconds: 61.7, diskFreeBytes: 1000 });
      expect(heartbeatBodySchema.safeParse({ ...mapped, sentAt: NOW.toISOString() }).error).toBeUndefined();
      expect(mapped).toEqual({
        kioskId: status.kiosk.id,
        version: status.version,
        uptimeSeconds: 61,
        data: { date: status.data.date, ageSeconds: status.data.ageSeconds, placeCount: status.data.placeCount },
        lastSync: { kind: 'full', outcome: 'failed', finishedAt: NOW.toISOString() },
        printer: { state: status.printer.state, ready: status.printer.ready },
        diskFreeBytes: 1000,
      });
      const text = JSON.stringify(mapped);
      for (const secretish of ['soliguide.example', 'Accueil-CAF', 'media-empty', status.kiosk.address, status.kiosk.label]) expect(text).not.toContain(secretish);
    } finally {
      await demo.dispose();
    }
  });

  it('reports a refused token once, not at every attempt, and a new status again', async () => {
    const wrongToken = heartbeat({ token: 'expired-token-value' });
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(await wrongToken.sendNow()).toEqual({ kind: 'rejected', status: 401, reason: expect.stringContaining('check heartbeat.token') });
    }
    expect(logs).toEqual([expect.stringMatching(/^heartbeat: POST .* rejected: HTTP 401: the endpoint refuses the token/)]);
    endpoint.setFault('heartbeat', { kind: 'status', status: 404 });
    expect((await wrongToken.sendNow()).kind).toBe('rejected');
    expect(logs).toHaveLength(2);
    expect(logs[1]).toMatch(/HTTP 404: check heartbeat\.url/);
    expect(logs.join('\n')).not.toContain('expired-token-value');
  });

  it.each([
    ['HTTP 503', { kind: 'status', status: 503 } as const, { kind: 'failed', status: 503, reason: 'HTTP 503' }],
    ['HTTP 429', { kind: 'status', status: 429 } as const, { kind: 'failed', status: 429, reason: 'HTTP 429' }],
    ['an endpoint that never answers', { kind: 'hang' } as const, { kind: 'failed', status: null, reason: 'no answer within 300 ms' }],
    ['a connection reset', { kind: 'reset' } as const, { kind: 'failed', status: null, reason: expect.stringMatching(/^(UND_ERR_SOCKET|ECONNRESET)$/) }],
  ])('counts %s as a failure, then says when it is delivered again', async (_, fault, expected) => {
    const sender = heartbeat();
    endpoint.setFault('heartbeat', fault);
    expect(await sender.sendNow()).toEqual(expected);
    expect(await sender.sendNow()).toEqual(expected);
    endpoint.setFault('heartbeat', null);
    expect(await sender.sendNow()).toEqual({ kind: 'delivered', status: 200 });
    expect(logs).toHaveLength(2);
    expect(logs[0]).toContain('failed');
    expect(logs[1]).toBe('heartbeat: delivered again after 2 failed attempt(s)');
  });

  it('counts an endpoint that is gone as a failure', async () => {
    await endpoint.close();
    expect(await heartbeat().sendNow()).toEqual({ kind: 'failed', status: null, reason: 'ECONNREFUSED' });
  });
});

describe('the heartbeat schedule', () => {
  it('doubles the wait after each failure up to six periods, and goes back to the period after a success', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: NOW });
    try {
      const answers = [500, 500, 500, 500, 200, 200];
      const sentAt: number[] = [];
      const post = vi.fn<typeof fetch>(() => {
        sentAt.push(Date.now());
        return Promise.resolve(new Response(null, { status: answers[sentAt.length - 1] ?? 200 }));
      });
      const sender = new Heartbeat({
        url: 'http://127.0.0.1:9/heartbeat',
        token: null,
        everyMinutes: 1,
        collect: () => Promise.resolve(report()),
        now: () => new Date(),
        log: () => undefined,
        fetch: post,
        random: () => 0.5,
      });
      sender.start();
      await vi.advanceTimersByTimeAsync(30 * MINUTE);
      await sender.stop();
      const gaps = sentAt.slice(1).map((at, index) => (at - (sentAt[index] ?? 0)) / MINUTE);
      expect(sentAt[0]).toBe(NOW.getTime() + 30_000);
      expect(gaps.slice(0, 6)).toEqual([2, 4, 6, 6, 1, 1]);
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    [15, 0, 15],
    [15, 1, 30],
    [15, 2, 60],
    [15, 3, 90],
    [15, 50, 90],
    [120, 2, 360],
    [120, 9, 360],
    [1440, 3, 1440],
  ])('every %i min, after %i failures: waits %i min', (periodMinutes, failures, expectedMinutes) => {
    expect(heartbeatDelayMs(periodMinutes * MINUTE, failures, () => 0.5)).toBe(expectedMinutes * MINUTE);
  });

  it('spreads the waits by ±10 % with the random source', () => {
    expect(heartbeatDelayMs(10 * MINUTE, 0, () => 0)).toBe(9 * MINUTE);
    expect(heartbeatDelayMs(10 * MINUTE, 0, () => 0.999_999)).toBeCloseTo(11 * MINUTE, -1);
    expect(heartbeatDelayMs(10 * MINUTE, 1, () => 0)).toBe(18 * MINUTE);
  });
});

describe('heartbeat helpers', () => {
  it('reads the free disk space, and null for a path that does not exist', async () => {
    const free = await diskFreeBytes(tmpdir());
    expect(free).toBeGreaterThan(0);
    expect(Number.isInteger(free)).toBe(true);
    expect(await diskFreeBytes('/nonexistent/borne-soliguide')).toBeNull();
  });

  describe('the heartbeat token in the kiosk config', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'heartbeat-config-'));
      writeFileSync(join(dir, 'soliguide-token'), 'soliguide-secret\n');
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    function configWith(heartbeat: unknown): Record<string, unknown> {
      const example = fileURLToPath(new URL('../../kiosk-config/examples/caf-strasbourg.jsonc', import.meta.url));
      const config = parseJsonc(readFileSync(example, 'utf8')) as Record<string, unknown>;
      return { ...config, soliguide: { apiBaseUrl: 'https://api.soliguide.example', token: { file: 'soliguide-token' } }, heartbeat };
    }

    it('reads it from a file, apart from the config', () => {
      writeFileSync(join(dir, 'heartbeat-token'), `${TOKEN}\n`);
      const loaded = validateConfig(join(dir, 'kiosk.json'), configWith({ url: 'https://fleet.example.org/heartbeat', token: { file: 'heartbeat-token' } }), {});
      expect(loaded.secrets).toEqual({ soliguideToken: 'soliguide-secret', heartbeatToken: TOKEN });
      expect(JSON.stringify(loaded.config)).not.toContain(TOKEN);
    });

    it('reads it from an environment variable, and is null without a token or a heartbeat', () => {
      const withEnv = validateConfig(join(dir, 'kiosk.json'), configWith({ url: 'https://fleet.example.org/heartbeat', token: { env: 'HEARTBEAT_TOKEN' } }), { HEARTBEAT_TOKEN: ` ${TOKEN} ` });
      expect(withEnv.secrets.heartbeatToken).toBe(TOKEN);
      expect(validateConfig(join(dir, 'kiosk.json'), configWith({ url: 'https://fleet.example.org/heartbeat' }), {}).secrets.heartbeatToken).toBeNull();
      expect(validateConfig(join(dir, 'kiosk.json'), configWith(undefined), {}).secrets.heartbeatToken).toBeNull();
    });

    it('names heartbeat.token when its file is missing', () => {
      const config = configWith({ url: 'https://fleet.example.org/heartbeat', token: { file: '/nonexistent/heartbeat-token' } });
      let error: unknown;
      try {
        validateConfig(join(dir, 'kiosk.json'), config, {});
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(KioskConfigError);
      expect((error as KioskConfigError).problems).toEqual([
        expect.objectContaining({ field: 'heartbeat.token.file', kind: 'token', expected: expect.stringMatching(/heartbeat-token does not exist; write the heartbeat endpoint's bearer token into it/) }),
      ]);
    });
  });
});
