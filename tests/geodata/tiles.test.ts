/**
 * Map tiles, on the real path: the prefetch asks a stand-in tile server over HTTP, stores into a
 * real MBTiles file, and the kiosk serves them from that file with the server gone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flipRow, tilesOfArea, type TileRing } from '../../common/geo/tile-grid';
import { startHttpHost } from '../../host/http-host';
import { kioskConfigSchema } from '../../kiosk-config/config-schema';
import { politeFetch } from '../../sync/geodata/polite-fetch';
import { prefetchTiles, type TilePrefetchOptions } from '../../sync/geodata/prefetch-tiles';
import { openTileReader, plainTile } from '../../sync/geodata/tile-reader';
import { decodeTilePng } from '../stand-in/geo/tile-image';
import { startTileStandIn, WMTS_LAYER, type TileStandIn } from '../stand-in/geo/tile-stand-in';

const KIOSK = { latitude: 48.5839, longitude: 7.7455 }; // Strasbourg
const RINGS: TileRing[] = [
  { minZoom: 12, maxZoom: 13, radiusKm: 3 },
  { minZoom: 15, maxZoom: 15, radiusKm: 0.6 },
];
const DAY = 86_400_000;
const T0 = new Date('2026-11-22T04:30:00Z');
const AGENT = 'BorneSoliguide/0.0.0-test (kiosk test-kiosk; +https://soliguide.fr)';

const wmtsTemplate = (server: TileStandIn): string =>
  `${server.url}/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${WMTS_LAYER}&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}`;

let dir: string;
let server: TileStandIn;
const dirs: string[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tiles-'));
  dirs.push(dir);
  server = await startTileStandIn({ lastModified: new Date('2026-11-01T00:00:00Z') });
});
afterEach(async () => server.close());
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function options(overrides: Partial<TilePrefetchOptions> = {}, at = T0): TilePrefetchOptions {
  return {
    file: join(dir, 'kiosk.tiles.mbtiles'),
    urlTemplate: wmtsTemplate(server),
    attribution: '© IGN – Plan IGN',
    centre: KIOSK,
    rings: RINGS,
    maxBytes: 50 * 1024 * 1024,
    refreshDays: 30,
    fetch: politeFetch({ userAgent: AGENT, requestsPerSecond: 200, retries: 1, backoffMs: 10 }),
    now: () => at,
    ...overrides,
  };
}

function storedTiles(file: string): { z: number; x: number; y: number; version: number }[] {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles').all() as {
      zoom_level: number;
      tile_column: number;
      tile_row: number;
      tile_data: Buffer;
    }[];
    return rows.map((row) => {
      const decoded = decodeTilePng(row.tile_data);
      if (!decoded) throw new Error('a stored tile is not one of the stand-in tiles');
      // The file is MBTiles: rows counted from the south. Flipping back must give what was served.
      expect(flipRow({ z: row.zoom_level, x: row.tile_column, y: row.tile_row })).toBe(decoded.y);
      expect([decoded.z, decoded.x]).toEqual([row.zoom_level, row.tile_column]);
      return decoded;
    });
  } finally {
    db.close();
  }
}

const tileRequests = (): number => server.requests.filter((request) => request.tile !== null).length;

describe('prefetching the tiles of the kiosk area', () => {
  it('fetches each tile of the area once, through a WMTS URL, names itself, and stores it in MBTiles', async () => {
    const planned = tilesOfArea(KIOSK, RINGS);
    const summary = await prefetchTiles(options());
    expect(summary).toMatchObject({ planned: planned.length, fetched: planned.length, failed: 0, fresh: 0 });
    const asked = server.requests.map((request) => request.tile && `${request.tile.z}/${request.tile.x}/${request.tile.y}`);
    expect(asked.sort()).toEqual(planned.map((t) => `${t.z}/${t.x}/${t.y}`).sort());
    expect(new Set(server.requests.map((request) => request.userAgent))).toEqual(new Set([AGENT]));
    expect(storedTiles(options().file).length).toBe(planned.length);

    const db = new Database(options().file, { readonly: true });
    const metadata = Object.fromEntries((db.prepare('SELECT name, value FROM metadata').all() as { name: string; value: string }[]).map((r) => [r.name, r.value]));
    db.close();
    expect(metadata).toMatchObject({ format: 'png', minzoom: '12', maxzoom: '15', attribution: '© IGN – Plan IGN', type: 'baselayer' });
    const [west, south, east, north] = (metadata.bounds as string).split(',').map(Number) as [number, number, number, number];
    expect(west).toBeLessThan(KIOSK.longitude);
    expect(east).toBeGreaterThan(KIOSK.longitude);
    expect(south).toBeLessThan(KIOSK.latitude);
    expect(north).toBeGreaterThan(KIOSK.latitude);
  });

  it('asks nothing while the tiles are fresh, then conditionally: an unchanged tile costs a 304, a changed one is replaced', async () => {
    await prefetchTiles(options());
    const first = tileRequests();
    expect((await prefetchTiles(options({}, new Date(T0.getTime() + 5 * DAY)))).fresh).toBe(first);
    expect(tileRequests()).toBe(first);

    const month = new Date(T0.getTime() + 31 * DAY);
    const unchanged = await prefetchTiles(options({}, month));
    expect(unchanged).toMatchObject({ notModified: first, fetched: 0 });
    const conditional = server.requests.slice(first);
    expect(conditional.every((request) => request.ifNoneMatch !== null && request.status === 304)).toBe(true);

    server.setVersion(2);
    const later = new Date(T0.getTime() + 62 * DAY);
    const changed = await prefetchTiles(options({}, later));
    expect(changed).toMatchObject({ fetched: first, notModified: 0 });
    expect(storedTiles(options().file).every((tile) => tile.version === 2)).toBe(true);
  });

  it('keeps the previous tile when the answer is a captive portal page, a server error or a cut-off body', async () => {
    await prefetchTiles(options());
    const [portal, broken, cut] = tilesOfArea(KIOSK, RINGS).slice(-3) as [{ z: number; x: number; y: number }, { z: number; x: number; y: number }, { z: number; x: number; y: number }];
    server.setVersion(2);
    const id = (t: { z: number; x: number; y: number }): string => `${t.z}/${t.x}/${t.y}`;
    server.setFaults({ captivePortal: portal, status: { status: 500, at: broken }, truncate: cut });
    const summary = await prefetchTiles(options({}, new Date(T0.getTime() + 31 * DAY)));
    expect(summary.failed).toBe(3);
    expect(summary.errors.join('\n')).toMatch(/not an image/);
    const byId = new Map(storedTiles(options().file).map((tile) => [id(tile), tile.version]));
    expect([byId.get(id(portal)), byId.get(id(broken)), byId.get(id(cut))]).toEqual([1, 1, 1]);
    expect([...byId.values()].filter((version) => version === 2).length).toBe(byId.size - 3);
  });

  it('stops at the size budget, coarse levels first, so that what is stored is still a whole map', async () => {
    const coarseTiles = tilesOfArea(KIOSK, RINGS).filter((tile) => tile.z <= 12);
    const coarse = coarseTiles.length;
    let coarseBytes = 0;
    for (const tile of coarseTiles) {
      coarseBytes += (await (await fetch(`${server.url}/tiles/${tile.z}/${tile.x}/${tile.y}.png`, { headers: { 'User-Agent': AGENT } })).arrayBuffer()).byteLength;
    }
    const summary = await prefetchTiles(options({ maxBytes: coarseBytes, fetch: politeFetch({ userAgent: AGENT, requestsPerSecond: 200 }), concurrency: 1 }));
    expect(summary.overBudget).toBeGreaterThan(0);
    expect(summary.fetched).toBe(coarse);
    expect(storedTiles(options().file).every((tile) => tile.z === 12)).toBe(true);
  });

  it('starts no more requests a second than the source allows: measured on the server, no 429', async () => {
    await server.close();
    server = await startTileStandIn({ requestsPerSecond: 5 });
    const rings = [{ minZoom: 15, maxZoom: 15, radiusKm: 1 }];
    const count = tilesOfArea(KIOSK, rings).length;
    expect(count).toBeGreaterThanOrEqual(8);
    const summary = await prefetchTiles(options({ rings, fetch: politeFetch({ userAgent: AGENT, requestsPerSecond: 5 }) }));
    expect(summary.fetched).toBe(count);
    expect(server.requests.filter((request) => request.status === 429)).toEqual([]);
    const starts = server.requests.map((request) => request.at).sort((a, b) => a - b);
    const busiest = Math.max(...starts.map((start) => starts.filter((at) => at >= start && at < start + 1000).length));
    expect(busiest).toBeLessThanOrEqual(5);
    expect((starts.at(-1) as number) - (starts[0] as number)).toBeGreaterThanOrEqual(((count - 1) / 5) * 1000);
  });

  it('gives up quickly when the source cannot be reached, keeping every stored tile', async () => {
    await prefetchTiles(options());
    const before = storedTiles(options().file).length;
    const template = wmtsTemplate(server);
    await server.close();
    try {
      const summary = await prefetchTiles(
        options({ urlTemplate: template, fetch: politeFetch({ userAgent: AGENT, requestsPerSecond: 200, retries: 1, backoffMs: 5 }) }, new Date(T0.getTime() + 31 * DAY)),
      );
      // Eight failures in a row stop the pass; the requests already under way (4 at once) still end.
      expect(summary.failed).toBeGreaterThanOrEqual(8);
      expect(summary.failed).toBeLessThanOrEqual(8 + 3);
      expect(summary.skipped).toBe(summary.planned - summary.failed);
      expect(summary.errors.join('\n')).toMatch(/ECONNREFUSED/);
      expect(summary.errors.at(-1)).toMatch(/gave up/);
      expect(storedTiles(options().file).length).toBe(before);
    } finally {
      server = await startTileStandIn();
    }
  });
});

describe('serving the stored tiles with the network cut', () => {
  it('serves the stored tile over the host route, a plain one outside the area, and 404 for a non-tile path', async () => {
    await prefetchTiles(options());
    await server.close();
    const reader = openTileReader(options().file);
    const host = await startHttpHost({ port: 0, staticDir: '/nonexistent', dispatch: async () => ({ ok: true, value: {} }), tiles: reader, logError: () => undefined });
    try {
      const inside = tilesOfArea(KIOSK, RINGS).at(-1) as { z: number; x: number; y: number };
      const response = await fetch(`${host.url}tiles/${inside.z}/${inside.x}/${inside.y}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(decodeTilePng(Buffer.from(await response.arrayBuffer()))).toMatchObject(inside);

      const outside = await fetch(`${host.url}tiles/15/0/0`);
      expect(outside.status).toBe(200);
      expect(Buffer.from(await outside.arrayBuffer()).equals(plainTile())).toBe(true);
      expect((await fetch(`${host.url}tiles/40/1/1`)).status).toBe(404);
      expect((await fetch(`${host.url}tiles/3/9/1`)).status).toBe(404);

      expect(reader.info()).toMatchObject({ tiles: { minZoom: 12, maxZoom: 15 }, attribution: ['© IGN – Plan IGN'] });
    } finally {
      await host.close();
      reader.close();
      server = await startTileStandIn();
    }
  });

  it('serves plain tiles and no map area before the first sync created the file', () => {
    const reader = openTileReader(join(dir, 'none.mbtiles'));
    expect(reader.tile('/tiles/12/2136/1405')?.stored).toBe(false);
    expect(reader.info()).toEqual({ tiles: null, attribution: [] });
    reader.close();
  });
});

describe('the tile source of the configuration', () => {
  const base = {
    kiosk: { id: 'test-kiosk', name: 'Test' },
    location: { latitude: 48.58, longitude: 7.75, address: '1 rue', label: 'Test' },
    territory: { departments: ['67'] },
    demo: true,
  };
  it('accepts XYZ and WMTS templates and refuses OpenStreetMap’s own tile servers, saying why', () => {
    const ok = (urlTemplate: string) => kioskConfigSchema.safeParse({ ...base, tiles: { urlTemplate, attribution: '©' } }).success;
    expect(ok('https://tiles.example.org/{z}/{x}/{y}.png')).toBe(true);
    expect(ok('https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}')).toBe(true);
    expect(ok('https://tiles.example.org/{z}/{x}.png')).toBe(false);
    const osm = kioskConfigSchema.safeParse({ ...base, tiles: { urlTemplate: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OSM' } });
    expect(osm.success).toBe(false);
    expect(JSON.stringify(osm.error?.issues)).toMatch(/forbid bulk and offline/);
  });
});
