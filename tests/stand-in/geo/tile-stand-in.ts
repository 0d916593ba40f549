/**
 * A stand-in for the map tile servers the kiosk's map reads, for tests only — never shipped in the
 * kiosk. Real HTTP on 127.0.0.1 serving PNG tiles that say which tile they are (`tile-image.ts`),
 * over the two protocols the kiosk may use:
 *
 * - XYZ (OpenStreetMap style): `GET /tiles/{z}/{x}/{y}.png`; a tile outside the zoom's grid or
 *   deeper than `maxZoom` ⇒ 404 `text/plain`, as is any other path.
 * - WMTS KVP GetTile, as IGN's Géoplateforme (`data.geopf.fr/wmts`) serves Plan IGN v2:
 *   `GET /wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2
 *   &STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}`.
 *   Parameter names are case-insensitive (OGC KVP), values are not. Errors are an OWS 1.1
 *   `ExceptionReport`: a missing parameter ⇒ 400 `MissingParameterValue`, a wrong value ⇒ 400
 *   `InvalidParameterValue`, a row or column outside the matrix ⇒ 400 `TileOutOfRange`, a REQUEST
 *   other than GetTile ⇒ 501 `OperationNotSupported`.
 *
 * A 200 carries `Content-Type: image/png`, a strong `ETag` (SHA-1 of the bytes), `Last-Modified`
 * and `Cache-Control: max-age=86400`; `If-None-Match` (or, without it, `If-Modified-Since`) ⇒ 304.
 * `setVersion(n)` redraws every tile (new bytes, new ETags) and moves `Last-Modified` to now — at
 * least one second later than before, so `If-Modified-Since` sees the change.
 *
 * The usage policy of public tile servers: without a `User-Agent`, or with a bare library one
 * (`node`, `undici`, `node-fetch`, `axios`, `python-requests` as the first product token, any
 * case) ⇒ 403. With `requestsPerSecond`, the N+1-th request started within any 1000 ms ⇒ 429
 * `Retry-After: 1` (refused requests count too).
 *
 * ## Fault syntax
 *
 * From `options.faults`, `setFaults()`, and per request the header `X-Stand-In-Fault` (overriding
 * the server's faults field by field; `none` drops them). See `geo-faults.ts` for the grammar.
 *
 * | fault                     | field           | effect                                                      |
 * |---------------------------|-----------------|-------------------------------------------------------------|
 * | `latency=<ms>`            | `latency`       | waits before answering                                      |
 * | `status=<code>`           | `status`        | that status: 500 ⇒ an HTML error page, 502/503/504 ⇒ a proxy's page, else text |
 * | `reset`                   | `reset`         | TCP reset, no answer                                        |
 * | `hang`                    | `hang`          | never answers (until the client gives up or `close()`)      |
 * | `truncate`                | `truncate`      | 200 tile: the headers and half the PNG, then the connection closes |
 * | `captive-portal`          | `captivePortal` | 200 `text/html`, a Wi-Fi login page instead of the PNG      |
 * | `fail-every=<n>[:<code>]` | `failEvery`     | every n-th matching request gets `code` (default 500)       |
 * | `none`                    | —               | header only: ignore the server's faults                     |
 *
 * `@tile=z/x/y` restricts a fault to that tile (on either protocol); without it the fault hits
 * every request, unknown paths included. `truncate` only ever cuts a 200 tile. Order: latency,
 * hang/reset, fail-every/status, captive portal, rate limit, User-Agent, routing, conditional GET.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { htmlErrorReply, proxyErrorReply } from '../http-delivery';
import { earlyFault, geoFaultsForRequest, hits, latencyFor, type CommonFaults, type FaultDialect, type Selector } from './geo-faults';
import { answerRequest, fromTextReply, headerText, listenGeo, RequestWindow, requestUrl, textReply, type GeoDelivery, type GeoReply } from './geo-http';
import { encodeTilePng } from './tile-image';

export interface TileId {
  z: number;
  x: number;
  y: number;
}

export interface TileFaults extends CommonFaults<TileId> {
  captivePortal?: Selector<TileId>;
}

export interface TileStandInOptions {
  /** 0 (default) = a free port. */
  port?: number;
  /** Deepest zoom served (default 19, as Plan IGN v2 and OSM). */
  maxZoom?: number;
  /** Default: no limit. */
  requestsPerSecond?: number;
  /** Default true: the 403 of public tile servers' usage policies. */
  requireUserAgent?: boolean;
  /** Default: when the server started. */
  lastModified?: Date;
  faults?: TileFaults;
}

