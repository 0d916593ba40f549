/**
 * IGN Géoplateforme itinerary service (Road2 engine, `GET /navigation/itineraire`): parameter
 * checks with Road2's error shape, and the answer for a `street-route.ts` walk.
 *
 * Required: `resource` (`bdtopo-osrm` | `bdtopo-pgr`), `start`, `end` (`lon,lat`, EPSG:4326,
 * inside metropolitan France), `profile` (`car` | `pedestrian`), `optimization` (`fastest` |
 * `shortest`). Optional, checked when present: `geometryFormat` (only `geojson` here),
 * `getSteps`, `getBbox` (`true` | `false`, default true), `distanceUnit` (`meter` | `kilometer`),
 * `timeUnit` (`second` | `minute` | `hour`), `crs` (only `EPSG:4326` here). Other parameters are
 * ignored. Every error: 400 `{"error":{"errorType":"parameter","message":"Parameter 'X' …"}}`.
 *
 * Pedestrians walk at 4 km/h, cars drive at 30 km/h (a town's speed); both optimizations take the
 * same streets.
 */
import { jsonGeoReply, type GeoReply } from './geo-http';
import { bboxOf, inFrance, routeLine, round, walkingRoute, type LonLat, type RouteStep } from './street-route';

export const IGN_RESOURCE_VERSION = '2026-10-01';
const RESOURCES = ['bdtopo-osrm', 'bdtopo-pgr'] as const;
const PROFILES = ['car', 'pedestrian'] as const;
const OPTIMIZATIONS = ['fastest', 'shortest'] as const;
const SPEED_KMH: Readonly<Record<(typeof PROFILES)[number], number>> = { pedestrian: 4, car: 30 };
const DISTANCE_UNITS: Readonly<Record<string, number>> = { meter: 1, kilometer: 1000 };
const TIME_UNITS: Readonly<Record<string, number>> = { second: 1, minute: 60, hour: 3600 };

export interface IgnQuery {
  resource: string;
  start: LonLat;
  end: LonLat;
  profile: (typeof PROFILES)[number];
  optimization: string;
  getSteps: boolean;
  getBbox: boolean;
  distanceUnit: string;
  timeUnit: string;
}

export function ignError(status: number, errorType: string, message: string, headers: Record<string, string> = {}): GeoReply {
  return jsonGeoReply(status, { error: { errorType, message } }, headers);
}

class ParameterError extends Error {}

const invalid = (name: string, why: string): ParameterError => new ParameterError(`Parameter '${name}' is invalid: ${why}`);

function required(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (value === null || value === '') throw new ParameterError(`Parameter '${name}' not found`);
  return value;
}

function oneOf<T extends string>(value: string, name: string, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw invalid(name, `it must be one of ${allowed.join(', ')}`);
  return found;
}

/** `lon,lat` in decimal degrees; null when it is not that. */
export function parseLonLat(text: string | null): LonLat | null {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text ?? '');
  if (!match) return null;
  const point: LonLat = [Number(match[1]), Number(match[2])];
  return Math.abs(point[0]) <= 180 && Math.abs(point[1]) <= 90 ? point : null;
}

function point(params: URLSearchParams, name: string): LonLat {
  const parsed = parseLonLat(required(params, name));
  if (!parsed) throw invalid(name, "it must be 'lon,lat' with a longitude in -180..180 and a latitude in -90..90");
  if (!inFrance(parsed)) throw invalid(name, 'point is not in the resource bbox');
  return parsed;
}

function flag(params: URLSearchParams, name: string): boolean {
  const value = params.get(name);
  if (value === null) return true;
  return oneOf(value, name, ['true', 'false']) === 'true';
}

function optional(params: URLSearchParams, name: string, allowed: readonly string[], fallback: string): string {
  const value = params.get(name);
  return value === null ? fallback : oneOf(value, name, allowed);
}

