/**
 * Serves the stored tiles to the maps (the host's `/tiles/{z}/{x}/{y}` route and Electron's
 * `app://kiosk/tiles/…`): a tile from the MBTiles file, or a plain empty tile for anything
 * outside the stored area — never a network call. The file may not exist before the first sync;
 * it is opened once it does.
 */
import { existsSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';
import { flipRow, isValidTile, type TileId } from '../../common/geo/tile-grid';
import { attributions, openTileStore, type TileDatabase } from './tile-store';

export interface ServedTile {
  body: Buffer;
  contentType: string;
  /** False for the empty tile. */
  stored: boolean;
}

/** A sync may bring better tiles: maps ask again after an hour (or at the next start). */
export const TILE_CACHE_CONTROL = 'max-age=3600';

export interface MapInfo {
  tiles: { minZoom: number; maxZoom: number; bounds: [[number, number], [number, number]] } | null;
  attribution: string[];
}

export interface TileReader {
  /** null for a path that is not a tile address at all. */
  tile(path: string): ServedTile | null;
  info(): MapInfo;
  close(): void;
}

/** Matches `/tiles/{z}/{x}/{y}` with an optional image extension. */
export function tileOfPath(path: string): TileId | null {
  const match = /^\/tiles\/(\d{1,2})\/(\d{1,7})\/(\d{1,7})(?:\.(?:png|jpg|jpeg|webp))?$/.exec(path);
  if (!match) return null;
  const tile = { z: Number(match[1]), x: Number(match[2]), y: Number(match[3]) };
  return isValidTile(tile) ? tile : null;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 256 × 256 PNG of one colour (the map's plain background). */
export function plainTile(rgb: [number, number, number] = [0xec, 0xe9, 0xe2]): Buffer {
  const size = 256;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.alloc(1 + size * 3);
  for (let i = 0; i < size; i++) row.set(rgb, 1 + i * 3);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function contentTypeOf(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xd8) return 'image/jpeg';
  if (data.toString('latin1', 0, 4) === 'RIFF') return 'image/webp';
  return 'image/png';
}

export function openTileReader(file: string): TileReader {
  const empty: ServedTile = { body: plainTile(), contentType: 'image/png', stored: false };
  let db: TileDatabase | null = null;
  let select: ((z: number, x: number, row: number) => Buffer | undefined) | null = null;

  const database = (): TileDatabase | null => {
    if (db) return db;
    if (!existsSync(file)) return null;
    try {
      db = openTileStore(file, { readonly: true });
      const statement = db.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?').pluck();
      select = (z, x, row) => statement.get(z, x, row) as Buffer | undefined;
      return db;
    } catch {
      // Half-written by a first sync that is still creating it: try again at the next request.
      db = null;
      return null;
    }
  };

  return {
    tile(path) {
      const tile = tileOfPath(path);
      if (!tile) return null;
      if (!database() || !select) return empty;
      const data = select(tile.z, tile.x, flipRow(tile));
      return data ? { body: data, contentType: contentTypeOf(data), stored: true } : empty;
    },
    info() {
      const store = database();
      if (!store) return { tiles: null, attribution: [] };
      try {
        const zooms = store.prepare('SELECT min(zoom_level) AS min, max(zoom_level) AS max FROM tiles').get() as { min: number | null; max: number | null };
        const bounds = (store.prepare("SELECT value FROM metadata WHERE name = 'bounds'").pluck().get() as string | undefined)?.split(',').map(Number);
        const credits = attributions(store);
        if (zooms.min === null || zooms.max === null || !bounds || bounds.length !== 4 || bounds.some((value) => !Number.isFinite(value))) {
          return { tiles: null, attribution: credits };
        }
        const [west, south, east, north] = bounds as [number, number, number, number];
        return { tiles: { minZoom: zooms.min, maxZoom: zooms.max, bounds: [[south, west], [north, east]] }, attribution: credits };
      } catch {
        return { tiles: null, attribution: [] };
      }
    },
    close() {
      db?.close();
      db = null;
    },
  };
}
