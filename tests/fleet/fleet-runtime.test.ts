/**
 * The fleet pieces inside a real kiosk runtime: signed settings fetched from the stand-in fleet
 * endpoint change what `status` gives the screen and the schedules, survive a restart with no
 * network, and a bad document changes nothing; the heartbeat carries the status's health and
 * nothing about people.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { openKioskRuntime, type KioskRuntime } from '../../host/kiosk-runtime';
import { DEMO_CONFIG_FILE } from '../../kiosk-config/load-config';
import { startFleetEndpoint, type FleetEndpoint } from '../stand-in/fleet-endpoint';
import { FIXED_NOW } from '../support/demo-runtime';
import { fleetAdmin } from '../support/fleet-admin';
import { staffCall } from '../support/staff';
import { keyFingerprint } from '../../host/fleet/remote-settings';

const HOUR = 3_600_000;
const admin = fleetAdmin();
const demo = parseJsonc(readFileSync(DEMO_CONFIG_FILE, 'utf8')) as Record<string, unknown>;

function documentOf(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    issuedAt: new Date(FIXED_NOW.getTime() - HOUR).toISOString(),
    expiresAt: new Date(FIXED_NOW.getTime() + 30 * 24 * HOUR).toISOString(),
    ...overrides,
  };
}

let endpoint: FleetEndpoint | null = null;
const opened: KioskRuntime[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((runtime) => runtime.close()));
  await endpoint?.close();
  endpoint = null;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function kioskIn(dir: string, fleet: Record<string, unknown>): KioskRuntime {
  const configFile = join(dir, 'kiosk.json');
  writeFileSync(configFile, JSON.stringify({ ...demo, $schema: undefined, mirror: { path: 'demo.sqlite' }, ...fleet }));
  const runtime = openKioskRuntime({ configFile, now: FIXED_NOW, version: '9.8.7', demoMirrorPath: join(dir, 'demo.sqlite'), validateResponses: true, logError: () => undefined });
  opened.push(runtime);
  return runtime;
}

async function screenOf(runtime: KioskRuntime) {
  const answer = await runtime.dispatch('status', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return (answer.value as { screen: { announcement: Record<string, string> | null; featuredCategories: string[]; idleTimeoutSeconds: number } }).screen;
}

describe('remote settings in the runtime', () => {
  it('apply to the screen and the schedules, stay through a restart without network, and a bad document changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-runtime-'));
    dirs.push(dir);
    endpoint = await startFleetEndpoint({ token: null });
    const fleet = { remoteSettings: { url: endpoint.settingsUrl, publicKey: admin.publicKey, everyMinutes: 30 } };
    const runtime = kioskIn(dir, fleet);
    const before = await screenOf(runtime);

    endpoint.setSettings(
      admin.seal(
        documentOf({
          announcement: { text: { fr: 'Fermeture exceptionnelle lundi', en: 'Closed on Monday' } },
          featuredCategories: ['health', 'food'],
          idleTimeoutSeconds: 240,
          maintenanceWindow: { start: '01:00', end: '02:30' },
        }),
      ),
    );
    expect(await runtime.remoteSettings?.refresh()).toMatchObject({ kind: 'applied' });
    const after = await screenOf(runtime);
    expect(after).toMatchObject({ announcement: { fr: 'Fermeture exceptionnelle lundi', en: 'Closed on Monday' }, featuredCategories: ['health', 'food'], idleTimeoutSeconds: 240 });
    expect(after).not.toEqual(before);
    expect(runtime.schedules().maintenanceWindow).toEqual({ start: '01:00', end: '02:30' });

    // Signed by someone else: refused, the last good settings stay.
    const intruder = fleetAdmin();
    endpoint.setSettings(intruder.seal(documentOf({ issuedAt: new Date(FIXED_NOW.getTime() - 60_000).toISOString(), announcement: { text: { fr: 'Piratée' } } })));
    expect(await runtime.remoteSettings?.refresh()).toMatchObject({ kind: 'refused' });
    expect((await screenOf(runtime)).announcement).toEqual({ fr: 'Fermeture exceptionnelle lundi', en: 'Closed on Monday' });
    // Staff see the document in force, what it changes, the refusal and the key's fingerprint.
    const overview = await staffCall<{ remoteSettings: Record<string, unknown> }>(runtime, 'staffOverview');
    expect(overview.remoteSettings).toMatchObject({
      state: 'in-force',
      fields: ['announcement', 'featuredCategories', 'maintenanceWindow', 'idleTimeoutSeconds'],
      lastCheck: { outcome: 'refused' },
      keyFingerprint: keyFingerprint(admin.publicKey),
    });

    // Restart with the fleet endpoint gone: the stored document, verified again, still applies.
    await runtime.close();
    opened.splice(opened.indexOf(runtime), 1);
    await endpoint.close();
    endpoint = null;
    const again = kioskIn(dir, fleet);
    expect((await screenOf(again)).announcement).toEqual({ fr: 'Fermeture exceptionnelle lundi', en: 'Closed on Monday' });
    expect(again.schedules().maintenanceWindow).toEqual({ start: '01:00', end: '02:30' });
  });
});

describe('the heartbeat from the runtime', () => {
  it('sends the status’s health with the token, and nothing about people or the place', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-heartbeat-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'heartbeat-token'), 'hb-secret-1\n');
    endpoint = await startFleetEndpoint({ token: 'hb-secret-1' });
    const runtime = kioskIn(dir, { heartbeat: { url: endpoint.heartbeatUrl, everyMinutes: 15, token: { file: 'heartbeat-token' } } });
    runtime.reportUpdates(() => ({ state: 'downloaded', available: '9.9.0' }));
    // Someone searched for food with nothing found: the day's sums go out, nothing else of it.
    expect((await runtime.dispatch('usage', { event: 'search', category: 'food', text: false, found: false })).ok).toBe(true);
    expect(await runtime.heartbeat?.sendNow()).toMatchObject({ kind: 'delivered' });
    expect(endpoint.heartbeats).toHaveLength(1);
    const body = endpoint.heartbeats[0] as Record<string, unknown>;
    const status = await runtime.dispatch('status', {});
    if (!status.ok) throw new Error('no status');
    const value = status.value as { kiosk: { id: string; address: string; label: string }; data: { placeCount: number } };
    expect(body).toMatchObject({ kioskId: value.kiosk.id, version: '9.8.7', data: { placeCount: value.data.placeCount }, updates: { state: 'downloaded', available: '9.9.0' } });
    expect(Object.keys(body).sort()).toEqual(['data', 'diskFreeBytes', 'kioskId', 'lastSync', 'printer', 'quality', 'sentAt', 'updates', 'uptimeSeconds', 'usage', 'version']);
    const index = await runtime.quality();
    expect(body.quality).toMatchObject({
      recency: index.territory.scores.recency,
      completeness: index.territory.scores.completeness,
      exhaustiveness: index.territory.scores.exhaustiveness,
      over12Months: index.territory.recency.over12Months,
    });
    expect((body.quality as { categories: { id: string }[] }).categories.map((scope) => scope.id)).toEqual(index.categories.map((scope) => scope.id));
    const today = FIXED_NOW.toISOString().slice(0, 10);
    expect(body.usage).toEqual([
      { day: today, metric: 'no-result', key: 'food', count: 1 },
      { day: today, metric: 'search', key: 'food', count: 1 },
    ]);
    const text = JSON.stringify(body);
    // The places to review are for staff only: not one name leaves.
    for (const place of index.oldestPlaces.slice(0, 10)) expect(text).not.toContain(place.name);
    expect(text).not.toContain(value.kiosk.address);
    expect(text).not.toContain(value.kiosk.label);
    expect(typeof body.diskFreeBytes).toBe('number');
  });
});
