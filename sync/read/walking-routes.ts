/**
 * Stored walking routes as the screens read them: only a route computed from this very origin
 * to the place where it is now counts; anything else falls back to the estimate.
 */
import type { ItineraryResponse } from '../../common/contract/kiosk-api';
import { walkingDirectionsUrl } from '../../common/geo/directions-url';
import type { RouteStep } from '../../common/geo/maneuvers';
import { distanceMetres, routeMinutes, walkingMinutes, type Point } from '../../common/geo/walking';
import type { MirrorDatabase } from '../mirror-database';
import { routeMatches } from '../geodata/route-places';
import { statement } from './search-points';

interface RouteRow {
  lieu_id: number;
  from_latitude: number;
  from_longitude: number;
  to_latitude: number;
  to_longitude: number;
  outcome: 'route' | 'none';
  source: 'ign' | 'osrm';
  distance_m: number | null;
  geometry_json: string | null;
  steps_json: string | null;
  computed_at: string;
  latitude: number;
  longitude: number;
}

const ROUTE_OF = `SELECT r.*, p.latitude, p.longitude FROM walking_routes r JOIN places p ON p.lieu_id = r.lieu_id`;

/** Route lengths in metres for these places, walked from `origin`. */
export function routeLengths(db: MirrorDatabase, ids: readonly number[], origin: Point): Map<number, number> {
  const lengths = new Map<number, number>();
  if (ids.length === 0) return lengths;
  // On the search path: the statement is prepared once per connection.
  const rows = statement(db, `${ROUTE_OF} WHERE r.outcome = 'route' AND r.lieu_id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as RouteRow[];
  for (const row of rows) {
    if (row.distance_m !== null && routeMatches(row, origin, row)) lengths.set(row.lieu_id, row.distance_m);
  }
  return lengths;
}

/** The walk from the kiosk to a place; null when the place is not in the mirror. */
export function itineraryOf(db: MirrorDatabase, placeId: number, kiosk: Point): ItineraryResponse | null {
  const place = db.prepare('SELECT latitude, longitude FROM places WHERE lieu_id = ?').get(placeId) as Point | undefined;
  if (!place) return null;
  const to = { latitude: place.latitude, longitude: place.longitude };
  const from = { latitude: kiosk.latitude, longitude: kiosk.longitude };
  const directionsUrl = walkingDirectionsUrl(from, to);
  const row = db.prepare(`${ROUTE_OF} WHERE r.lieu_id = ?`).get(placeId) as RouteRow | undefined;
  if (row && row.outcome === 'route' && routeMatches(row, from, to) && row.distance_m !== null && row.geometry_json && row.steps_json) {
    return {
      placeId,
      kind: 'route',
      from,
      to,
      distanceMetres: row.distance_m,
      minutes: routeMinutes(row.distance_m),
      geometry: JSON.parse(row.geometry_json) as [number, number][],
      steps: JSON.parse(row.steps_json) as RouteStep[],
      source: row.source,
      computedAt: new Date(row.computed_at).toISOString(),
      directionsUrl,
    };
  }
  const straight = distanceMetres(from, to);
  return {
    placeId,
    kind: 'estimate',
    from,
    to,
    distanceMetres: straight,
    minutes: walkingMinutes(straight),
    geometry: [
      [from.latitude, from.longitude],
      [to.latitude, to.longitude],
    ],
    steps: [],
    source: null,
    computedAt: null,
    directionsUrl,
  };
}
