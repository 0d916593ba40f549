/** Leaflet behind the map component: pins as numbered HTML markers, no tile layer yet. */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { Point } from '../../../common/geo/walking';

export interface MapPin extends Point {
  id: number;
  number: number;
  name: string;
}

export interface MapContent {
  here: Point;
  hereLabel: string;
  pins: MapPin[];
  line: boolean;
  onPin?: (id: number) => void;
}

export class MapView {
  private readonly map: L.Map;
  private readonly layer = L.layerGroup();

  constructor(element: HTMLElement) {
    this.map = L.map(element, {
      attributionControl: false,
      zoomControl: true,
      // One finger scrolls the page; the map moves with its buttons or two fingers.
      dragging: true,
      tap: false,
      scrollWheelZoom: false,
      doubleClickZoom: false,
      boxZoom: false,
      keyboard: true,
    } as L.MapOptions);
    this.layer.addTo(this.map);
  }

  show({ here, hereLabel, pins, line, onPin }: MapContent): void {
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
    if (line && pins[0]) {
      this.layer.addLayer(
        L.polyline(
          [
            [here.latitude, here.longitude],
            [pins[0].latitude, pins[0].longitude],
          ],
          { color: '#003f8a', weight: 5, dashArray: '10 10' },
        ),
      );
    }
    this.map.fitBounds(bounds.pad(0.15), { maxZoom: 16, animate: false });
  }

  destroy(): void {
    this.map.remove();
  }
}
