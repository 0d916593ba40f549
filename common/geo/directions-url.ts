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

/** A distance for people: metres under 1 km (rounded to 10 m), kilometres with one decimal above. */
export function formatDistance(metres: number, locale: string): string {
  const format = (value: number, unit: 'meter' | 'kilometer', digits: number): string =>
    new Intl.NumberFormat(`${locale}-u-nu-latn`, { style: 'unit', unit, maximumFractionDigits: digits }).format(value);
  if (metres < 1_000) return format(Math.max(10, Math.round(metres / 10) * 10), 'meter', 0);
  return format(Math.round(metres / 100) / 10, 'kilometer', 1);
}
