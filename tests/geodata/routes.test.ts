/**
 * Walking routes on the real path: a generated mirror in a real SQLite file, the route pass
 * asking a stand-in routing server (IGN Géoplateforme and OSRM protocols) over HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { distanceMetres, routeMinutes, type Point } from '../../common/geo/walking';
import { holidayCalendar } from '../../sync/holidays/french-holidays';
import { openMirror, type MirrorDatabase } from '../../sync/mirror-database';
import { politeFetch } from '../../sync/geodata/polite-fetch';
import { routePlaces, type RoutePassOptions } from '../../sync/geodata/route-places';
import { createRouter, type RoutingSettings } from '../../sync/geodata/routing-client';
import { placeView } from '../../sync/read/place-view';
import { searchPlaces } from '../../sync/read/search-places';
import { itineraryOf } from '../../sync/read/walking-routes';
import { writeGeneratedMirror } from '../support/generated-mirror';
import { startRoutingStandIn, type RoutingStandIn } from '../stand-in/geo/routing-stand-in';

const NOW = new Date('2026-11-22T04:30:00Z');
const AGENT = 'BorneSoliguide/0.0.0-test (kiosk test; +https://soliguide.fr)';
const RADIUS_KM = 5;

let dir: string;
let template: string;
let db: MirrorDatabase;
let server: RoutingStandIn;
let kiosk: Point;
let near: { lieu_id: number; latitude: number; longitude: number }[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'routes-'));
  template = join(dir, 'template.sqlite');
  writeGeneratedMirror(template, { count: 400, seed: 11, departments: ['75'], now: NOW });
  const probe = openMirror(template);
  // The kiosk stands where the places are densest: the centroid of those with an address.
  kiosk = probe.prepare('SELECT avg(latitude) AS latitude, avg(longitude) AS longitude FROM places WHERE address IS NOT NULL').get() as Point;
  probe.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let copy = 0;
beforeEach(async () => {
  const file = join(dir, `mirror-${copy++}.sqlite`);
  const source = openMirror(template);
  await source.backup(file);
  source.close();
  db = openMirror(file);
  near = (db.prepare('SELECT lieu_id, latitude, longitude FROM places WHERE address IS NOT NULL').all() as typeof near).filter(
    (place) => distanceMetres(kiosk, place) <= RADIUS_KM * 1000,
  );
  server = await startRoutingStandIn({ requestsPerSecond: 1000 });
});
afterEach(async () => {
  db.close();
  await server.close();
});

function settings(kind: 'ign' | 'osrm'): RoutingSettings {
  return kind === 'ign' ? { kind, url: `${server.url}/navigation`, resource: 'bdtopo-osrm' } : { kind, url: server.url, resource: 'bdtopo-osrm' };
}

function pass(kind: 'ign' | 'osrm' = 'ign', overrides: Partial<RoutePassOptions> = {}, requestsPerSecond = 500) {
  const fetch = politeFetch({ userAgent: AGENT, requestsPerSecond, retries: 1, backoffMs: 5 });
  return routePlaces(db, { origin: kiosk, radiusKm: RADIUS_KM, source: kind, router: createRouter(settings(kind), fetch), now: () => NOW, ...overrides });
}

const routeRequests = (): typeof server.requests => server.requests.filter((request) => request.protocol !== 'other');

describe('the route pass', () => {
  it('routes every place with an address within the radius once, and stores people-readable steps', async () => {
    expect(near.length).toBeGreaterThanOrEqual(20);
    const summary = await pass('ign');
    expect(summary).toMatchObject({ considered: near.length, computed: near.length, failed: 0, reused: 0 });
    const ends = routeRequests().map((request) => request.end as [number, number]);
    expect(ends).toHaveLength(near.length);
    const askedFor = (place: (typeof near)[number]): number =>
      ends.filter(([longitude, latitude]) => Math.abs(longitude - place.longitude) < 2e-6 && Math.abs(latitude - place.latitude) < 2e-6).length;
    expect(near.filter((place) => askedFor(place) !== 1)).toEqual([]);

    const place = near[0] as (typeof near)[number];
    const itinerary = itineraryOf(db, place.lieu_id, kiosk);
    expect(itinerary?.kind).toBe('route');
    expect(itinerary?.geometry[0]).toEqual([Number(kiosk.latitude.toFixed(6)), Number(kiosk.longitude.toFixed(6))]);
    expect(itinerary?.geometry.at(-1)).toEqual([Number(place.latitude.toFixed(6)), Number(place.longitude.toFixed(6))]);
    expect(itinerary?.steps[0]?.maneuver).toBe('depart');
    expect(itinerary?.steps.at(-1)?.maneuver).toBe('arrive');
    expect(itinerary?.minutes).toBe(routeMinutes(itinerary?.distanceMetres as number));
    // Distance along the streets is at least the straight line.
    expect(itinerary?.distanceMetres).toBeGreaterThanOrEqual(distanceMetres(kiosk, place) - 2);

    const streets = (db.prepare("SELECT steps_json FROM walking_routes WHERE outcome = 'route'").pluck().all() as string[]).flatMap(
      (json) => (JSON.parse(json) as { street: string | null }[]).map((step) => step.street),
    );
    const named = streets.filter((street): street is string => street !== null);
    expect(named.length).toBeGreaterThan(0);
    // BD TOPO's "R DE TOURNON" reaches people as "rue de Tournon": no all-capital abbreviations left.
    expect(named.filter((street) => /^[A-Z]{1,4} [A-Z]/.test(street))).toEqual([]);
    expect(named.some((street) => /^(rue|boulevard|avenue|place|quai|impasse|allée|chemin) /.test(street))).toBe(true);
  });

  it('reuses stored routes: a second pass asks nothing, a moved place is routed again, alone', async () => {
    await pass('ign');
    const first = routeRequests().length;
    const again = await pass('ign');
    expect(again).toMatchObject({ reused: near.length, computed: 0 });
    expect(routeRequests().length).toBe(first);

    const moved = near[3] as (typeof near)[number];
    db.prepare('UPDATE places SET latitude = latitude + 0.001 WHERE lieu_id = ?').run(moved.lieu_id);
    // Until routed again, the old route no longer matches the place: the screen says "estimate".
    expect(itineraryOf(db, moved.lieu_id, kiosk)?.kind).toBe('estimate');
    const third = await pass('ign');
    expect(third).toMatchObject({ computed: 1, reused: near.length - 1 });
    expect(routeRequests().at(-1)?.end?.[1]).toBeCloseTo(moved.latitude + 0.001, 5);
    expect(itineraryOf(db, moved.lieu_id, kiosk)?.kind).toBe('route');
  });

  it('keeps the previous route when the service fails for a place, and routes the others', async () => {
    await pass('ign');
    const [failing, fine] = near.slice(0, 2) as [(typeof near)[number], (typeof near)[number]];
    db.prepare('UPDATE places SET longitude = longitude + 0.001 WHERE lieu_id IN (?, ?)').run(failing.lieu_id, fine.lieu_id);
    const before = db.prepare('SELECT * FROM walking_routes WHERE lieu_id = ?').get(failing.lieu_id);
    server.setFaults({ status: { status: 503, at: [failing.longitude + 0.001, failing.latitude] } });
    const summary = await pass('ign');
    expect(summary).toMatchObject({ computed: 1, failed: 1 });
    expect(summary.errors[0]).toMatch(/HTTP 503/);
    expect(db.prepare('SELECT * FROM walking_routes WHERE lieu_id = ?').get(failing.lieu_id)).toEqual(before);
    expect(itineraryOf(db, fine.lieu_id, kiosk)?.kind).toBe('route');
  });

  it('records "no way found" as such, and the place is shown with an estimate', async () => {
    const target = near[5] as (typeof near)[number];
    server.setFaults({ noRoute: [target.longitude, target.latitude] });
    const summary = await pass('ign');
    expect(summary.noRoute).toBe(1);
    expect(db.prepare('SELECT outcome FROM walking_routes WHERE lieu_id = ?').pluck().get(target.lieu_id)).toBe('none');
    const itinerary = itineraryOf(db, target.lieu_id, kiosk);
    expect(itinerary).toMatchObject({ kind: 'estimate', steps: [], source: null });
    expect(itinerary?.geometry).toHaveLength(2);
    expect((await pass('ign')).reused).toBe(near.length);
  });

  it('speaks OSRM too, with its own street spelling', async () => {
    const summary = await pass('osrm');
    expect(summary.computed).toBe(near.length);
    expect(routeRequests().every((request) => request.protocol === 'osrm')).toBe(true);
    const itinerary = itineraryOf(db, (near[0] as (typeof near)[number]).lieu_id, kiosk);
    expect(itinerary).toMatchObject({ kind: 'route', source: 'osrm' });
    // A route from the other service is not reused as if it were this one's.
    expect((await pass('ign')).computed).toBe(near.length);
  });

  it('routes everything again when the kiosk moves', async () => {
    await pass('ign');
    const elsewhere = { latitude: kiosk.latitude + 0.002, longitude: kiosk.longitude };
    const summary = await pass('ign', { origin: elsewhere });
    expect(summary.reused).toBe(0);
    expect(summary.computed).toBe(summary.considered);
  });

  it('gives up after a few failures in a row when the service cannot be reached, keeping every route', async () => {
    await pass('ign');
    db.prepare('UPDATE places SET latitude = latitude + 0.0005').run();
    const before = db.prepare('SELECT * FROM walking_routes ORDER BY lieu_id').all();
    await server.close();
    const summary = await pass('ign');
    expect(summary.failed).toBeGreaterThanOrEqual(4);
    expect(summary.failed).toBeLessThanOrEqual(5);
    expect(summary.skipped).toBe(summary.considered - summary.failed);
    expect(summary.errors.join('\n')).toMatch(/ECONNREFUSED/);
    expect(db.prepare('SELECT * FROM walking_routes ORDER BY lieu_id').all()).toEqual(before);
    server = await startRoutingStandIn();
  });

  it('starts no more requests a second than the service allows: measured on the server, no 429', async () => {
    await server.close();
    server = await startRoutingStandIn({ requestsPerSecond: 5 });
    const few = [...near].sort((a, b) => distanceMetres(kiosk, a) - distanceMetres(kiosk, b)).slice(0, 10);
    const radius = Math.max(...few.map((place) => distanceMetres(kiosk, place))) / 1000;
    const summary = await pass('ign', { radiusKm: radius + 0.001 }, 5);
    expect(summary.computed).toBe(summary.considered);
    expect(summary.considered).toBeGreaterThanOrEqual(10);
    const requests = routeRequests();
    expect(requests.filter((request) => request.status === 429)).toEqual([]);
    const starts = requests.map((request) => request.at).sort((a, b) => a - b);
    expect(Math.max(...starts.map((start) => starts.filter((at) => at >= start && at < start + 1000).length))).toBeLessThanOrEqual(5);
  });
});

describe('what the screens read', () => {
  it('gives search results and the place view the stored route’s minutes, and the estimate elsewhere', async () => {
    await pass('ign');
    const routed = new Map((db.prepare("SELECT lieu_id, distance_m FROM walking_routes WHERE outcome = 'route'").all() as { lieu_id: number; distance_m: number }[]).map((r) => [r.lieu_id, r.distance_m]));
    const search = (origin: Point) =>
      searchPlaces(db, { language: 'fr', origin, radiusMetres: 3_000, openNow: false, filters: {}, page: 1, pageSize: 50 }, NOW, holidayCalendar);
    const items = search(kiosk).items.filter((item) => item.address !== null);
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) {
      const length = routed.get(item.id);
      if (length === undefined) continue;
      expect(item).toMatchObject({ walkingEstimated: false, walkingMetres: length, walkingMinutes: routeMinutes(length) });
    }
    expect(items.some((item) => !item.walkingEstimated)).toBe(true);
    // From somewhere else (a town chosen on screen), the kiosk's routes do not apply.
    const elsewhere = search({ latitude: kiosk.latitude + 0.01, longitude: kiosk.longitude }).items;
    expect(elsewhere.every((item) => item.walkingEstimated)).toBe(true);

    const id = items.find((item) => !item.walkingEstimated)?.id as number;
    const view = placeView(db, id, { language: 'fr', now: NOW, origin: kiosk, holidaysOf: holidayCalendar });
    expect(view).toMatchObject({ walkingEstimated: false, walkingMetres: routed.get(id) });
  });
});