export interface TileRequestLog {
  method: string;
  /** Path and query string, as sent. */
  path: string;
  userAgent: string | null;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
  /** The status sent; 0 when none was (reset, hang, client gone). */
  status: number;
  /** `performance.now()` when the request arrived. */
  at: number;
  /** The tile the request names (even out of range), null when it names none. */
  tile: TileId | null;
}

export interface TileStandIn {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  requests: TileRequestLog[];
  setFaults(faults: TileFaults): void;
  /** Redraws every tile as version `version` (new bytes, new ETags, Last-Modified = now). */
  setVersion(version: number): void;
  /** Also ends hanging requests. */
  close(): Promise<void>;
}

export const WMTS_LAYER = 'GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2';
export const BLOCKED_AGENT_TEXT = 'Access blocked: set a User-Agent that identifies your application (tile usage policy)';
const BLOCKED_AGENTS = new Set(['node', 'undici', 'node-fetch', 'axios', 'python-requests']);
const TILE_CACHE_SIZE = 4096; // ~6 KB each: the default area of a kiosk fits

const sameTile = (a: TileId, b: TileId): boolean => a.z === b.z && a.x === b.x && a.y === b.y;

function parseTileTarget(text: string): TileId | null {
  const match = /^(\d+)\/(\d+)\/(\d+)$/.exec(text.trim());
  return match ? { z: Number(match[1]), x: Number(match[2]), y: Number(match[3]) } : null;
}

export const TILE_FAULT_DIALECT: FaultDialect<TileId, TileFaults> = {
  targetKey: 'tile',
  targetSyntax: 'z/x/y',
  parseTarget: parseTileTarget,
  flags: {
    'captive-portal': (faults, at) => {
      faults.captivePortal = at;
    },
  },
  empty: () => ({}),
};

/** Parses `status=503@tile=12/2074/1409; latency=200` (see the table above). */
export function parseTileFaults(spec: string): TileFaults {
  return geoFaultsForRequest({}, spec, TILE_FAULT_DIALECT);
}

// ---------------------------------------------------------------- routing

type Routed = { kind: 'tile'; tile: TileId } | { kind: 'error'; reply: GeoReply; tile: TileId | null };

const inGrid = (tile: TileId): boolean => tile.x < 2 ** tile.z && tile.y < 2 ** tile.z;

