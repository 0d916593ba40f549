import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  effectiveSchedules,
  effectiveScreenSettings,
  settingsDocumentSchema,
  type ScreenSettings,
  type SettingsDocument,
} from '../../common/fleet/remote-settings';
import { RemoteSettingsClient, remoteSettingsPathFor, verifySettings, type RemoteSettingsOptions } from '../../host/fleet/remote-settings';
import { startFleetEndpoint, type FleetEndpoint } from '../stand-in/fleet-endpoint';
import { fleetAdmin, type FleetAdmin } from '../support/fleet-admin';

const KIOSK = 'caf-67-strasbourg-01';
const NOW = new Date('2026-11-22T12:00:00Z');
const HOUR = 3_600_000;

const admin = fleetAdmin();

function documentAt(issuedAt: Date, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    issuedAt: issuedAt.toISOString(),
    expiresAt: new Date(issuedAt.getTime() + 30 * 24 * HOUR).toISOString(),
    announcement: { text: { fr: 'Fermeture exceptionnelle lundi', en: 'Closed on Monday' } },
    featuredCategories: ['food', 'health'],
    idleTimeoutSeconds: 120,
    ...overrides,
  };
}

/** A signed envelope, the way the signing command makes one. */
function sealed(document: unknown, by: FleetAdmin = admin): string {
  return by.seal(document);
}

const verifyAt = { now: NOW, kioskId: KIOSK, lastIssuedAt: null };

describe('verifying a signed settings document', () => {
  it('accepts a document signed with the configured key, as it was written', () => {
    const document = documentAt(new Date(NOW.getTime() - HOUR));
    const result = verifySettings(sealed(document), admin.publicKey, verifyAt);
    expect(result).toMatchObject({ ok: true, document });
  });

  it('refuses a signature altered by one byte', () => {
    const envelope = JSON.parse(sealed(documentAt(NOW))) as { signature: string };
    const bytes = Buffer.from(envelope.signature, 'base64');
    bytes[10] = (bytes[10] ?? 0) ^ 1;
    envelope.signature = bytes.toString('base64');
    expect(verifySettings(JSON.stringify(envelope), admin.publicKey, verifyAt)).toEqual({ ok: false, reason: expect.stringMatching(/bad signature/) });
  });

  it('refuses a document changed after signing', () => {
    const envelope = JSON.parse(sealed(documentAt(NOW))) as { document: string };
    envelope.document = envelope.document.replace('"idleTimeoutSeconds":120', '"idleTimeoutSeconds":900');
    expect(envelope.document).toContain('900');
    expect(verifySettings(JSON.stringify(envelope), admin.publicKey, verifyAt)).toEqual({ ok: false, reason: expect.stringMatching(/bad signature/) });
  });

  it('refuses a document signed with another key', () => {
    const intruder = fleetAdmin();
    const result = verifySettings(sealed(documentAt(NOW), intruder), admin.publicKey, verifyAt);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/bad signature/) });
    expect(verifySettings(sealed(documentAt(NOW), intruder), intruder.publicKey, verifyAt).ok).toBe(true);
  });

  it('refuses an expired document', () => {
    const document = documentAt(new Date(NOW.getTime() - 40 * 24 * HOUR));
    expect(verifySettings(sealed(document), admin.publicKey, verifyAt)).toEqual({ ok: false, reason: `expired at ${String(document.expiresAt)}` });
  });

  it('refuses a document older than the settings in use, and accepts the same date again', () => {
    const document = documentAt(new Date(NOW.getTime() - 2 * HOUR));
    const lastIssuedAt = new Date(NOW.getTime() - HOUR).toISOString();
    expect(verifySettings(sealed(document), admin.publicKey, { ...verifyAt, lastIssuedAt })).toEqual({ ok: false, reason: expect.stringMatching(/older than the settings in use.*replay or a rollback/) });
    expect(verifySettings(sealed(document), admin.publicKey, { ...verifyAt, lastIssuedAt: String(document.issuedAt) }).ok).toBe(true);
  });

  it('refuses a document addressed to other kiosks, and accepts one that lists this kiosk', () => {
    const others = documentAt(NOW, { kiosks: ['ccas-75-paris-02', 'caf-67-strasbourg-02'] });
    expect(verifySettings(sealed(others), admin.publicKey, verifyAt)).toEqual({ ok: false, reason: `addressed to other kiosks, not to ${KIOSK}` });
    const ours = documentAt(NOW, { kiosks: ['ccas-75-paris-02', KIOSK] });
    expect(verifySettings(sealed(ours), admin.publicKey, verifyAt).ok).toBe(true);
  });

  it('refuses a document issued more than a day ahead of the kiosk clock', () => {
    const typo = documentAt(new Date('2036-11-22T12:00:00Z'));
    expect(verifySettings(sealed(typo), admin.publicKey, verifyAt)).toEqual({ ok: false, reason: expect.stringMatching(/issued in the future/) });
  });

  it.each([
    ['an idle timeout out of range', { idleTimeoutSeconds: 5 }, 'idleTimeoutSeconds'],
    ['an unknown field', { colour: 'red' }, 'colour'],
    ['an announcement without French', { announcement: { text: { en: 'Closed' } } }, 'announcement.text'],
    ['a bad time of day', { sync: { fullAfter: '4h30' } }, 'sync.fullAfter'],
    ['an announcement ending before it starts', { announcement: { text: { fr: 'x' }, from: '2026-12-02T00:00:00Z', until: '2026-12-01T00:00:00Z' } }, 'announcement.until'],
    ['too many featured categories', { featuredCategories: Array.from({ length: 17 }, (_, i) => `c${i}`) }, 'featuredCategories'],
  ])('refuses %s, naming the field', (_, overrides, field) => {
    const result = verifySettings(sealed(documentAt(NOW, overrides)), admin.publicKey, verifyAt);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(new RegExp(`^invalid document: .*${field.replace('.', '\\.')}`));
  });

  it('refuses what is not a signed envelope', () => {
    expect(verifySettings('<html>', admin.publicKey, verifyAt)).toEqual({ ok: false, reason: 'not JSON' });
    expect(verifySettings(JSON.stringify(documentAt(NOW)), admin.publicKey, verifyAt)).toEqual({ ok: false, reason: expect.stringMatching(/^not a signed settings envelope/) });
  });
});

