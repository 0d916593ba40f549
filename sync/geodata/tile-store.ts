/**
 * The kiosk's map tiles: one MBTiles 1.3 file beside the mirror (`metadata` and `tiles` with the
 * TMS row flip, readable by any MBTiles tool), plus our own bookkeeping tables: when each tile
 * was fetched, from which source, with which validators (ETag, Last-Modified). A separate file
 * because tiles change monthly and places hourly: the places' publication never copies them.
 */
import Database from 'better-sqlite3';
import { flipRow, type TileId } from '../../common/geo/tile-grid';

export type TileDatabase = Database.Database;

/** The tile file of a mirror: `var/mirror.sqlite` → `var/mirror.tiles.mbtiles`. */
export function tilesPathFor(mirrorPath: string): string {
  return `${mirrorPath.replace(/\.(sqlite3?|db)$/i, '')}.tiles.mbtiles`;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS metadata (name TEXT NOT NULL PRIMARY KEY, value TEXT) ;
CREATE TABLE IF NOT EXISTS tiles (
  zoom_level INTEGER NOT NULL,
  tile_column INTEGER NOT NULL,
  tile_row INTEGER NOT NULL, -- TMS: counted from the south
  tile_data BLOB NOT NULL,
  PRIMARY KEY (zoom_level, tile_column, tile_row)
) WITHOUT ROWID;
-- One row per tile asked for; a tile the source does not have (404) has a row here and none in tiles.
CREATE TABLE IF NOT EXISTS tile_fetches (
  zoom_level INTEGER NOT NULL,
  tile_column INTEGER NOT NULL,
  tile_row INTEGER NOT NULL,
  source TEXT NOT NULL, -- the URL template it came from
  fetched_at TEXT NOT NULL, -- last time the source confirmed it (200 or 304)
  etag TEXT,
  last_modified TEXT,
  PRIMARY KEY (zoom_level, tile_column, tile_row)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tile_fetches_by_source ON tile_fetches(source);
CREATE TABLE IF NOT EXISTS tile_sources (source TEXT NOT NULL PRIMARY KEY, attribution TEXT NOT NULL);
`;

export function openTileStore(file: string, options: { readonly?: boolean } = {}): TileDatabase {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.exec(SCHEMA);
    }
    db.pragma('busy_timeout = 2000');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export interface TileFetchRow {
  source: string;
  fetched_at: string;
  etag: string | null;
  last_modified: string | null;
}

export interface StoredTileWrite {
  tile: TileId;
  /** null: the source has no tile there (it answered 404). */
  data: Buffer | null;
  source: string;
  fetchedAt: Date;
  etag: string | null;
  lastModified: string | null;
}

/** The statements a prefetch needs, prepared once. */
export function tileWriter(db: TileDatabase) {
  const fetchOf = db.prepare(
    'SELECT source, fetched_at, etag, last_modified FROM tile_fetches WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?',
  );
  const sizeOf = db.prepare('SELECT length(tile_data) FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?').pluck();
  const putTile = db.prepare('INSERT OR REPLACE INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)');
  const dropTile = db.prepare('DELETE FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
  const putFetch = db.prepare(
    `INSERT OR REPLACE INTO tile_fetches (zoom_level, tile_column, tile_row, source, fetched_at, etag, last_modified)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const confirm = db.prepare('UPDATE tile_fetches SET fetched_at = ? WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
  const key = (tile: TileId): [number, number, number] => [tile.z, tile.x, flipRow(tile)];
  return {
    fetchOf: (tile: TileId) => (fetchOf.get(...key(tile)) as TileFetchRow | undefined) ?? null,
    storedBytes: (tile: TileId) => (sizeOf.get(...key(tile)) as number | undefined) ?? 0,
    totalBytes: () => db.prepare('SELECT coalesce(sum(length(tile_data)), 0) FROM tiles').pluck().get() as number,
    write: (entry: StoredTileWrite) => {
      const k = key(entry.tile);
      if (entry.data) putTile.run(...k, entry.data);
      else dropTile.run(...k);
      putFetch.run(...k, entry.source, entry.fetchedAt.toISOString(), entry.etag, entry.lastModified);
    },
    confirm: (tile: TileId, at: Date) => confirm.run(at.toISOString(), ...key(tile)),
  };
}

/** Writes the MBTiles metadata for what the file now holds, and forgets sources no tile comes from. */
export function writeTileMetadata(
  db: TileDatabase,
  source: { template: string; attribution: string; bounds: { south: number; west: number; north: number; east: number }; centre: { latitude: number; longitude: number } },
): void {
  db.transaction(() => {
    db.prepare('INSERT OR REPLACE INTO tile_sources (source, attribution) VALUES (?, ?)').run(source.template, source.attribution);
    db.exec('DELETE FROM tile_sources WHERE source NOT IN (SELECT DISTINCT source FROM tile_fetches)');
    const zooms = db.prepare('SELECT min(zoom_level) AS min, max(zoom_level) AS max FROM tiles').get() as { min: number | null; max: number | null };
    const head = db.prepare('SELECT substr(hex(tile_data), 1, 8) FROM tiles LIMIT 1').pluck().get() as string | undefined;
    const entries: Record<string, string> = {
      name: 'Borne Soliguide — offline map',
      type: 'baselayer',
      version: '1',
      description: 'Raster tiles around the kiosk, fetched by its sync',
      format: head?.startsWith('FFD8') ? 'jpg' : head?.startsWith('52494646') ? 'webp' : 'png',
      attribution: attributions(db).join(' · '),
      bounds: [source.bounds.west, source.bounds.south, source.bounds.east, source.bounds.north].map((v) => v.toFixed(6)).join(','),
      center: `${source.centre.longitude.toFixed(6)},${source.centre.latitude.toFixed(6)},${zooms.max ?? 0}`,
      minzoom: String(zooms.min ?? 0),
      maxzoom: String(zooms.max ?? 0),
    };
    const put = db.prepare('INSERT OR REPLACE INTO metadata (name, value) VALUES (?, ?)');
    for (const [name, value] of Object.entries(entries)) put.run(name, value);
  })();
}

export function attributions(db: TileDatabase): string[] {
  return db
    .prepare('SELECT attribution FROM tile_sources WHERE source IN (SELECT DISTINCT source FROM tile_fetches) ORDER BY attribution')
    .pluck()
    .all() as string[];
}

/** Tiles of other sources than this one, once every tile of the area has come from it. */
export function dropOtherSources(db: TileDatabase, template: string): number {
  return db.transaction(() => {
    const stale = db.prepare('SELECT zoom_level, tile_column, tile_row FROM tile_fetches WHERE source <> ?').all(template) as {
      zoom_level: number;
      tile_column: number;
      tile_row: number;
    }[];
    const drop = db.prepare('DELETE FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
    for (const row of stale) drop.run(row.zoom_level, row.tile_column, row.tile_row);
    db.prepare('DELETE FROM tile_fetches WHERE source <> ?').run(template);
    db.exec('DELETE FROM tile_sources WHERE source NOT IN (SELECT DISTINCT source FROM tile_fetches)');
    return stale.length;
  })();
}
