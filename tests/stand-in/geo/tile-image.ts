/**
 * The tile stand-in's images: 256×256 RGBA PNGs that look vaguely like a street map (a beige
 * ground, blocks between thin streets, a few parks) tinted by the tileset's version, and that say
 * which tile they are in their first three pixels, so that a test can decode what a map really
 * shows:
 *
 * | pixel | R                | G               | B               |
 * |-------|------------------|-----------------|-----------------|
 * | (0,0) | z                | version & 255   | 0xA5 (marker)   |
 * | (1,0) | x >> 16          | (x >> 8) & 255  | x & 255         |
 * | (2,0) | y >> 16          | (y >> 8) & 255  | y & 255         |
 *
 * All three with alpha 255. The same arguments always give the same bytes.
 */
import { PNG } from 'pngjs';

export const TILE_SIZE = 256;
const MARKER = 0xa5;
const STREET_SPACING = 32;
const MAX_24_BITS = 0xff_ffff;

export interface DecodedTile {
  z: number;
  x: number;
  y: number;
  version: number;
}

type Rgb = readonly [number, number, number];

const GROUND: Rgb = [242, 239, 233];
const STREET: Rgb = [255, 255, 255];
const STREET_EDGE: Rgb = [205, 199, 190];
const PARK: Rgb = [205, 235, 176];

function checkId(z: number, x: number, y: number, version: number): void {
  const integer = (value: number, max: number): boolean => Number.isInteger(value) && value >= 0 && value <= max;
  if (!integer(z, 255) || !integer(x, MAX_24_BITS) || !integer(y, MAX_24_BITS) || !Number.isInteger(version)) {
    throw new RangeError(`tile ${z}/${x}/${y} v${version}: z must be 0–255, x and y 0–2^24-1, version an integer`);
  }
}

/** A small deterministic tint per version, so that a new tileset looks (and hashes) different. */
function versionTint(version: number): Rgb {
  const v = version & 255;
  return [((v * 37) % 24) - 12, ((v * 71) % 24) - 12, ((v * 113) % 24) - 12];
}

function tinted(colour: Rgb, tint: Rgb): Rgb {
  const clamp = (value: number): number => Math.max(0, Math.min(255, value));
  return [clamp(colour[0] + tint[0]), clamp(colour[1] + tint[1]), clamp(colour[2] + tint[2])];
}

/** Some blocks are parks, chosen from the tile's id so that neighbouring tiles differ. */
function isPark(z: number, x: number, y: number, blockX: number, blockY: number): boolean {
  const mixed = Math.imul((x * 8 + blockX) ^ Math.imul(y * 8 + blockY, 0x9e3779b1) ^ z, 0x85ebca6b) >>> 0;
  return (mixed >>> 13) % 9 === 0;
}

function colourAt(px: number, py: number, park: boolean): Rgb {
  const inX = px % STREET_SPACING;
  const inY = py % STREET_SPACING;
  if (inX === 0 || inY === 0) return STREET;
  if (inX === 1 || inY === 1 || inX === STREET_SPACING - 1 || inY === STREET_SPACING - 1) return STREET_EDGE;
  return park ? PARK : GROUND;
}

function setPixel(data: Buffer, px: number, py: number, rgb: Rgb): void {
  const offset = (py * TILE_SIZE + px) * 4;
  data[offset] = rgb[0];
  data[offset + 1] = rgb[1];
  data[offset + 2] = rgb[2];
  data[offset + 3] = 255;
}

const bytes24 = (value: number): Rgb => [(value >>> 16) & 255, (value >>> 8) & 255, value & 255];

export function encodeTilePng(z: number, x: number, y: number, version = 1): Buffer {
  checkId(z, x, y, version);
  const png = new PNG({ width: TILE_SIZE, height: TILE_SIZE });
  const tint = versionTint(version);
  const blocks = TILE_SIZE / STREET_SPACING;
  for (let py = 0; py < TILE_SIZE; py += 1) {
    for (let px = 0; px < TILE_SIZE; px += 1) {
      const park = isPark(z, x, y, Math.floor(px / STREET_SPACING) % blocks, Math.floor(py / STREET_SPACING) % blocks);
      setPixel(png.data, px, py, tinted(colourAt(px, py, park), tint));
    }
  }
  setPixel(png.data, 0, 0, [z, version & 255, MARKER]);
  setPixel(png.data, 1, 0, bytes24(x));
  setPixel(png.data, 2, 0, bytes24(y));
  return PNG.sync.write(png, { filterType: 1, deflateStrategy: 0, deflateLevel: 6 });
}

/** Which tile a PNG is; null when it is not one of ours (no marker, wrong size, not a PNG). */
export function decodeTilePng(png: Buffer): DecodedTile | null {
  let image: PNG;
  try {
    image = PNG.sync.read(png);
  } catch {
    return null;
  }
  if (image.width !== TILE_SIZE || image.height !== TILE_SIZE) return null;
  const pixel = (px: number): number[] => Array.from(image.data.subarray(px * 4, px * 4 + 4));
  const [z = 0, version = 0, marker = 0, alpha0 = 0] = pixel(0);
  const [x2 = 0, x1 = 0, x0 = 0, alpha1 = 0] = pixel(1);
  const [y2 = 0, y1 = 0, y0 = 0, alpha2 = 0] = pixel(2);
  if (marker !== MARKER || alpha0 !== 255 || alpha1 !== 255 || alpha2 !== 255) return null;
  return { z, x: (x2 << 16) | (x1 << 8) | x0, y: (y2 << 16) | (y1 << 8) | y0, version };
}
