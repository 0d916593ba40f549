/**
 * A stand-in for the walking-directions services the kiosk may ask, for tests only — never
 * shipped in the kiosk. Real HTTP on 127.0.0.1, two protocols on one server, the same
 * deterministic walks on both (`street-route.ts`):
 *
 * - IGN Géoplateforme itinerary (Road2): `GET /navigation/itineraire?resource=bdtopo-osrm&…`
 *   (`ign-itinerary.ts`: parameters, error shape, answer).
 * - OSRM v5: `GET /route/v1/foot/<lon>,<lat>;<lon>,<lat>?…` (`osrm-route.ts`: URL grammar, error
 *   codes, answer). Any other path ⇒ 404 `text/plain`; a method other than GET ⇒ 405.
 *
 * Rate limit: the N+1-th request started within any 1000 ms (N = `requestsPerSecond`, default 5,
 * the Géoplateforme's documented limit for this service; refused requests count too) ⇒ 429 with
 * `Retry-After: 1` — IGN: `{"error":{"errorType":"quota","message":"Too many requests"}}`, OSRM
 * and others: `Too Many Requests` as text.
 *
 * ## Fault syntax
 *
 * From `options.faults`, `setFaults()`, and per request the header `X-Stand-In-Fault` (overriding
 * the server's faults field by field; `none` drops them). See `geo-faults.ts` for the grammar.
 *
 * | fault                     | field       | effect                                                          |
 * |---------------------------|-------------|-----------------------------------------------------------------|
 * | `latency=<ms>`            | `latency`   | waits before answering                                          |
 * | `status=<code>`           | `status`    | that status: 500 ⇒ IGN `{"error":{"errorType":"internal",…}}`, OSRM `{"code": "InternalError",…}`; 502/503/504 ⇒ a proxy's HTML page |
 * | `reset`                   | `reset`     | TCP reset, no answer                                            |
 * | `hang`                    | `hang`      | never answers (until the client gives up or `close()`)          |
 * | `truncate`                | `truncate`  | 200: half the JSON, then the connection closes                  |
 * | `malformed`               | `malformed` | 200 with a body that is not JSON                                |
 * | `no-route`                | `noRoute`   | IGN: 400 `{"error":{"errorType":"parameter","message":"No path found"}}`; OSRM: 400 `NoRoute` |
 * | `fail-every=<n>[:<code>]` | `failEvery` | every n-th matching request gets `code` (default 500)           |
 * | `none`                    | —           | header only: ignore the server's faults                         |
 *
 * `@end=<lon>,<lat>` restricts a fault to requests whose destination (IGN `end`, OSRM's last
 * coordinate) is that point, compared at 5 decimals; without it the fault hits every request.
 * `truncate`, `malformed` and `no-route` only replace a 200 answer: a validation error stays what
 * it is. Order: latency, hang/reset, fail-every/status, rate limit, protocol checks, answer faults.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { proxyErrorReply } from '../http-delivery';
import { earlyFault, geoFaultsForRequest, hits, latencyFor, type CommonFaults, type FaultDialect, type Selector } from './geo-faults';
import { answerRequest, fromTextReply, jsonGeoReply, listenGeo, RequestWindow, requestUrl, textReply, type GeoDelivery, type GeoReply } from './geo-http';
import { ignError, ignItinerary, parseIgnQuery, parseLonLat } from './ign-itinerary';
import { isOsrmPath, osrmError, osrmPoints, osrmRoute, parseOsrmRequest } from './osrm-route';
import { round, type LonLat } from './street-route';

export type { LonLat } from './street-route';

export type RoutingProtocol = 'ign' | 'osrm' | 'other';

export interface RoutingFaults extends CommonFaults<LonLat> {
  malformed?: Selector<LonLat>;
  noRoute?: Selector<LonLat>;
}

export interface RoutingStandInOptions {
  /** 0 (default) = a free port. */
  port?: number;
  /** Default 5. */
  requestsPerSecond?: number;
  faults?: RoutingFaults;
}

export interface RoutingRequestLog {
  method: string;
  /** Path and query string, as sent. */
  path: string;
  protocol: RoutingProtocol;
  /** As asked (IGN `start`, OSRM's first coordinate), null when unreadable. */
  start: LonLat | null;
  /** As asked (IGN `end`, OSRM's last coordinate), null when unreadable. */
  end: LonLat | null;
  /** The status sent; 0 when none was (reset, hang, client gone). */
  status: number;
  /** `performance.now()` when the request arrived. */
  at: number;
}

export interface RoutingStandIn {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  requests: RoutingRequestLog[];
  setFaults(faults: RoutingFaults): void;
  /** Also ends hanging requests. */
  close(): Promise<void>;
}

export const IGN_ITINERARY_PATH = '/navigation/itineraire';

const sameEnd = (a: LonLat, b: LonLat): boolean => round(a[0], 5) === round(b[0], 5) && round(a[1], 5) === round(b[1], 5);

export const ROUTING_FAULT_DIALECT: FaultDialect<LonLat, RoutingFaults> = {
  targetKey: 'end',
  targetSyntax: 'lon,lat',
  parseTarget: parseLonLat,
  flags: {
    malformed: (faults, at) => {
      faults.malformed = at;
    },
    'no-route': (faults, at) => {
      faults.noRoute = at;
    },
  },
  empty: () => ({}),
};

