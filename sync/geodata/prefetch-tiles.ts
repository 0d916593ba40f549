/**
 * Fetches the tiles of the kiosk's area that are missing or stale into the tile store: coarse
 * levels first, conditional requests for tiles already held (ETag / Last-Modified, so that an
 * unchanged tile costs a 304), within the size budget. A tile is replaced only by a valid image;
 * whatever fails leaves the stored tile as it was.
 */
import { boxAround, tilesOfArea, tileUrl, type TileId, type TileRing } from '../../common/geo/tile-grid';
import type { Point } from '../../common/geo/walking';
import { FetchFailedError, readBody, type PoliteFetch } from './polite-fetch';
import { runQueue, type WorkOutcome } from './work-queue';
import { dropOtherSources, openTileStore, tileWriter, writeTileMetadata, type TileFetchRow } from './tile-store';

export interface TilePrefetchOptions {
  file: string;
  urlTemplate: string;
  attribution: string;
  centre: Point;
  rings: readonly TileRing[];
  maxBytes: number;
  refreshDays: number;
  fetch: PoliteFetch;
  now: () => Date;
  /** Tiles fetched at once (starts are spaced by the polite fetch anyway). */
  concurrency?: number;
  onProgress?: (marker: string) => void;
}

export interface TilePrefetchSummary {
  planned: number;
  fresh: number;
  fetched: number;
  notModified: number;
  absent: number;
  failed: number;
  /** Tiles not asked for because the budget was reached. */
  overBudget: number;
  /** Tiles not asked for because the source kept failing (offline kiosk, server down). */
  skipped: number;
  storedBytes: number;
  /** First failures, for the run log. */
  errors: string[];
}

const MAX_ERRORS_KEPT = 5;
/** Failures in a row after which the tile source is taken as unreachable for this pass. */
const GIVE_UP_AFTER = 8;

/** PNG, JPEG or WebP: anything else (a captive portal's HTML page, an error text) is not a tile. */
export function isTileImage(data: Buffer): boolean {
  if (data.length < 12) return false;
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return true;
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return true;
  return data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP';
}

function isFresh(row: TileFetchRow | null, template: string, now: Date, refreshDays: number): boolean {
  return row !== null && row.source === template && now.getTime() - Date.parse(row.fetched_at) < refreshDays * 86_400_000;
}

export async function prefetchTiles(options: TilePrefetchOptions): Promise<TilePrefetchSummary> {
  const db = openTileStore(options.file);
  const summary: TilePrefetchSummary = { planned: 0, fresh: 0, fetched: 0, notModified: 0, absent: 0, failed: 0, overBudget: 0, skipped: 0, storedBytes: 0, errors: [] };
  try {
    const store = tileWriter(db);
    const tiles = tilesOfArea(options.centre, options.rings);
    summary.planned = tiles.length;
    let bytes = store.totalBytes();
    const fail = (message: string): WorkOutcome => {
      summary.failed++;
      if (summary.errors.length < MAX_ERRORS_KEPT) summary.errors.push(message);
      return 'failure';
    };

    const fetchOne = async (tile: TileId): Promise<WorkOutcome> => {
      const previous = store.fetchOf(tile);
      if (isFresh(previous, options.urlTemplate, options.now(), options.refreshDays)) {
        summary.fresh++;
        return 'neutral';
      }
      if (bytes >= options.maxBytes) {
        summary.overBudget++;
        return 'neutral';
      }
      const url = tileUrl(options.urlTemplate, tile);
      const sameSource = previous?.source === options.urlTemplate;
      const headers: Record<string, string> = { Accept: 'image/png,image/jpeg,image/webp;q=0.9,*/*;q=0.1' };
      if (sameSource && previous.etag) headers['If-None-Match'] = previous.etag;
      if (sameSource && previous.last_modified) headers['If-Modified-Since'] = previous.last_modified;
      let response: Response;
      try {
        response = await options.fetch(url, headers);
      } catch (error) {
        return fail(error instanceof FetchFailedError ? error.message : `${url}: ${(error as Error).message}`);
      }
      if (response.status === 304 && sameSource) {
        await response.body?.cancel().catch(() => undefined);
        store.confirm(tile, options.now());
        summary.notModified++;
        return 'success';
      }
      if (response.status === 404) {
        await response.body?.cancel().catch(() => undefined);
        bytes -= store.storedBytes(tile);
        store.write({ tile, data: null, source: options.urlTemplate, fetchedAt: options.now(), etag: null, lastModified: null });
        summary.absent++;
        return 'success';
      }
      if (response.status !== 200) {
        await response.body?.cancel().catch(() => undefined);
        return fail(`${url}: HTTP ${response.status}`);
      }
      let data: Buffer;
      try {
        data = await readBody(response, url);
      } catch (error) {
        return fail((error as Error).message);
      }
      if (!isTileImage(data)) {
        return fail(`${url}: the answer is not an image (${response.headers.get('content-type') ?? 'no type'}); a captive portal or a proxy page?`);
      }
      bytes += data.length - store.storedBytes(tile);
      store.write({
        tile,
        data,
        source: options.urlTemplate,
        fetchedAt: options.now(),
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
      });
      summary.fetched++;
      if (summary.fetched % 100 === 0) options.onProgress?.(`tiles ${summary.fetched}`);
      return 'success';
    };

    // In order: coarse zoom levels are complete before fine ones start.
    const queue = await runQueue(tiles, { concurrency: options.concurrency ?? 4, giveUpAfter: GIVE_UP_AFTER }, fetchOne);
    summary.skipped = queue.skipped;
    if (queue.gaveUp) summary.errors.push(`gave up after ${GIVE_UP_AFTER} failures in a row; the stored tiles are kept`);

    const complete = summary.failed === 0 && summary.overBudget === 0 && summary.skipped === 0;
    if (complete) dropOtherSources(db, options.urlTemplate);
    const box = options.rings.reduce((widest, ring) => (ring.radiusKm > widest.radiusKm ? ring : widest));
    writeTileMetadata(db, {
      template: options.urlTemplate,
      attribution: options.attribution,
      bounds: boxAround(options.centre, box.radiusKm),
      centre: options.centre,
    });
    summary.storedBytes = store.totalBytes();
    db.pragma('wal_checkpoint(PASSIVE)');
    return summary;
  } finally {
    db.close();
  }
}
