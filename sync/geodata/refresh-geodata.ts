/**
 * The geodata step of a sync pass: the map tiles around the kiosk and the walking routes to the
 * places near it, each from the source of the configuration, politely. It runs after the places
 * are published and never fails the pass: what it could not fetch stays as it was, and the
 * summary says what happened.
 */
import type { TileRing } from '../../common/geo/tile-grid';
import type { Point } from '../../common/geo/walking';
import type { MirrorDatabase } from '../mirror-database';
import { politeFetch, type PoliteFetchOptions } from './polite-fetch';
import { prefetchTiles, type TilePrefetchSummary } from './prefetch-tiles';
import { routePlaces, type RoutePassSummary } from './route-places';
import { createRouter } from './routing-client';

/** Plain data (it crosses into the sync worker). */
export interface GeodataSettings {
  origin: Point;
  userAgent: string;
  tiles: {
    file: string;
    urlTemplate: string;
    attribution: string;
    rings: TileRing[];
    maxMegabytes: number;
    requestsPerSecond: number;
    refreshDays: number;
  } | null;
  routing: { kind: 'ign' | 'osrm'; url: string; resource: string; radiusKm: number; requestsPerSecond: number } | null;
  /** Tests shorten the waits. */
  fetchOptions?: Partial<Pick<PoliteFetchOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'>>;
}

export interface GeodataSummary {
  tiles: TilePrefetchSummary | null;
  routes: RoutePassSummary | null;
  /** Set when a whole step could not run (the other still did). */
  errors: string[];
}

export async function refreshGeodata(
  mirror: MirrorDatabase,
  settings: GeodataSettings,
  step: { tiles: boolean; routes: boolean },
  now: () => Date,
  onProgress: (marker: string) => void = () => undefined,
): Promise<GeodataSummary> {
  const summary: GeodataSummary = { tiles: null, routes: null, errors: [] };
  if (step.tiles && settings.tiles) {
    const tiles = settings.tiles;
    try {
      summary.tiles = await prefetchTiles({
        file: tiles.file,
        urlTemplate: tiles.urlTemplate,
        attribution: tiles.attribution,
        centre: settings.origin,
        rings: tiles.rings,
        maxBytes: tiles.maxMegabytes * 1024 * 1024,
        refreshDays: tiles.refreshDays,
        fetch: politeFetch({ userAgent: settings.userAgent, requestsPerSecond: tiles.requestsPerSecond, ...settings.fetchOptions }),
        now,
        onProgress,
      });
      onProgress('tiles');
    } catch (error) {
      summary.errors.push(`tiles: ${(error as Error).message}`);
    }
  }
  if (step.routes && settings.routing) {
    const routing = settings.routing;
    try {
      const fetch = politeFetch({ userAgent: settings.userAgent, requestsPerSecond: routing.requestsPerSecond, ...settings.fetchOptions });
      summary.routes = await routePlaces(mirror, {
        origin: settings.origin,
        radiusKm: routing.radiusKm,
        source: routing.kind,
        router: createRouter(routing, fetch),
        now,
        onProgress,
      });
      onProgress('routes');
    } catch (error) {
      summary.errors.push(`routes: ${(error as Error).message}`);
    }
  }
  return summary;
}

/** One line for the kiosk's log when the geodata step did not get everything; null when it did. */
export function geodataTrouble(summary: GeodataSummary | null): string | null {
  if (!summary) return null;
  const parts: string[] = [...summary.errors];
  const { tiles, routes } = summary;
  if (tiles && (tiles.failed > 0 || tiles.skipped > 0 || tiles.overBudget > 0)) {
    parts.push(`tiles: ${tiles.failed} failed, ${tiles.skipped} not asked, ${tiles.overBudget} over budget (${tiles.errors.at(-1) ?? 'no detail'})`);
  }
  if (routes && (routes.failed > 0 || routes.skipped > 0)) {
    parts.push(`routes: ${routes.failed} failed, ${routes.skipped} not asked (${routes.errors.at(-1) ?? 'no detail'})`);
  }
  return parts.length > 0 ? parts.join('; ') : null;
}