function routeXyz(path: string, maxZoom: number): Routed | null {
  const match = /^\/tiles\/(\d{1,2})\/(\d{1,8})\/(\d{1,8})\.png$/.exec(path);
  if (!match) return null;
  const tile = { z: Number(match[1]), x: Number(match[2]), y: Number(match[3]) };
  if (tile.z > maxZoom || !inGrid(tile)) return { kind: 'error', reply: textReply(404, 'Tile not found\n'), tile };
  return { kind: 'tile', tile };
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

type OwsCode = 'MissingParameterValue' | 'InvalidParameterValue' | 'TileOutOfRange' | 'OperationNotSupported';

/** OWS Common 1.1 exception report, as WMTS 1.0.0 servers answer a bad KVP request. */
export function owsException(code: OwsCode, locator: string, text: string): GeoReply {
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<ExceptionReport xmlns="http://www.opengis.net/ows/1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://www.opengis.net/ows/1.1 http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd" version="1.0.0" xml:lang="en">\n' +
    `  <Exception exceptionCode="${code}" locator="${xmlEscape(locator)}">\n` +
    `    <ExceptionText>${xmlEscape(text)}</ExceptionText>\n` +
    '  </Exception>\n' +
    '</ExceptionReport>\n';
  const status = code === 'OperationNotSupported' ? 501 : 400;
  return { status, headers: { 'Content-Type': 'text/xml; charset=UTF-8' }, body: Buffer.from(xml) };
}

/** KVP parameters by upper-cased name; the first occurrence wins. */
function kvp(search: URLSearchParams): Map<string, string> {
  const params = new Map<string, string>();
  for (const [name, value] of search) if (!params.has(name.toUpperCase())) params.set(name.toUpperCase(), value);
  return params;
}

/** The fixed-value parameters of a GetTile, in the order they are checked. */
const FIXED_PARAMETERS: readonly (readonly [string, string])[] = [
  ['SERVICE', 'WMTS'],
  ['REQUEST', 'GetTile'],
  ['VERSION', '1.0.0'],
  ['LAYER', WMTS_LAYER],
  ['STYLE', 'normal'],
  ['TILEMATRIXSET', 'PM'],
  ['FORMAT', 'image/png'],
];

function checkFixed(params: Map<string, string>): GeoReply | null {
  for (const [name, expected] of FIXED_PARAMETERS) {
    const value = params.get(name);
    if (value === undefined || value === '') return owsException('MissingParameterValue', name, `Missing ${name} parameter`);
    if (name === 'REQUEST' && value !== expected) return owsException('OperationNotSupported', name, `Request type '${value}' is not supported`);
    if (value !== expected) return owsException('InvalidParameterValue', name, `${name} '${value}' is invalid: expected '${expected}'`);
  }
  return null;
}

function matrixIndex(params: Map<string, string>, name: string): number | GeoReply {
  const value = params.get(name);
  if (value === undefined || value === '') return owsException('MissingParameterValue', name, `Missing ${name} parameter`);
  if (!/^\d{1,8}$/.test(value)) return owsException('InvalidParameterValue', name, `${name} '${value}' is not a non-negative integer`);
  return Number(value);
}

function routeWmts(search: URLSearchParams, maxZoom: number): Routed {
  const params = kvp(search);
  const fixed = checkFixed(params);
  if (fixed) return { kind: 'error', reply: fixed, tile: null };
  const indices: number[] = [];
  for (const name of ['TILEMATRIX', 'TILEROW', 'TILECOL']) {
    const index = matrixIndex(params, name);
    if (typeof index !== 'number') return { kind: 'error', reply: index, tile: null };
    indices.push(index);
  }
  const [z = 0, y = 0, x = 0] = indices;
  if (z > maxZoom) return { kind: 'error', reply: owsException('InvalidParameterValue', 'TILEMATRIX', `TileMatrix '${z}' does not exist in TileMatrixSet 'PM'`), tile: null };
  const tile = { z, x, y };
  const side = 2 ** z;
  if (y >= side) return { kind: 'error', reply: owsException('TileOutOfRange', 'TILEROW', `TileRow ${y} is out of range (0–${side - 1}) for TileMatrix ${z}`), tile };
  if (x >= side) return { kind: 'error', reply: owsException('TileOutOfRange', 'TILECOL', `TileCol ${x} is out of range (0–${side - 1}) for TileMatrix ${z}`), tile };
  return { kind: 'tile', tile };
}

function routeRequest(url: URL, maxZoom: number): Routed {
  if (url.pathname === '/wmts') return routeWmts(url.searchParams, maxZoom);
  return routeXyz(url.pathname, maxZoom) ?? { kind: 'error', reply: textReply(404, 'Not Found\n'), tile: null };
}

// ---------------------------------------------------------------- answers

/** A library's default User-Agent says nothing about who is asking. */
export function isBlockedAgent(userAgent: string | null): boolean {
  const trimmed = (userAgent ?? '').trim();
  if (trimmed === '') return true;
  const product = trimmed.split(/[\s/]/)[0] ?? '';
  return BLOCKED_AGENTS.has(product.toLowerCase());
}

function faultReply(status: number): GeoReply {
  if (status === 500) return fromTextReply(htmlErrorReply(500));
  if (status >= 502 && status <= 504) return fromTextReply(proxyErrorReply(status));
  if (status === 429) return textReply(429, 'Too Many Requests\n', { 'Retry-After': '1' });
  return textReply(status, `stand-in fault ${status}\n`);
}

const CAPTIVE_PORTAL_HTML = `<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>Wi-Fi Accueil — Connexion</title></head>
<body>
<h1>Bienvenue sur le Wi-Fi de l'accueil</h1>
<p>Pour accéder à Internet, acceptez les conditions d'utilisation.</p>
<form method="post" action="http://portal.wifi-accueil.invalid/login">
<label><input type="checkbox" name="cgu" required> J'accepte les conditions d'utilisation</label>
<button type="submit">Se connecter</button>
</form>
</body>
</html>
`;

function captivePortalReply(): GeoReply {
  return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }, body: Buffer.from(CAPTIVE_PORTAL_HTML) };
}

