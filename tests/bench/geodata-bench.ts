/**
 * Geodata figures: the default tile area prefetched from the stand-in tile server (our own cost
 * per tile, with no rate limit and the stand-in's tiles already drawn, and what the polite default rate makes of it), a refresh where
 * every tile answers 304, serving stored tiles over the host's HTTP route (p50/p95), and a route
 * pass from the stand-in routing server.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TILE_RINGS, tilesOfArea } from '../../common/geo/tile-grid';
import { startHttpHost } from '../../host/http-host';
import { kioskConfigSchema } from '../../kiosk-config/config-schema';
import { politeFetch, SPACING_MARGIN } from '../../sync/geodata/polite-fetch';
import { prefetchTiles } from '../../sync/geodata/prefetch-tiles';
import { routePlaces } from '../../sync/geodata/route-places';
import { createRouter } from '../../sync/geodata/routing-client';
import { openTileReader } from '../../sync/geodata/tile-reader';
import { openMirror } from '../../sync/mirror-database';
import { writeGeneratedMirror } from '../support/generated-mirror';
import { startRoutingStandIn } from '../stand-in/geo/routing-stand-in';
import { startTileStandIn } from '../stand-in/geo/tile-stand-in';
import { percentiles } from './percentiles';

const KIOSK = { latitude: 48.5839, longitude: 7.7455 }; // Strasbourg
const AGENT = 'BorneSoliguide/bench (kiosk bench)';
const NOW = new Date('2026-11-22T04:30:00Z');


export async function geodataBench() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-geodata-'));
  const defaults = kioskConfigSchema.shape.tiles.unwrap().shape;
  const politeRate = defaults.requestsPerSecond.parse(undefined);
  const tiles = await startTileStandIn();
  const routing = await startRoutingStandIn({ requestsPerSecond: 100_000 });
  try {
    const file = join(dir, 'bench.tiles.mbtiles');
    const options = {
      file,
      urlTemplate: `${tiles.url}/tiles/{z}/{x}/{y}.png`,
      attribution: '© bench',
      centre: KIOSK,
      rings: DEFAULT_TILE_RINGS,
      maxBytes: 500 * 1024 * 1024,
      refreshDays: 30,
      fetch: politeFetch({ userAgent: AGENT, requestsPerSecond: 100_000 }),
      now: () => NOW,
    };
    console.error('bench: prefetching the default tile area from the stand-in…');
    // A first pass into another file warms the stand-in's PNG cache: the timed pass then
    // measures the kiosk's side (HTTP, checks, SQLite writes), not the stand-in drawing tiles.
    await prefetchTiles({ ...options, file: join(dir, 'warm.mbtiles') });
    let started = performance.now();
    const first = await prefetchTiles(options);
    const prefetchMs = performance.now() - started;
    started = performance.now();
    const refresh = await prefetchTiles({ ...options, now: () => new Date(NOW.getTime() + 31 * 86_400_000) });
    const refreshMs = performance.now() - started;

    console.error('bench: serving stored tiles over HTTP…');
    const reader = openTileReader(file);
    const host = await startHttpHost({ port: 0, staticDir: '/nonexistent', dispatch: null, tiles: reader, logError: () => undefined });
    const area = tilesOfArea(KIOSK, DEFAULT_TILE_RINGS);
    const serve: number[] = [];
    const outside: number[] = [];
    try {
      for (let i = 0; i < 3000; i++) {
        const tile = area[(i * 7919) % area.length] as { z: number; x: number; y: number };
        const begin = performance.now();
        const response = await fetch(`${host.url}tiles/${tile.z}/${tile.x}/${tile.y}`);
        await response.arrayBuffer();
        if (i >= 100) serve.push(performance.now() - begin); // the first hundred warm the connection and the page cache
      }
      for (let i = 0; i < 500; i++) {
        const begin = performance.now();
        await (await fetch(`${host.url}tiles/15/${i}/${i}`)).arrayBuffer();
        outside.push(performance.now() - begin);
      }
    } finally {
      await host.close();
      reader.close();
    }

    console.error('bench: a route pass from the stand-in routing server…');
    const mirror = join(dir, 'routes.sqlite');
    writeGeneratedMirror(mirror, { count: 3000, seed: 3, departments: ['67'], now: NOW });
    const db = openMirror(mirror);
    started = performance.now();
    const routes = await routePlaces(db, {
      origin: KIOSK,
      radiusKm: 5,
      source: 'ign',
      router: createRouter({ kind: 'ign', url: `${routing.url}/navigation`, resource: 'bdtopo-osrm' }, politeFetch({ userAgent: AGENT, requestsPerSecond: 100_000 })),
      now: () => NOW,
    });
    const routeMs = performance.now() - started;
    db.close();

    return {
      tilePrefetch: {
        tiles: first.fetched,
        megabytes: Number((statSync(file).size / 1024 / 1024).toFixed(1)),
        ms: Math.round(prefetchMs),
        msPerTile: Number((prefetchMs / first.fetched).toFixed(2)),
        /** What the default politeness (requests per second) makes of it against a real source. */
        atDefaultRateSeconds: Math.round((first.fetched * SPACING_MARGIN) / politeRate),
        defaultRequestsPerSecond: politeRate,
        refreshAll304Ms: Math.round(refreshMs),
        refreshNotModified: refresh.notModified,
      },
      tileServeMs: percentiles(serve),
      plainTileServeMs: percentiles(outside),
      routePass: {
        places: routes.computed,
        ms: Math.round(routeMs),
        msPerRoute: Number((routeMs / Math.max(1, routes.computed)).toFixed(2)),
        atIgnRateSeconds: Math.round((routes.computed * SPACING_MARGIN) / 4),
      },
    };
  } finally {
    await tiles.close();
    await routing.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
