/**
 * Web Mercator tile arithmetic (the XYZ scheme of Leaflet, OSM and WMTS "PM" matrices) and the
 * kiosk's tile area: rings around the kiosk, wide and coarse far away, street level nearby.
 */
import type { Point } from './walking';

export interface TileId {
  z: number;
  x: number;
  y: number;
}

/** One ring of the stored area: these zoom levels, this far from the kiosk. */
export interface TileRing {
  minZoom: number;
  maxZoom: number;
  radiusKm: number;
}

/**
 * The default area: the town around the kiosk to find one's bearings (z11–13, 15 km), the
 * neighbourhood (z14–15, 5 km: the places search shows first) and street level within a
 * 25-minute walk (z16–17, 2 km). About 1 000 tiles at 48° N (≈ 15–25 MB of PNG).
 */
export const DEFAULT_TILE_RINGS: readonly TileRing[] = [
  { minZoom: 11, maxZoom: 13, radiusKm: 15 },
  { minZoom: 14, maxZoom: 15, radiusKm: 5 },
  { minZoom: 16, maxZoom: 17, radiusKm: 2 },
];

const MAX_LATITUDE = 85.0511287798;

/** Web Mercator: a point's position at zoom z, in tiles (fractional) from the north-west corner of the world. */
export function worldPosition(point: Point, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const latitude = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, point.latitude));
  const rad = (latitude * Math.PI) / 180;
  return { x: ((point.longitude + 180) / 360) * n, y: ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n };
}

export function tileOf(point: Point, z: number): TileId {
  const n = 2 ** z;
  const position = worldPosition(point, z);
  const x = Math.floor(position.x);
  const y = Math.floor(position.y);
  return { z, x: Math.min(n - 1, Math.max(0, x)), y: Math.min(n - 1, Math.max(0, y)) };
}

/** North-west corner of a tile. */
export function tileCorner(tile: TileId): Point {
  const n = 2 ** tile.z;
  const longitude = (tile.x / n) * 360 - 180;
  const latitude = (Math.atan(Math.sinh(Math.PI * (1 - (2 * tile.y) / n))) * 180) / Math.PI;
  return { latitude, longitude };
}

export function isValidTile(tile: TileId): boolean {
  const n = 2 ** tile.z;
  return [tile.z, tile.x, tile.y].every(Number.isInteger) && tile.z >= 0 && tile.z <= 22 && tile.x >= 0 && tile.x < n && tile.y >= 0 && tile.y < n;
}

/** MBTiles stores rows bottom-up (TMS); XYZ counts top-down. The flip is its own inverse. */
export function flipRow(tile: TileId): number {
  return 2 ** tile.z - 1 - tile.y;
}

/** The bounding box of a circle, in degrees. */
export function boxAround(centre: Point, radiusKm: number): { south: number; west: number; north: number; east: number } {
  const dLat = radiusKm / 111.32;
  const dLon = radiusKm / (111.32 * Math.cos((centre.latitude * Math.PI) / 180));
  return { south: centre.latitude - dLat, north: centre.latitude + dLat, west: centre.longitude - dLon, east: centre.longitude + dLon };
}

/** Every tile of every ring, each once, coarse levels first (a cut-off prefetch still gives a map). */
export function tilesOfArea(centre: Point, rings: readonly TileRing[]): TileId[] {
  const seen = new Set<string>();
  const tiles: TileId[] = [];
  const zooms = new Set(rings.flatMap((ring) => range(ring.minZoom, ring.maxZoom)));
  for (const z of [...zooms].sort((a, b) => a - b)) {
    for (const ring of rings) {
      if (z < ring.minZoom || z > ring.maxZoom) continue;
      const box = boxAround(centre, ring.radiusKm);
      const nw = tileOf({ latitude: box.north, longitude: box.west }, z);
      const se = tileOf({ latitude: box.south, longitude: box.east }, z);
      for (let x = nw.x; x <= se.x; x++) {
        for (let y = nw.y; y <= se.y; y++) {
          const key = `${z}/${x}/${y}`;
          if (seen.has(key)) continue;
          seen.add(key);
          tiles.push({ z, x, y });
        }
      }
    }
  }
  return tiles;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => from + index);
}

/** The URL of a tile from a template with `{z}`, `{x}` and `{y}` in any order (XYZ or WMTS KVP). */
export function tileUrl(template: string, tile: TileId): string {
  return template.replaceAll('{z}', String(tile.z)).replaceAll('{x}', String(tile.x)).replaceAll('{y}', String(tile.y));
}