function readQuery(params: URLSearchParams): IgnQuery {
  const resource = oneOf(required(params, 'resource'), 'resource', RESOURCES);
  const start = point(params, 'start');
  const end = point(params, 'end');
  const profile = oneOf(required(params, 'profile'), 'profile', PROFILES);
  const optimization = oneOf(required(params, 'optimization'), 'optimization', OPTIMIZATIONS);
  optional(params, 'geometryFormat', ['geojson'], 'geojson');
  optional(params, 'crs', ['EPSG:4326'], 'EPSG:4326');
  return {
    resource,
    start,
    end,
    profile,
    optimization,
    getSteps: flag(params, 'getSteps'),
    getBbox: flag(params, 'getBbox'),
    distanceUnit: optional(params, 'distanceUnit', Object.keys(DISTANCE_UNITS), 'meter'),
    timeUnit: optional(params, 'timeUnit', Object.keys(TIME_UNITS), 'second'),
  };
}

export function parseIgnQuery(params: URLSearchParams): { ok: true; query: IgnQuery } | { ok: false; reply: GeoReply } {
  try {
    return { ok: true, query: readQuery(params) };
  } catch (error) {
    if (!(error instanceof ParameterError)) throw error;
    return { ok: false, reply: ignError(400, 'parameter', error.message) };
  }
}

const lonLatText = (point: LonLat): string => `${point[0]},${point[1]}`;
const line = (coordinates: LonLat[]): { type: 'LineString'; coordinates: LonLat[] } => ({ type: 'LineString', coordinates });

interface Units {
  distance(metres: number): number;
  duration(metres: number): number;
  distanceDecimals: number;
  durationDecimals: number;
}

interface IgnStep {
  geometry: { type: 'LineString'; coordinates: LonLat[] };
  instruction: { type: string; modifier?: string; exit?: number };
  attributes: { name: { nom_1_gauche: string; nom_1_droite: string; cpx_numero: string; cpx_toponyme_route_nommee: string } };
  distance: number;
  duration: number;
}

function unitsOf(query: IgnQuery): Units {
  const metresPerSecond = (SPEED_KMH[query.profile] * 1000) / 3600;
  const perDistance = DISTANCE_UNITS[query.distanceUnit] ?? 1;
  const perTime = TIME_UNITS[query.timeUnit] ?? 1;
  const distanceDecimals = perDistance === 1 ? 1 : 4;
  const durationDecimals = perTime === 1 ? 1 : 4;
  return {
    distance: (metres) => round(metres / perDistance, distanceDecimals),
    duration: (metres) => round(metres / metresPerSecond / perTime, durationDecimals),
    distanceDecimals,
    durationDecimals,
  };
}

function ignStep(step: RouteStep, units: Units): IgnStep {
  const instruction: IgnStep['instruction'] = { type: step.type };
  if (step.modifier) instruction.modifier = step.modifier;
  if (step.exit !== undefined) instruction.exit = step.exit;
  return {
    geometry: line(step.coordinates),
    instruction,
    attributes: { name: { nom_1_gauche: step.street.ign, nom_1_droite: step.street.ign, cpx_numero: '', cpx_toponyme_route_nommee: '' } },
    distance: units.distance(step.distance),
    duration: units.duration(step.distance),
  };
}

/** The 200 answer's body. Totals are the sums of the steps'. */
export function ignItinerary(query: IgnQuery): Record<string, unknown> {
  const units = unitsOf(query);
  const route = walkingRoute(query.start, query.end);
  const steps = route.map((step) => ignStep(step, units));
  const coordinates = routeLine(route);
  const distance = round(steps.reduce((total, step) => total + step.distance, 0), units.distanceDecimals);
  const duration = round(steps.reduce((total, step) => total + step.duration, 0), units.durationDecimals);
  const [start, end] = [coordinates[0] ?? query.start, coordinates[coordinates.length - 1] ?? query.end];
  const bbox = query.getBbox ? { bbox: bboxOf(coordinates) } : {};
  return {
    resource: query.resource,
    resourceVersion: IGN_RESOURCE_VERSION,
    start: lonLatText(start),
    end: lonLatText(end),
    profile: query.profile,
    optimization: query.optimization,
    geometry: line(coordinates),
    crs: 'EPSG:4326',
    distanceUnit: query.distanceUnit,
    timeUnit: query.timeUnit,
    ...bbox,
    distance,
    duration,
    constraints: [],
    portions: [{ start: lonLatText(start), end: lonLatText(end), distance, duration, ...bbox, steps: query.getSteps ? steps : [] }],
  };
}
