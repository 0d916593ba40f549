/**
 * Walking times. People in a lobby walk at about 4.5 km/h (75 m a minute): slower than the
 * 5 km/h of a fit adult (OSRM's foot profile), because of bags, children, tiredness, and faster
 * than IGN's 4 km/h pedestrian profile only slightly. The same speed applies to a stored route's
 * length and to an estimate, so that both kinds of minutes compare. An estimate (no route
 * stored, or offline for a new place) is the straight line × 1.3, a common urban detour factor,
 * and is said to be one wherever it is shown.
 */
import { localeWithLatinDigits } from '../i18n/languages';

const EARTH_RADIUS_M = 6_371_000;
const DETOUR_FACTOR = 1.3;
const METRES_PER_MINUTE = 75;

export interface Point {
  latitude: number;
  longitude: number;
}

export function distanceMetres(from: Point, to: Point): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((to.latitude - from.latitude) * rad) / 2) ** 2 +
    Math.cos(from.latitude * rad) * Math.cos(to.latitude * rad) * Math.sin(((to.longitude - from.longitude) * rad) / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h))));
}

/** Estimated from the straight line. At least one minute; rounded up, so that nobody is promised less than it takes. */
export function walkingMinutes(distance: number): number {
  return routeMinutes(distance * DETOUR_FACTOR);
}

/** Along a route's length. */
export function routeMinutes(routeMetres: number): number {
  return Math.max(1, Math.ceil(routeMetres / METRES_PER_MINUTE));
}

export interface Walk {
  walkingMinutes: number;
  walkingMetres: number;
  walkingEstimated: boolean;
}

/** What a result or a place says about the walk: the route's length when stored, else the estimate. */
export function walkOf(straightMetres: number, routeMetres: number | null | undefined): Walk {
  return routeMetres === null || routeMetres === undefined
    ? { walkingMinutes: walkingMinutes(straightMetres), walkingMetres: straightMetres, walkingEstimated: true }
    : { walkingMinutes: routeMinutes(routeMetres), walkingMetres: routeMetres, walkingEstimated: false };
}

/** A distance for people: metres under 1 km (rounded to 10 m), kilometres with one decimal above. */
export function formatDistance(metres: number, locale: string): string {
  const format = (value: number, unit: 'meter' | 'kilometer', digits: number): string =>
    new Intl.NumberFormat(localeWithLatinDigits(locale), { style: 'unit', unit, maximumFractionDigits: digits }).format(value);
  if (metres < 1_000) return format(Math.max(10, Math.round(metres / 10) * 10), 'meter', 0);
  return format(Math.round(metres / 100) / 10, 'kilometer', 1);
}
