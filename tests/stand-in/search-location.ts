/**
 * The location part of a partner's search (API.md §1.4, `parse-location.ts` for API users):
 * `position` is a geo search with a radius and a `distance` in metres; every other geoType is an
 * exact match on stored slugs / postal codes, without any radius. Itineraries match on any stop.
 */
import type { SearchLocation } from './search-validation';
import type { StoredPlace, StoredPosition } from './stored-shapes';

/** Any failure MongoDB would raise while running the query: answered 500 SEARCH_ERROR (§1.3). */
export class SearchError extends Error {}

/** MongoDB's spherical distances use this radius (fixtures/README.md). */
const EARTH_RADIUS_M = 6_378_100;

export interface LocationFilter {
  matches(place: StoredPlace): boolean;
  /** Present for `position` searches with coordinates: the distance to compare and return. */
  distance?: (place: StoredPlace) => number | null;
  maxMeters?: number;
}

/** `slugLocation`: no accents, lower case, words joined by dashes ("Île-de-France" ⇒ "ile-de-france"). */
export function slugLocation(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `getDepartmentCodeFromPostalCode` for France: overseas on 3 digits, Corsica split at 20200. */
export function departmentOfPostalCode(postalCode: string): string {
  if (/^9[78]/.test(postalCode)) return postalCode.slice(0, 3);
  if (postalCode.startsWith('20')) return Number(postalCode) < 20200 ? '2A' : '2B';
  return postalCode.slice(0, 2);
}

/** The positions a filter looks at: the place's own, or every stop of an itinerary (§2.8). */
export function positionsOf(place: StoredPlace, placeType: string): StoredPosition[] {
  if (placeType === 'PARCOURS_MOBILE') return (place.parcours ?? []).flatMap((stop) => (stop.position ? [stop.position] : []));
  return place.position ? [place.position] : [];
}

/** `position.slugs.<key>`; a stored position without any `slugs` falls back to slugging its names. */
function slugOf(position: StoredPosition, key: 'city' | 'departement' | 'department' | 'region'): string | null | undefined {
  if (position.slugs) return position.slugs[key];
  const name = key === 'city' ? position.city : key === 'region' ? position.region : position.department;
  return typeof name === 'string' ? slugLocation(name) : undefined;
}

export function haversineMeters(from: readonly number[], to: readonly number[]): number {
  const rad = Math.PI / 180;
  const [lon1 = 0, lat1 = 0] = from;
  const [lon2 = 0, lat2 = 0] = to;
  const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}

function validPoint(value: unknown): value is [number, number] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    Math.abs(value[0] as number) <= 180 &&
    Math.abs(value[1] as number) <= 90
  );
}

function positionFilter(location: SearchLocation, placeType: string): LocationFilter {
  // `parseLocationWithGeoNearOnly`: km in, metres out; strings are parseInt-ed; 0/absent ⇒ 10 km.
  let km: number;
  if (!location.distance) km = 10;
  else if (typeof location.distance === 'string') km = parseInt(location.distance, 10);
  else km = Number(location.distance);
  if (Number.isNaN(km)) throw new SearchError('Invalid distance value');
  const country = (location.country as string | undefined) ?? 'fr';
  const inCountry = (place: StoredPlace): boolean => positionsOf(place, placeType).some((position) => position.country === country);
  const coordinates = location.coordinates;
  // An empty coordinates array passes validation and disables the geo filter (§1.3).
  if (!(coordinates as { length?: number } | null | undefined)?.length) return { matches: inCountry };
  if (!validPoint(coordinates) || km < 0) throw new SearchError('$geoNear rejected the point or the radius');
  const distance = (place: StoredPlace): number | null => {
    let best: number | null = null;
    for (const position of positionsOf(place, placeType)) {
      const point = position.location?.coordinates;
      if (!validPoint(point)) continue;
      const meters = haversineMeters(coordinates, point);
      if (best === null || meters < best) best = meters;
    }
    return best;
  };
  return { matches: inCountry, distance, maxMeters: km * 1000 };
}