/** `If-None-Match`: weak comparison (RFC 9110 §13.1.2), `*` matches any tile. */
function noneMatchHits(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

function isNotModified(request: IncomingMessage, etag: string, lastModifiedMs: number): boolean {
  const noneMatch = headerText(request, 'if-none-match');
  if (noneMatch !== null) return noneMatchHits(noneMatch, etag);
  const since = Date.parse(headerText(request, 'if-modified-since') ?? '');
  return Number.isFinite(since) && lastModifiedMs <= since;
}

const wholeSeconds = (ms: number): number => Math.floor(ms / 1000) * 1000;

/** Encoded tiles, the most recent few hundred: encoding one takes milliseconds. */
class TileCache {
  private readonly entries = new Map<string, { png: Buffer; etag: string }>();

  get(tile: TileId, version: number): { png: Buffer; etag: string } {
    const key = `${version}/${tile.z}/${tile.x}/${tile.y}`;
    const cached = this.entries.get(key);
    if (cached) return cached;
    const png = encodeTilePng(tile.z, tile.x, tile.y, version);
    const entry = { png, etag: `"${createHash('sha1').update(png).digest('hex')}"` };
    this.entries.set(key, entry);
    if (this.entries.size > TILE_CACHE_SIZE) this.entries.delete(this.entries.keys().next().value ?? key);
    return entry;
  }
}

export async function startTileStandIn(options: TileStandInOptions = {}): Promise<TileStandIn> {
  const maxZoom = options.maxZoom ?? 19;
  const requireUserAgent = options.requireUserAgent ?? true;
  const window = new RequestWindow(options.requestsPerSecond);
  const cache = new TileCache();
  const requests: TileRequestLog[] = [];
  const failEveryCounter = { count: 0 };
  let serverFaults: TileFaults = options.faults ?? {};
  let version = 1;
  let lastModifiedMs = wholeSeconds((options.lastModified ?? new Date()).getTime());

  function tileReply(request: IncomingMessage, tile: TileId): GeoReply {
    const { png, etag } = cache.get(tile, version);
    const headers = { ETag: etag, 'Last-Modified': new Date(lastModifiedMs).toUTCString(), 'Cache-Control': 'max-age=86400' };
    if (isNotModified(request, etag, lastModifiedMs)) return { status: 304, headers, body: Buffer.alloc(0) };
    return { status: 200, headers: { 'Content-Type': 'image/png', ...headers }, body: png };
  }

  /** Everything but the fault header's syntax: what the request gets, and how. */
  async function answer(request: IncomingMessage, entry: TileRequestLog, routed: Routed, faults: TileFaults, admitted: boolean): Promise<[GeoReply, GeoDelivery]> {
    const tile = entry.tile;
    const latency = latencyFor(faults, tile, sameTile);
    if (latency > 0) await host.sleep(latency);
    const early = earlyFault(faults, tile, sameTile, failEveryCounter);
    // Nothing goes out: the reply is a placeholder.
    if (early?.kind === 'hang' || early?.kind === 'reset') return [textReply(200, ''), early.kind];
    if (early?.kind === 'status') return [faultReply(early.status), 'normal'];
    if (hits(faults.captivePortal, tile, sameTile)) return [captivePortalReply(), 'normal'];
    if (!admitted) return [textReply(429, 'Too Many Requests\n', { 'Retry-After': '1' }), 'normal'];
    if (requireUserAgent && isBlockedAgent(entry.userAgent)) return [textReply(403, `${BLOCKED_AGENT_TEXT}\n`), 'normal'];
    if (entry.method !== 'GET' && entry.method !== 'HEAD') return [textReply(405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' }), 'normal'];
    if (routed.kind === 'error') return [routed.reply, 'normal'];
    const reply = tileReply(request, routed.tile);
    return [reply, reply.status === 200 && hits(faults.truncate, tile, sameTile) ? 'truncate' : 'normal'];
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const rawUrl = request.url ?? '/';
    const routed = routeRequest(requestUrl(request), maxZoom);
    const entry: TileRequestLog = {
      method: request.method ?? 'GET',
      path: rawUrl,
      userAgent: headerText(request, 'user-agent'),
      ifNoneMatch: headerText(request, 'if-none-match'),
      ifModifiedSince: headerText(request, 'if-modified-since'),
      status: 0,
      at: performance.now(),
      tile: routed.tile,
    };
    requests.push(entry);
    await answerRequest(request, response, entry, (header) => geoFaultsForRequest(serverFaults, header, TILE_FAULT_DIALECT), window, (faults, admitted) =>
      answer(request, entry, routed, faults, admitted),
    );
  }

  const host = await listenGeo(options.port ?? 0, 'tile stand-in', handle);

  return {
    url: host.url,
    requests,
    setFaults(faults) {
      serverFaults = faults;
      failEveryCounter.count = 0;
    },
    setVersion(next) {
      version = next;
      lastModifiedMs = Math.max(wholeSeconds(Date.now()), lastModifiedMs + 1000);
    },
    close: () => host.close(),
  };
}
