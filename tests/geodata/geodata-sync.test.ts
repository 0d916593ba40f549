/**
 * The geodata step inside real sync passes: the stand-in Soliguide API, tile server and routing
 * server over HTTP, one mirror file and its tile file.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tilesOfArea } from '../../common/geo/tile-grid';
import { distanceMetres, type Point } from '../../common/geo/walking';
import { geodataTrouble, type GeodataSettings } from '../../sync/geodata/refresh-geodata';
import { openTileReader } from '../../sync/geodata/tile-reader';
import { tilesPathFor } from '../../sync/geodata/tile-store';
import { openMirror } from '../../sync/mirror-database';
import { smallDirectory } from '../support/small-directory';
import { startHarness, type Harness } from '../support/sync-harness';
import { startRoutingStandIn, type RoutingStandIn } from '../stand-in/geo/routing-stand-in';
import { startTileStandIn, type TileStandIn } from '../stand-in/geo/tile-stand-in';

let harness: Harness;
let tiles: TileStandIn;
let routing: RoutingStandIn;
let geodata: GeodataSettings;
let kiosk: Point;

beforeAll(async () => {
  const directory = smallDirectory(60, 8);
  harness = await startHarness({ places: directory.places, translations: directory.translations });
  tiles = await startTileStandIn();
  routing = await startRoutingStandIn({ requestsPerSecond: 1000 });
  const first = directory.publicFixedPlaces[0] as { position: { location: { coordinates: [number, number] } } };
  kiosk = { latitude: first.position.location.coordinates[1], longitude: first.position.location.coordinates[0] };
  geodata = {
    origin: kiosk,
    userAgent: 'BorneSoliguide/0.0.0-test (kiosk sync-test)',
    tiles: {
      file: tilesPathFor(harness.mirrorPath),
      urlTemplate: `${tiles.url}/tiles/{z}/{x}/{y}.png`,
      attribution: '© Test tiles',
      rings: [{ minZoom: 13, maxZoom: 14, radiusKm: 2 }],
      maxMegabytes: 50,
      requestsPerSecond: 500,
      refreshDays: 30,
    },
    routing: { kind: 'ign', url: `${routing.url}/navigation`, resource: 'bdtopo-osrm', radiusKm: 5, requestsPerSecond: 500 },
    fetchOptions: { retries: 1, backoffMs: 5 },
  };
});
afterAll(async () => {
  // The last test stops both geodata servers itself.
  await tiles?.close().catch(() => undefined);
  await routing?.close().catch(() => undefined);
  await harness?.close();
});

describe('a sync pass with geodata configured', () => {
  it('publishes the places, then fetches the tiles and routes the places near the kiosk', async () => {
    const summary = await harness.sync('full', { geodata });
    expect(summary.ok).toBe(true);
    const planned = tilesOfArea(kiosk, geodata.tiles?.rings ?? []).length;
    expect(summary.geodata?.tiles).toMatchObject({ planned, fetched: planned, failed: 0 });
    const db = openMirror(harness.mirrorPath);
    const near = (db.prepare('SELECT latitude, longitude FROM places WHERE address IS NOT NULL').all() as Point[]).filter(
      (place) => distanceMetres(kiosk, place) <= 5_000,
    ).length;
    expect(near).toBeGreaterThan(0);
    expect(summary.geodata?.routes).toMatchObject({ considered: near, computed: near, failed: 0 });
    expect(db.prepare("SELECT count(*) FROM walking_routes WHERE outcome = 'route'").pluck().get()).toBe(near);
    db.close();
    const reader = openTileReader(tilesPathFor(harness.mirrorPath));
    expect(reader.info().attribution).toEqual(['© Test tiles']);
    reader.close();
  });

  it('on a light pass, routes only what is new and leaves the tiles alone', async () => {
    const tileRequests = tiles.requests.length;
    const routeRequests = routing.requests.length;
    const summary = await harness.sync('light', { geodata });
    expect(summary.ok).toBe(true);
    expect(summary.geodata?.tiles).toBeNull();
    expect(summary.geodata?.routes?.computed).toBe(0);
    expect(geodataTrouble(summary.geodata)).toBeNull();
    expect(tiles.requests.length).toBe(tileRequests);
    expect(routing.requests.length).toBe(routeRequests);
  });

  it('does not touch tiles or routes when the places pass fails, and says nothing about geodata', async () => {
    harness.standIn.setFaults({ statusAtPage: { page: 'any', status: 500 } });
    const tileRequests = tiles.requests.length;
    const summary = await harness.sync('full', { geodata });
    harness.standIn.setFaults({});
    expect(summary.ok).toBe(false);
    expect(summary.geodata).toBeNull();
    expect(tiles.requests.length).toBe(tileRequests);
    expect(existsSync(tilesPathFor(harness.mirrorPath))).toBe(true);
  });

  it('still succeeds when the geodata services are down: the places are published, the step reports', async () => {
    await routing.close();
    await tiles.close();
    // A month later: every tile is due again, and the kiosk has moved, so every place too.
    const later = () => new Date('2026-12-24T04:30:00Z');
    const moved = { ...geodata, origin: { latitude: kiosk.latitude + 0.001, longitude: kiosk.longitude } };
    const summary = await harness.sync('full', { geodata: moved, now: later });
    expect(summary).toMatchObject({ ok: true, error: null });
    expect(summary.geodata?.tiles?.failed).toBeGreaterThanOrEqual(8);
    expect(summary.geodata?.tiles?.errors.at(-1)).toMatch(/gave up/);
    expect(summary.geodata?.routes?.failed).toBeGreaterThanOrEqual(1);
    // What the kiosk's log says (the scheduler writes it after a successful pass).
    expect(geodataTrouble(summary.geodata)).toMatch(/^tiles: \d+ failed, \d+ not asked, 0 over budget \(gave up .*\); routes: \d+ failed/);
    const reader = openTileReader(tilesPathFor(harness.mirrorPath));
    expect(reader.info().tiles).not.toBeNull();
    reader.close();
  });
});