/** Parses `no-route@end=2.35,48.85; latency=200` (see the table above). */
export function parseRoutingFaults(spec: string): RoutingFaults {
  return geoFaultsForRequest({}, spec, ROUTING_FAULT_DIALECT);
}

function protocolOf(path: string): RoutingProtocol {
  if (path === IGN_ITINERARY_PATH) return 'ign';
  return isOsrmPath(path) ? 'osrm' : 'other';
}

function pointsOf(protocol: RoutingProtocol, url: URL, rawUrl: string): [LonLat | null, LonLat | null] {
  if (protocol === 'ign') return [parseLonLat(url.searchParams.get('start')), parseLonLat(url.searchParams.get('end'))];
  if (protocol === 'osrm') {
    const points = osrmPoints(rawUrl);
    return [points[0] ?? null, points[points.length - 1] ?? null];
  }
  return [null, null];
}

function faultReply(protocol: RoutingProtocol, status: number): GeoReply {
  if (status >= 502 && status <= 504) return fromTextReply(proxyErrorReply(status));
  if (status === 429) return tooManyRequests(protocol);
  if (protocol === 'ign') return ignError(status, 'internal', status === 500 ? 'Internal Server Error' : `Error ${status}`);
  // `osrm-routed`'s stock 500 reply: a JSON text labelled text/html.
  if (protocol === 'osrm' && status === 500) return { status, headers: { 'Content-Type': 'text/html' }, body: Buffer.from('{"code": "InternalError","message":"Internal Server Error"}') };
  return textReply(status, `stand-in fault ${status}\n`);
}

function tooManyRequests(protocol: RoutingProtocol): GeoReply {
  const retry = { 'Retry-After': '1' };
  return protocol === 'ign' ? ignError(429, 'quota', 'Too many requests', retry) : textReply(429, 'Too Many Requests\n', retry);
}

function noRouteReply(protocol: RoutingProtocol): GeoReply {
  return protocol === 'ign' ? ignError(400, 'parameter', 'No path found') : osrmError('NoRoute', 'Impossible route between points');
}

/** The protocol's own answer, faults aside. */
function protocolAnswer(protocol: RoutingProtocol, url: URL, rawUrl: string): GeoReply {
  if (protocol === 'ign') {
    const parsed = parseIgnQuery(url.searchParams);
    return parsed.ok ? jsonGeoReply(200, ignItinerary(parsed.query)) : parsed.reply;
  }
  if (protocol === 'osrm') {
    const parsed = parseOsrmRequest(rawUrl);
    return parsed.ok ? jsonGeoReply(200, osrmRoute(parsed.query)) : parsed.reply;
  }
  return textReply(404, 'Not Found\n');
}

/** How a 200 goes out under the answer faults. */
function answerFault(faults: RoutingFaults, protocol: RoutingProtocol, end: LonLat | null): GeoReply | GeoDelivery {
  if (hits(faults.noRoute, end, sameEnd)) return noRouteReply(protocol);
  if (hits(faults.truncate, end, sameEnd)) return 'truncate';
  return hits(faults.malformed, end, sameEnd) ? 'malformed' : 'normal';
}

export async function startRoutingStandIn(options: RoutingStandInOptions = {}): Promise<RoutingStandIn> {
  const window = new RequestWindow(options.requestsPerSecond ?? 5);
  const requests: RoutingRequestLog[] = [];
  const failEveryCounter = { count: 0 };
  let serverFaults: RoutingFaults = options.faults ?? {};

  async function answer(entry: RoutingRequestLog, url: URL, faults: RoutingFaults, admitted: boolean): Promise<[GeoReply, GeoDelivery]> {
    const { protocol, end } = entry;
    const latency = latencyFor(faults, end, sameEnd);
    if (latency > 0) await host.sleep(latency);
    const early = earlyFault(faults, end, sameEnd, failEveryCounter);
    // Nothing goes out: the reply is a placeholder.
    if (early?.kind === 'hang' || early?.kind === 'reset') return [textReply(200, ''), early.kind];
    if (early?.kind === 'status') return [faultReply(protocol, early.status), 'normal'];
    if (!admitted) return [tooManyRequests(protocol), 'normal'];
    if (entry.method !== 'GET') return [textReply(405, 'Method Not Allowed\n', { Allow: 'GET' }), 'normal'];
    const reply = protocolAnswer(protocol, url, entry.path);
    if (reply.status !== 200) return [reply, 'normal'];
    const fault = answerFault(faults, protocol, end);
    return typeof fault === 'string' ? [reply, fault] : [fault, 'normal'];
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const rawUrl = request.url ?? '/';
    const url = requestUrl(request);
    const protocol = protocolOf(url.pathname);
    const [start, end] = pointsOf(protocol, url, rawUrl);
    const entry: RoutingRequestLog = { method: request.method ?? 'GET', path: rawUrl, protocol, start, end, status: 0, at: performance.now() };
    requests.push(entry);
    await answerRequest(request, response, entry, (header) => geoFaultsForRequest(serverFaults, header, ROUTING_FAULT_DIALECT), window, (faults, admitted) =>
      answer(entry, url, faults, admitted),
    );
  }

  const host = await listenGeo(options.port ?? 0, 'routing stand-in', handle);

  return {
    url: host.url,
    requests,
    setFaults(faults) {
      serverFaults = faults;
      failEveryCounter.count = 0;
    },
    close: () => host.close(),
  };
}
