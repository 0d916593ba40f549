/**
 * OSRM (`osrm-backend` HTTP API v5, `osrm-routed`) route service for a foot profile: its URL
 * grammar and error codes, and the answer for a `street-route.ts` walk.
 *
 *     GET /route/v1/{foot|walking}/{lon},{lat};{lon},{lat}[;…][.json]?overview=full&geometries=geojson&steps=true
 *
 * Errors, all HTTP 400 `{code, message}` as `osrm-routed` writes them:
 *
 * | code             | when                                                                 |
 * |------------------|----------------------------------------------------------------------|
 * | `InvalidUrl`     | the path is not `/{service}/v{n}/{profile}/{query}` or holds a character OSRM's grammar refuses: "URL string malformed close to position 14: \"oot\"" |
 * | `InvalidService` | a service other than `route` (the stand-in serves only that one)     |
 * | `InvalidVersion` | not `v1`                                                             |
 * | `InvalidQuery`   | bad coordinates, an unknown option or a bad option value: "Query string malformed close to position N" (N counts from the start of the path) |
 * | `InvalidOptions` | fewer than two coordinates, a per-coordinate list (`bearings`, `radiuses`, `hints`, `approaches`) of the wrong length, a profile other than foot/walking |
 * | `InvalidValue`   | a longitude outside ±180 or a latitude outside ±90                   |
 * | `NoSegment`      | a point outside the extract (metropolitan France)                     |
 * | `NoRoute`        | (fault `no-route`) "Impossible route between points"                 |
 *
 * Options OSRM's defaults apply to: `geometries` (polyline | polyline6 | geojson, default
 * polyline), `overview` (simplified | full | false; simplified = full here), `steps` (default
 * false). `alternatives`, `annotations`, `continue_straight`, `generate_hints`, `skip_waypoints`,
 * `exclude`, `snapping`, `waypoints` are checked, then ignored. Walking speed: 5 km/h; weight =
 * duration.
 */
import { createHash } from 'node:crypto';
import { jsonGeoReply, type GeoReply } from './geo-http';
import { inFrance, round, routeLine, sum1, walkingRoute, type LonLat, type RouteStep } from './street-route';

const FOOT_PROFILES = ['foot', 'walking'];
const OSRM_SERVICES = ['route', 'nearest', 'table', 'match', 'trip', 'tile'];
const WALKING_MPS = 5000 / 3600;

export type Geometries = 'polyline' | 'polyline6' | 'geojson';

export interface OsrmQuery {
  coordinates: LonLat[];
  geometries: Geometries;
  overview: boolean;
  steps: boolean;
}

export function osrmError(code: string, message: string): GeoReply {
  return jsonGeoReply(400, { code, message });
}

/** Whether a path is OSRM's: `/{one of its services}/…`. */
export function isOsrmPath(path: string): boolean {
  return OSRM_SERVICES.includes(path.split('/')[1] ?? '');
}

// ---------------------------------------------------------------- the URL grammar