describe('merging the settings with the config', () => {
  const base: ScreenSettings = { featuredCategories: null, announcement: { fr: 'Accueil fermé le vendredi' }, idleTimeoutSeconds: 90 };
  const parse = (overrides: Record<string, unknown>): SettingsDocument => settingsDocumentSchema.parse(documentAt(NOW, overrides));

  it('overrides the featured needs, the idle timeout and the announcement', () => {
    const document = parse({});
    expect(effectiveScreenSettings(base, document, NOW)).toEqual({
      featuredCategories: document.featuredCategories,
      announcement: document.announcement?.text,
      idleTimeoutSeconds: document.idleTimeoutSeconds,
    });
  });

  it('keeps the config for what the document leaves out, and removes the announcement when it says null', () => {
    expect(effectiveScreenSettings(base, parse({ announcement: undefined, featuredCategories: undefined, idleTimeoutSeconds: undefined }), NOW)).toEqual(base);
    expect(effectiveScreenSettings(base, parse({ announcement: null }), NOW).announcement).toBeNull();
  });

  it('shows an announcement only between its from and until dates', () => {
    const text = { fr: 'Plan grand froid' };
    const document = parse({ announcement: { text, from: '2026-12-01T00:00:00+01:00', until: '2026-12-10T00:00:00+01:00' } });
    const at = (iso: string): unknown => effectiveScreenSettings(base, document, new Date(iso)).announcement;
    expect(at('2026-11-30T22:59:59Z')).toBeNull();
    expect(at('2026-11-30T23:00:00Z')).toEqual(text);
    expect(at('2026-12-09T22:59:59Z')).toEqual(text);
    expect(at('2026-12-09T23:00:00Z')).toBeNull();
  });

  it('ignores a document once it has expired', () => {
    const document = parse({});
    const after = new Date(Date.parse(document.expiresAt));
    expect(effectiveScreenSettings(base, document, after)).toEqual(base);
    const schedules = { sync: { fullAfter: '04:30', lightEveryMinutes: 120, randomOffsetMinutes: 45 }, maintenanceWindow: { start: '03:00', end: '05:00' } };
    expect(effectiveSchedules(schedules, parse({ sync: { fullAfter: '05:00' } }), after)).toEqual(schedules);
  });

  it('overrides the sync and maintenance schedules, keeping the local offset', () => {
    const schedules = { sync: { fullAfter: '04:30', lightEveryMinutes: 120, randomOffsetMinutes: 45 }, maintenanceWindow: { start: '03:00', end: '05:00' } };
    const document = parse({ sync: { lightEveryMinutes: 60 }, maintenanceWindow: { start: '01:00', end: '02:00' } });
    expect(effectiveSchedules(schedules, document, NOW)).toEqual({
      sync: { fullAfter: '04:30', lightEveryMinutes: 60, randomOffsetMinutes: 45 },
      maintenanceWindow: { start: '01:00', end: '02:00' },
    });
  });

  it('accepts the example document shipped for admins', () => {
    const example = JSON.parse(readFileSync(new URL('../../kiosk-config/examples/remote-settings.example.json', import.meta.url), 'utf8')) as unknown;
    expect(settingsDocumentSchema.safeParse(example).error).toBeUndefined();
  });
});

