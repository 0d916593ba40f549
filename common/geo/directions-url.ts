/**
 * "Directions on your phone" without an account or an app: OpenStreetMap's directions page with
 * the walking profile, from the kiosk to the place. Coordinates rounded to ~1 m keep the QR small.
 */
import type { Point } from './walking';

const round = (value: number): string => value.toFixed(5).replace(/\.?0+$/, '');

export function walkingDirectionsUrl(from: Point, to: Point): string {
  const route = `${round(from.latitude)},${round(from.longitude)};${round(to.latitude)},${round(to.longitude)}`;
  return `https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=${route}`;
}