/** `osrm-routed` decodes %XX before parsing; a broken escape stays as it is. */
function uriDecode(text: string): string {
  return text.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ALPHA_NUMERAL = /[a-zA-Z0-9]/;
const QUERY_CHAR = /[a-zA-Z0-9_.\-[\]{}@?|\\%~`^=,;:&()]/;

interface ParsedUrl {
  service: string;
  version: number;
  profile: string;
  query: string;
  prefixLength: number;
}

/** `/{service}/v{version}/{profile}/{query}`, or the position where that grammar fails. */
function parseOsrmUrl(url: string): ParsedUrl | { failedAt: number } {
  let at = 0;
  const literal = (text: string): boolean => {
    if (!url.startsWith(text, at)) return false;
    at += text.length;
    return true;
  };
  const run = (pattern: RegExp): string => {
    const from = at;
    while (at < url.length && pattern.test(url[at] ?? '')) at += 1;
    return url.slice(from, at);
  };
  if (!literal('/')) return { failedAt: at };
  const service = run(ALPHA_NUMERAL);
  if (!service || !literal('/') || !literal('v')) return { failedAt: at };
  const version = run(/[0-9]/);
  if (!version || !literal('/')) return { failedAt: at };
  const profile = run(ALPHA_NUMERAL);
  if (!profile || !literal('/')) return { failedAt: at };
  const prefixLength = at;
  const query = run(QUERY_CHAR);
  if (!query || at !== url.length) return { failedAt: at };
  return { service, version: Number(version), profile, query, prefixLength };
}

function invalidUrl(url: string, position: number): GeoReply {
  const context = url.slice(Math.max(0, position - 3), Math.min(url.length, position + 3));
  return osrmError('InvalidUrl', `URL string malformed close to position ${position}: "${context}"`);
}

// ---------------------------------------------------------------- the route query

const NUMBER = '[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?';
const COORDINATE = new RegExp(`(${NUMBER}),(${NUMBER})`, 'y');
const LIST = (item: string): RegExp => new RegExp(`^(?:${item})?(?:;(?:${item})?)*$`);
const ANNOTATION = '(?:duration|nodes|distance|weight|datasources|speed)';

/** Each option's value grammar. */
const OPTION_VALUES: Readonly<Record<string, RegExp>> = {
  steps: /^(?:true|false)$/,
  generate_hints: /^(?:true|false)$/,
  skip_waypoints: /^(?:true|false)$/,
  alternatives: /^(?:true|false|\d+)$/,
  geometries: /^(?:polyline6|polyline|geojson)$/,
  overview: /^(?:simplified|full|false)$/,
  continue_straight: /^(?:default|true|false)$/,
  annotations: new RegExp(`^(?:true|false|${ANNOTATION}(?:,${ANNOTATION})*)$`),
  bearings: LIST('\\d{1,3},\\d{1,3}'),
  radiuses: LIST('\\d+(?:\\.\\d+)?|unlimited'),
  hints: LIST('[A-Za-z0-9_=-]+'),
  approaches: LIST('curb|unrestricted|opposite'),
  exclude: /^[a-z]+(?:,[a-z]+)*$/,
  snapping: /^(?:default|any)$/,
  waypoints: /^\d+(?:;\d+)*$/,
};
const PER_COORDINATE = ['hints', 'bearings', 'radiuses', 'approaches'];

class QueryError extends Error {
  constructor(readonly position: number) {
    super(`query malformed at ${position}`);
  }
}

function readCoordinates(query: string): { coordinates: LonLat[]; at: number } {
  const coordinates: LonLat[] = [];
  let at = 0;
  for (;;) {
    COORDINATE.lastIndex = at;
    const match = COORDINATE.exec(query);
    if (!match) throw new QueryError(at);
    coordinates.push([Number(match[1]), Number(match[2])]);
    at = COORDINATE.lastIndex;
    if (query[at] !== ';') return { coordinates, at };
    at += 1;
  }
}

/** `key=value` pairs from `?…`; the first unknown key fails at itself, a later one at its `&`. */
function readOptions(query: string, from: number): Map<string, string> {
  const options = new Map<string, string>();
  let at = from;
  if (at === query.length) return options;
  if (query[at] !== '?') throw new QueryError(at);
  at += 1;
  query
    .slice(at)
    .split('&')
    .forEach((pair, index) => {
      const [key = '', ...rest] = pair.split('=');
      const grammar = OPTION_VALUES[key];
      if (!grammar || rest.length === 0) throw new QueryError(index === 0 ? at : at - 1);
      const value = rest.join('=');
      if (!grammar.test(value)) throw new QueryError(at + key.length + 1);
      options.set(key, value);
      at += pair.length + 1;
    });
  return options;
}

function readQuery(query: string): { coordinates: LonLat[]; options: Map<string, string> } {
  const { coordinates, at } = readCoordinates(query);
  const afterFormat = query.startsWith('.json', at) ? at + '.json'.length : at;
  return { coordinates, options: readOptions(query, afterFormat) };
}

function sizeMismatch(options: Map<string, string>, count: number): string | null {
  for (const name of PER_COORDINATE) {
    const value = options.get(name);
    if (value === undefined) continue;
    const size = value.split(';').length;
    if (size !== count) return `Number of elements in ${name} size ${size} does not match coordinate size ${count}`;
  }
  return count < 2 ? 'Number of coordinates needs to be at least two.' : null;
}

/** Checks a `GET /route/v1/…` URL (path and query string, as sent). */
export function parseOsrmRequest(rawUrl: string): { ok: true; query: OsrmQuery } | { ok: false; reply: GeoReply } {
  const url = uriDecode(rawUrl);
  const parsed = parseOsrmUrl(url);
  if ('failedAt' in parsed) return { ok: false, reply: invalidUrl(url, parsed.failedAt) };
  if (parsed.service !== 'route') return { ok: false, reply: osrmError('InvalidService', `Service ${parsed.service} not found!`) };
  if (parsed.version !== 1) return { ok: false, reply: osrmError('InvalidVersion', `Service ${parsed.service} not found!`) };
  let read: { coordinates: LonLat[]; options: Map<string, string> };
  try {
    read = readQuery(parsed.query);
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    return { ok: false, reply: osrmError('InvalidQuery', `Query string malformed close to position ${parsed.prefixLength + error.position}`) };
  }
  const mismatch = sizeMismatch(read.options, read.coordinates.length);
  if (mismatch) return { ok: false, reply: osrmError('InvalidOptions', mismatch) };
  if (!FOOT_PROFILES.includes(parsed.profile)) {
    return { ok: false, reply: osrmError('InvalidOptions', `Profile '${parsed.profile}' is not served here: use ${FOOT_PROFILES.join(' or ')}`) };
  }
  if (read.coordinates.some(([lon, lat]) => Math.abs(lon) > 180 || Math.abs(lat) > 90)) return { ok: false, reply: osrmError('InvalidValue', 'Invalid coordinate value.') };
  const outside = read.coordinates.findIndex((point) => !inFrance(point));
  if (outside >= 0) return { ok: false, reply: osrmError('NoSegment', `Could not find a matching segment for coordinate ${outside}`) };
  const options = read.options;
  return {
    ok: true,
    query: {
      coordinates: read.coordinates,
      geometries: (options.get('geometries') ?? 'polyline') as Geometries,
      overview: options.get('overview') !== 'false',
      steps: options.get('steps') === 'true',
    },
  };
}

/** The coordinates of a route URL, leniently (for the request log and `@end=`); [] when none. */
export function osrmPoints(rawUrl: string): LonLat[] {
  const match = /^\/[^/]+\/v\d+\/[^/]+\/([^?]*)/.exec(uriDecode(rawUrl));
  if (!match) return [];
  const points: LonLat[] = [];
  for (const part of (match[1] ?? '').replace(/\.json$/, '').split(';')) {
    const [lon, lat] = part.split(',').map(Number);
    if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) return [];
    points.push([lon, lat]);
  }
  return points;
}

// ---------------------------------------------------------------- the answer

/** Google's encoded polyline (OSRM's `polyline`: 5 decimals, `polyline6`: 6), latitude first. */
export function encodePolyline(points: readonly LonLat[], precision: number): string {
  const factor = 10 ** precision;
  let previous: [number, number] = [0, 0];
  let text = '';
  const encodeValue = (value: number): void => {
    let bits = value < 0 ? ~(value << 1) : value << 1;
    while (bits >= 0x20) {
      text += String.fromCharCode((0x20 | (bits & 0x1f)) + 63);
      bits >>= 5;
    }
    text += String.fromCharCode(bits + 63);
  };
  for (const [lon, lat] of points) {
    const current: [number, number] = [Math.round(lat * factor), Math.round(lon * factor)];
    encodeValue(current[0] - previous[0]);
    encodeValue(current[1] - previous[1]);
    previous = current;
  }
  return text;
}

type OsrmGeometry = string | { type: 'LineString'; coordinates: LonLat[] };

function geometryOf(points: LonLat[], format: Geometries): OsrmGeometry {
  if (format === 'geojson') return { type: 'LineString', coordinates: points };
  return encodePolyline(points, format === 'polyline6' ? 6 : 5);
}

const durationOf = (metres: number): number => round(metres / WALKING_MPS, 1);

function osrmStep(step: RouteStep, format: Geometries): Record<string, unknown> {
  const maneuver: Record<string, unknown> = { bearing_after: step.bearingAfter, bearing_before: step.bearingBefore, location: step.location, type: step.type };
  if (step.modifier) maneuver.modifier = step.modifier;
  if (step.exit !== undefined) maneuver.exit = step.exit;
  const duration = durationOf(step.distance);
  return { geometry: geometryOf(step.coordinates, format), maneuver, mode: 'walking', driving_side: 'right', name: step.street.osm, intersections: [], weight: duration, duration, distance: step.distance };
}

/** OSRM's leg summary: the names of the (up to) two longest streets, in route order. */
function summaryOf(steps: readonly RouteStep[]): string {
  const longest = steps
    .map((step, index) => ({ step, index }))
    .filter(({ step }) => step.street.osm !== '' && step.type !== 'arrive')
    .sort((a, b) => b.step.distance - a.step.distance)
    .slice(0, 2)
    .sort((a, b) => a.index - b.index);
  return [...new Set(longest.map(({ step }) => step.street.osm))].join(', ');
}

function hintOf(point: LonLat): string {
  return createHash('sha256').update(`hint:${point[0]},${point[1]}`).digest('base64url').slice(0, 40) + 'AAAA';
}

/** The 200 answer's body: one leg between each pair of consecutive coordinates. */
export function osrmRoute(query: OsrmQuery): Record<string, unknown> {
  const walks = query.coordinates.slice(1).map((end, index) => walkingRoute(query.coordinates[index] ?? end, end));
  const legs = walks.map((steps) => {
    const distance = sum1(steps.map((step) => step.distance));
    const duration = sum1(steps.map((step) => durationOf(step.distance)));
    return { steps: query.steps ? steps.map((step) => osrmStep(step, query.geometries)) : [], summary: summaryOf(steps), weight: duration, duration, distance };
  });
  const line = routeLine(walks.flat());
  const distance = sum1(legs.map((leg) => leg.distance));
  const duration = sum1(legs.map((leg) => leg.duration));
  const route: Record<string, unknown> = { legs, weight_name: 'duration', weight: duration, duration, distance };
  if (query.overview) route.geometry = geometryOf(line, query.geometries);
  const waypoints = query.coordinates.map((point, index) => {
    const walk = walks[Math.max(0, index - 1)] ?? [];
    const step = index === 0 ? walk[0] : walk[walk.length - 1];
    const location: LonLat = [round(point[0], 6), round(point[1], 6)];
    return { hint: hintOf(location), distance: 0, name: step?.street.osm ?? '', location };
  });
  return { code: 'Ok', routes: [route], waypoints };
}