describe('the remote settings client', () => {
  let dir: string;
  let endpoint: FleetEndpoint;
  let clock: Date;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'remote-settings-'));
    endpoint = await startFleetEndpoint({ token: null });
    clock = NOW;
  });
  afterEach(async () => {
    await endpoint.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function client(overrides: Partial<RemoteSettingsOptions> = {}): { settings: RemoteSettingsClient; logs: string[]; changes: (SettingsDocument | null)[] } {
    const logs: string[] = [];
    const changes: (SettingsDocument | null)[] = [];
    const settings = new RemoteSettingsClient({
      url: endpoint.settingsUrl,
      publicKey: admin.publicKey,
      everyMinutes: 30,
      kioskId: KIOSK,
      storePath: remoteSettingsPathFor(join(dir, 'mirror.sqlite')),
      now: () => clock,
      log: (line) => logs.push(line),
      onChange: (document) => changes.push(document),
      timeoutMs: 300,
      ...overrides,
    });
    return { settings, logs, changes };
  }

  const storePath = (): string => join(dir, 'remote-settings.json');
  const first = documentAt(new Date(NOW.getTime() - 2 * HOUR));

  async function withFirstApplied(): Promise<ReturnType<typeof client>> {
    endpoint.setSettings(sealed(first));
    const running = client();
    expect(await running.settings.refresh()).toEqual({ kind: 'applied', issuedAt: first.issuedAt });
    return running;
  }

  it('applies a good document, tells onChange and stores the envelope as served', async () => {
    const { settings, changes } = await withFirstApplied();
    expect(settings.current()).toEqual(first);
    expect(changes).toEqual([first]);
    expect(readFileSync(storePath(), 'utf8')).toBe(sealed(first));
  });

  it('asks again with the ETag and takes a 304 as unchanged', async () => {
    const { settings, changes } = await withFirstApplied();
    expect(await settings.refresh()).toEqual({ kind: 'unchanged' });
    const [firstAsk, secondAsk] = endpoint.requests;
    expect(firstAsk?.ifNoneMatch).toBeNull();
    expect(secondAsk).toMatchObject({ ifNoneMatch: expect.any(String), status: 304 });
    expect(changes).toHaveLength(1);
  });

  it('applies a newer document in place of the old one', async () => {
    const { settings, changes } = await withFirstApplied();
    const newer = documentAt(new Date(NOW.getTime() - HOUR), { idleTimeoutSeconds: 60 });
    endpoint.setSettings(sealed(newer));
    expect(await settings.refresh()).toEqual({ kind: 'applied', issuedAt: newer.issuedAt });
    expect(changes).toEqual([first, newer]);
    expect(readFileSync(storePath(), 'utf8')).toBe(sealed(newer));
  });

  it.each([
    ['a bad signature', () => sealed(documentAt(NOW), fleetAdmin()), /bad signature/],
    ['an older document (rollback)', () => sealed(documentAt(new Date(NOW.getTime() - 3 * HOUR))), /replay or a rollback/],
    ['an expired document', () => sealed(documentAt(new Date(NOW.getTime() - 31 * 24 * HOUR))), /expired at/],
    ['a document for other kiosks', () => sealed(documentAt(NOW, { kiosks: ['caf-68-mulhouse-01'] })), /other kiosks/],
    ['an invalid document', () => sealed(documentAt(NOW, { announcement: { text: { fr: 'Nouvelle annonce secrète', de: 'Geheim' } } })), /invalid document: announcement\.text/],
    ['the same date with another content', () => sealed({ ...first, idleTimeoutSeconds: 300 }), /same issuedAt/],
  ])('refuses %s, says why without quoting it, and keeps the last good settings', async (_, envelope, reason) => {
    const { settings, logs, changes } = await withFirstApplied();
    endpoint.setSettings(envelope());
    const outcome = await settings.refresh();
    expect(outcome).toEqual({ kind: 'refused', reason: expect.stringMatching(reason) });
    expect(settings.current()).toEqual(first);
    expect(changes).toEqual([first]);
    expect(readFileSync(storePath(), 'utf8')).toBe(sealed(first));
    const refusal = logs.at(-1) ?? '';
    expect(refusal).toMatch(reason);
    expect(refusal).toContain(`keeping the settings issued at ${String(first.issuedAt)}`);
    expect(refusal).not.toMatch(/Nouvelle annonce|Geheim|Fermeture/);
  });

  it.each([
    ['HTTP 500', { kind: 'status', status: 500 } as const, { kind: 'failed', reason: 'HTTP 500' }],
    ['HTTP 404', { kind: 'status', status: 404 } as const, { kind: 'failed', reason: 'HTTP 404' }],
    ['a server that never answers', { kind: 'hang' } as const, { kind: 'failed', reason: 'no complete answer within 300 ms' }],
    ['a body too slow to arrive', { kind: 'slow', bytesPerSecond: 200 } as const, { kind: 'failed', reason: 'no complete answer within 300 ms' }],
    ['a connection reset', { kind: 'reset' } as const, { kind: 'failed', reason: expect.stringMatching(/^(UND_ERR_SOCKET|ECONNRESET)$/) }],
    ['a cut-off body', { kind: 'malformed' } as const, { kind: 'refused', reason: 'not JSON' }],
  ])('keeps the last good settings after %s', async (_, fault, expected) => {
    const { settings, logs, changes } = await withFirstApplied();
    endpoint.setSettings(sealed(documentAt(NOW)));
    endpoint.setFault('settings', fault);
    expect(await settings.refresh()).toEqual(expected);
    expect(settings.current()).toEqual(first);
    expect(changes).toEqual([first]);
    expect(logs.at(-1)).toContain(`keeping the settings issued at ${String(first.issuedAt)}`);
  });

  it('keeps the last good settings when the server is gone', async () => {
    const { settings } = await withFirstApplied();
    await endpoint.close();
    expect(await settings.refresh()).toEqual({ kind: 'failed', reason: 'ECONNREFUSED' });
    expect(settings.current()).toEqual(first);
  });

  it('refuses an answer over the size limit without keeping it', async () => {
    const { settings } = await withFirstApplied();
    endpoint.setSettings(' '.repeat(300 * 1024));
    expect(await settings.refresh()).toEqual({ kind: 'failed', reason: expect.stringMatching(/over the 262144-byte limit/) });
    expect(settings.current()).toEqual(first);
  });

  it('loads the last good settings at a restart, without the network', async () => {
    const before = await withFirstApplied();
    await before.settings.stop();
    const offline = vi.fn<typeof fetch>(() => Promise.reject(new TypeError('fetch failed')));
    const after = client({ fetch: offline });
    after.settings.start();
    expect(after.settings.current()).toEqual(first);
    expect(after.changes).toEqual([first]);
    expect(offline).not.toHaveBeenCalled();
    await after.settings.stop();
  });

  it('takes the same document served again after a restart as unchanged', async () => {
    await (await withFirstApplied()).settings.stop();
    const after = client();
    after.settings.start();
    expect(await after.settings.refresh()).toEqual({ kind: 'unchanged' });
    expect(after.changes).toEqual([first]);
    expect(endpoint.requests.at(-1)).toMatchObject({ ifNoneMatch: null, status: 200 });
    await after.settings.stop();
  });

  it('applies the stored document once the kiosk clock is right again', async () => {
    await (await withFirstApplied()).settings.stop();
    clock = new Date(NOW.getTime() - 3 * 24 * HOUR);
    const after = client();
    after.settings.start();
    expect(after.settings.current()).toBeNull();
    expect(after.logs).toEqual([expect.stringMatching(/not used: issued in the future/)]);
    clock = NOW;
    expect(await after.settings.refresh()).toEqual({ kind: 'applied', issuedAt: first.issuedAt });
    expect(after.changes).toEqual([first]);
    await after.settings.stop();
  });

  it('refuses a stored file edited on the kiosk', async () => {
    await withFirstApplied();
    const stored = JSON.parse(readFileSync(storePath(), 'utf8')) as { document: string };
    stored.document = stored.document.replace('"idleTimeoutSeconds":120', '"idleTimeoutSeconds":900');
    writeFileSync(storePath(), JSON.stringify(stored));
    const after = client();
    after.settings.start();
    expect(after.settings.current()).toBeNull();
    expect(after.changes).toEqual([]);
    expect(after.logs).toEqual([expect.stringMatching(/stored settings refused: bad signature/)]);
    await after.settings.stop();
  });

  it('drops the settings when they expire, and still refuses an older document after a restart', async () => {
    const { settings, changes } = await withFirstApplied();
    clock = new Date(Date.parse(String(first.expiresAt)) + 1000);
    expect(settings.current()).toBeNull();
    endpoint.setFault('settings', { kind: 'status', status: 503 });
    await settings.refresh();
    expect(changes).toEqual([first, null]);
    await settings.stop();

    const after = client();
    after.settings.start();
    expect(after.settings.current()).toBeNull();
    endpoint.setFault('settings', null);
    const older = documentAt(new Date(NOW.getTime() - 3 * HOUR), { expiresAt: new Date(clock.getTime() + HOUR).toISOString() });
    endpoint.setSettings(sealed(older));
    expect(await after.settings.refresh()).toEqual({ kind: 'refused', reason: expect.stringMatching(/replay or a rollback/) });
    await after.settings.stop();
  });

  it('fetches once within a minute of starting, then every everyMinutes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const served = vi.fn<typeof fetch>(() => Promise.resolve(new Response('down', { status: 503 })));
      const { settings } = client({ fetch: served, everyMinutes: 30, random: () => 0.5 });
      settings.start();
      await vi.advanceTimersByTimeAsync(29_999);
      expect(served).toHaveBeenCalledTimes(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(served).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(30 * 60_000 - 1);
      expect(served).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(served).toHaveBeenCalledTimes(2);
      await settings.stop();
      await vi.advanceTimersByTimeAsync(60 * 60_000);
      expect(served).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
