/**
 * Leaflet behind the map component: the kiosk's own tiles (served at `/tiles/{z}/{x}/{y}` from
 * the MBTiles file the sync fills; a plain tile outside the stored area), their credits, pins as
 * numbered HTML markers, and the walk to a place: the route, or a dashed straight line.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { Point } from '../../../common/geo/walking';
import { escapeHtml } from '../../../common/text/escape-html';

export interface MapPin extends Point {
  id: number;
  number: number;
  name: string;
}

/** The walk drawn from here to the only pin: a route's streets, or a straight estimate (dashed). */
export interface MapWalk {
  geometry: [number, number][];
  estimate: boolean;
}

export interface MapContent {
  here: Point;
  hereLabel: string;
  pins: MapPin[];
  walk: MapWalk | null;
  onPin?: (id: number) => void;
}

export interface MapTiles {
  tiles: { minZoom: number; maxZoom: number; bounds: [[number, number], [number, number]] } | null;
  attribution: string[];
}


export class MapView {
  private readonly map: L.Map;
  private readonly layer = L.layerGroup();

  constructor(element: HTMLElement, tiles: MapTiles) {
    this.map = L.map(element, {
      attributionControl: false,
      minZoom: tiles.tiles?.minZoom ?? 0,
      maxZoom: 18,
      zoomControl: true,
      // One finger scrolls the page; the map moves with its buttons or two fingers.
      dragging: true,
      tap: false,
      scrollWheelZoom: false,
      doubleClickZoom: false,
      boxZoom: false,
      keyboard: true,
    } as L.MapOptions);
    if (tiles.tiles) {
      L.tileLayer('/tiles/{z}/{x}/{y}', {
        minZoom: tiles.tiles.minZoom,
        maxNativeZoom: tiles.tiles.maxZoom,
        maxZoom: 18,
        // Relative to the page: the host's origin in Chromium, app://kiosk in Electron.
        className: 'map__tiles',
      }).addTo(this.map);
    }
    if (tiles.attribution.length > 0) {
      // Plain text (the config's words, escaped), and no Leaflet link: nothing on a kiosk map leads away.
      const credits = L.control.attribution({ prefix: false, position: 'bottomright' });
      credits.addAttribution(tiles.attribution.map(escapeHtml).join(' · '));
      credits.addTo(this.map);
    }
    this.layer.addTo(this.map);
  }

  show({ here, hereLabel, pins, walk, onPin }: MapContent): void {
    this.layer.clearLayers();
    const hereMarker = L.marker([here.latitude, here.longitude], {
      icon: L.divIcon({ className: 'pin pin--here', html: '<span>★</span>', iconSize: [44, 44] }),
      title: hereLabel,
      alt: hereLabel,
      keyboard: false,
    });
    this.layer.addLayer(hereMarker);
    const bounds = L.latLngBounds([[here.latitude, here.longitude]]);
    for (const pin of pins) {
      const marker = L.marker([pin.latitude, pin.longitude], {
        icon: L.divIcon({ className: 'pin', html: `<span>${pin.number}</span>`, iconSize: [44, 44] }),
        title: `${pin.number}. ${pin.name}`,
        alt: `${pin.number}. ${pin.name}`,
        // The list holds the same places as buttons; pins are not separate tab stops.
        keyboard: false,
      });
      if (onPin) marker.on('click', () => onPin(pin.id));
      this.layer.addLayer(marker);
      bounds.extend([pin.latitude, pin.longitude]);
    }
    if (walk && walk.geometry.length >= 2) {
      const line = L.polyline(walk.geometry, {
        color: '#003f8a',
        weight: walk.estimate ? 5 : 7,
        opacity: 0.85,
        ...(walk.estimate ? { dashArray: '10 10' } : {}),
        className: walk.estimate ? 'map__walk map__walk--estimate' : 'map__walk',
      });
      this.layer.addLayer(line);
      bounds.extend(line.getBounds());
    }
    this.map.fitBounds(bounds.pad(0.15), { maxZoom: 16, animate: false });
  }

  destroy(): void {
    this.map.remove();
  }
}
