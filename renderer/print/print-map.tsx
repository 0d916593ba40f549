/**
 * The small map of a ticket: the kiosk's stored tiles laid out as plain images around the walk,
 * with the route (or the dashed straight line of an estimate) drawn over them. No Leaflet and no
 * interaction on paper: a fixed picture, complete once its images have loaded.
 */
import type { KioskStatus } from '../../common/contract/kiosk-api';
import { worldPosition } from '../../common/geo/tile-grid';

type LatLon = [number, number];

const TILE = 256;
const PAD = 18;

/** Pixels from the world's north-west corner at `zoom`. */
function world([latitude, longitude]: LatLon, zoom: number): { x: number; y: number } {
  const position = worldPosition({ latitude, longitude }, zoom);
  return { x: position.x * TILE, y: position.y * TILE };
}

export interface PrintMapProps {
  geometry: LatLon[];
  estimate: boolean;
  map: KioskStatus['map'];
  /** CSS pixels of the picture. */
  width: number;
  height: number;
  label: string;
}

/** The deepest zoom at which the whole walk fits in the picture, within the stored levels. */
export function fittingZoom(points: LatLon[], width: number, height: number, minZoom: number, maxZoom: number): number {
  for (let zoom = maxZoom; zoom > minZoom; zoom -= 1) {
    const projected = points.map((point) => world(point, zoom));
    const spanX = Math.max(...projected.map((p) => p.x)) - Math.min(...projected.map((p) => p.x));
    const spanY = Math.max(...projected.map((p) => p.y)) - Math.min(...projected.map((p) => p.y));
    if (spanX <= width - 2 * PAD && spanY <= height - 2 * PAD) return zoom;
  }
  return minZoom;
}

export function PrintMap({ geometry, estimate, map, width, height, label }: PrintMapProps) {
  const zoom = fittingZoom(geometry, width, height, map.tiles?.minZoom ?? 10, map.tiles ? Math.min(map.tiles.maxZoom, 18) : 17);
  const projected = geometry.map((point) => world(point, zoom));
  const xs = projected.map((p) => p.x);
  const ys = projected.map((p) => p.y);
  const left = (Math.min(...xs) + Math.max(...xs)) / 2 - width / 2;
  const top = (Math.min(...ys) + Math.max(...ys)) / 2 - height / 2;
  const tiles: { x: number; y: number }[] = [];
  if (map.tiles) {
    for (let x = Math.floor(left / TILE); x <= Math.floor((left + width) / TILE); x += 1) {
      for (let y = Math.floor(top / TILE); y <= Math.floor((top + height) / TILE); y += 1) tiles.push({ x, y });
    }
  }
  const points = projected.map((p) => `${(p.x - left).toFixed(1)},${(p.y - top).toFixed(1)}`);
  const start = projected[0] as { x: number; y: number };
  const end = projected[projected.length - 1] as { x: number; y: number };
  return (
    <figure class="print-map" data-testid="print-map" data-zoom={zoom}>
      <div class="print-map__picture" role="img" aria-label={label} style={{ width: `${width}px`, height: `${height}px` }}>
        {tiles.map((tile) => (
          <img
            key={`${tile.x}/${tile.y}`}
            class="print-map__tile"
            src={`/tiles/${zoom}/${tile.x}/${tile.y}`}
            alt=""
            width={TILE}
            height={TILE}
            style={{ left: `${tile.x * TILE - left}px`, top: `${tile.y * TILE - top}px` }}
          />
        ))}
        <svg class="print-map__walk" viewBox={`0 0 ${width} ${height}`} width={width} height={height} aria-hidden="true">
          <polyline points={points.join(' ')} fill="none" stroke="#fff" stroke-width="7" stroke-linejoin="round" stroke-linecap="round" />
          <polyline
            points={points.join(' ')}
            fill="none"
            stroke="#000"
            stroke-width="3.5"
            stroke-linejoin="round"
            stroke-linecap="round"
            stroke-dasharray={estimate ? '7 5' : undefined}
          />
          <circle cx={start.x - left} cy={start.y - top} r="6" fill="#fff" stroke="#000" stroke-width="3" />
          <rect x={end.x - left - 6} y={end.y - top - 6} width="12" height="12" fill="#000" stroke="#fff" stroke-width="2" />
        </svg>
      </div>
      {map.attribution.length > 0 && <figcaption class="print-map__credit">{map.attribution.join(' · ')}</figcaption>}
    </figure>
  );
}
