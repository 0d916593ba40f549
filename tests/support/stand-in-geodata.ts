/**
 * Fills a test kiosk's tile file and walking routes from the geo stand-ins (tiles that encode
 * their z/x/y, routes along generated streets), then stops the stand-ins: the network is cut.
 */
import { politeFetch } from '../../sync/geodata/polite-fetch';
import { prefetchTiles } from '../../sync/geodata/prefetch-tiles';
import { routePlaces } from '../../sync/geodata/route-places';
import { createRouter } from '../../sync/geodata/routing-client';
import { tilesPathFor } from '../../sync/geodata/tile-store';
import { startRoutingStandIn } from '../stand-in/geo/routing-stand-in';
import { startTileStandIn } from '../stand-in/geo/tile-stand-in';
import type { KioskUnderTest } from './kiosk-page';

export async function fillGeodataFromStandIns(kiosk: KioskUnderTest, credit: string): Promise<void> {
  const { config } = kiosk.runtime.loaded;
  const origin = { latitude: config.location.latitude, longitude: config.location.longitude };
  const tiles = await startTileStandIn();
  const routing = await startRoutingStandIn({ requestsPerSecond: 1000 });
  try {
    const fetch = politeFetch({ userAgent: 'BorneSoliguide/0.0.0-test (kiosk browser-test)', requestsPerSecond: 1000 });
    await prefetchTiles({
      file: tilesPathFor(kiosk.runtime.mirrorPath),
      urlTemplate: `${tiles.url}/tiles/{z}/{x}/{y}.png`,
      attribution: credit,
      centre: origin,
      rings: [
        { minZoom: 11, maxZoom: 14, radiusKm: 6 },
        { minZoom: 15, maxZoom: 17, radiusKm: 2 },
      ],
      maxBytes: 100 * 1024 * 1024,
      refreshDays: 30,
      fetch,
      now: kiosk.runtime.now,
    });
    await routePlaces(kiosk.runtime.mirror, {
      origin,
      radiusKm: 5,
      source: 'ign',
      router: createRouter({ kind: 'ign', url: `${routing.url}/navigation`, resource: 'bdtopo-osrm' }, fetch),
      now: kiosk.runtime.now,
    });
  } finally {
    await tiles.close();
    await routing.close();
  }
}