/** `parseDepartmentFromPostalCode`: the first two characters after the leading slug letters. */
function postalPrefix(geoValue: string): (position: StoredPosition) => boolean {
  const rest = geoValue.split(/^[a-z-]+/)[1];
  if (rest === undefined) throw new SearchError(`Cannot read the postal code of ${geoValue}`);
  const prefix = rest.toString().trim().toUpperCase().substring(0, 2);
  return (position) => String(position.postalCode ?? '').toUpperCase().startsWith(prefix);
}

function postalCodeFilter(geoValue: string, territories: readonly string[]): ((position: StoredPosition) => boolean) | null {
  let code = geoValue.trim().toUpperCase();
  const parts = code.split('-');
  if (parts.length > 1) code = parts[1] ?? '';
  // Outside the account's territories the postal filter is silently dropped (§1.4, §6.5).
  if (territories.length > 0 && !territories.includes(departmentOfPostalCode(code))) return null;
  const wanted = code === '75216' ? ['75116', '75016'] : [code];
  return (position) => wanted.includes(String(position.postalCode));
}

function citySlugFilter(geoValue: string): (position: StoredPosition) => boolean {
  const city = geoValue.split(/-\d/);
  const wanted = slugLocation(city[0] ?? '');
  const prefix = city.length > 1 ? postalPrefix(geoValue) : null;
  return (position) => slugOf(position, 'city') === wanted && (prefix === null || prefix(position));
}

/** The non-geo geoTypes, as a test on one position (itineraries: on one stop, `$elemMatch`). */
function positionTest(location: SearchLocation, territories: readonly string[]): ((position: StoredPosition) => boolean) | null {
  const raw = location.geoValue;
  const geoType = location.geoType;
  if (geoType === 'codePostal' || (geoType === 'inconnu' && /^\d+$/.test(String(raw)))) return postalCodeFilter(String(raw), territories);
  if (typeof raw !== 'string') throw new SearchError(`geoValue ${JSON.stringify(raw)} is not a string`);
  switch (geoType) {
    case 'pays':
      return (position) => position.country === raw;
    case 'ville':
      return citySlugFilter(raw);
    case 'departement':
    case 'region': {
      // `extractGeoTypeFromSearch`: lower-cased, an optional `departement-`/`region-` prefix picks the key.
      const lower = raw.toLowerCase();
      const prefixed = /^(departement|region)-(.*)$/.exec(lower);
      const key = (prefixed?.[1] ?? geoType) as 'departement' | 'region';
      const wanted = prefixed?.[2] ?? lower;
      return (position) => slugOf(position, key) === wanted;
    }
    case 'inconnu': {
      if (raw.split(/-\d/).length > 1) return citySlugFilter(raw);
      const wanted = slugLocation(raw);
      return (position) => slugOf(position, 'department') === wanted || slugOf(position, 'region') === wanted || slugOf(position, 'city') === wanted;
    }
    default:
      // `citiesGroup`: not handled by the API ⇒ no location filter.
      return null;
  }
}

/**
 * One location of the request. `departments` is the search scope (`areas.fr.departments`),
 * `territories` the postal-code scope (§1.2).
 */
export function locationFilter(
  location: SearchLocation,
  placeType: string,
  departments: readonly string[],
  territories: readonly string[],
): LocationFilter {
  if (location.geoType === 'position') return positionFilter(location, placeType);
  if (!location.geoValue) {
    // No geoValue: the account's territories only; the itinerary parser adds nothing at all.
    if (placeType === 'PARCOURS_MOBILE') return { matches: () => true };
    return { matches: (place) => departments.includes(String(place.position?.departmentCode)) };
  }
  const test = positionTest(location, territories);
  if (test === null) return { matches: () => true };
  return { matches: (place) => positionsOf(place, placeType).some(test) };
}

/** The API-user restriction AND-ed with every search: a position or a stop in the departments, in France (§1.2). */
export function inAccountTerritory(place: StoredPlace, departments: ReadonlySet<string>): boolean {
  const position = place.position;
  if (position && departments.has(String(position.departmentCode)) && position.country === 'fr') return true;
  const stops = positionsOf(place, 'PARCOURS_MOBILE');
  return stops.some((stop) => departments.has(String(stop.departmentCode))) && stops.some((stop) => stop.country === 'fr');
}
