/**
 * A stand-in for the Soliguide partner API (`soliguide/API.md` §1), for tests and development
 * only — never shipped in the kiosk. Real HTTP on 127.0.0.1, the real routes, auth outcomes,
 * validation errors, paging, projection, translations and conditional GETs, served from stored
 * MongoDB-shaped documents, plus fault injection for the kiosk's sync client.
 *
 * ## Fault syntax
 *
 * Faults come from `options.faults`, from `setFaults()`, and per request from the header
 * `X-Stand-In-Fault` (the CLI's `--fault` takes the same text). The header's faults override the
 * server's field by field for that request; `none` in the header drops the server's first.
 *
 *     spec  := fault (";" fault)*              e.g. "status=500@page=3; latency=200"
 *     fault := name ["=" value] ["@page=" N]
 *
 * | fault                   | field                              | effect                                             |
 * |-------------------------|------------------------------------|----------------------------------------------------|
 * | `latency=<ms>`          | `latencyMs`                        | waits before answering, every request              |
 * | `status=<code>`         | `statusAtPage {page, status}`      | that status with the body the API (or, for 502–504, a proxy) would send: 500 ⇒ `{"message":"SEARCH_ERROR"}` on search |
 * | `truncate`              | `truncateAtPage`                   | 200, half the body, then the connection is closed  |
 * | `malformed`             | `malformedAtPage`                  | 200 with a body that is not JSON                   |
 * | `drip=<bytes/s>`        | `slowDripAtPage {page, bytesPerSecond}` | 200, body sent slowly (10 slices a second)    |
 * | `wrong-types=<count>`   | `wrongTypeRecordAtPage {page, count}`  | `count` records get `name: 42`, `newhours: "x"`, `services_all: "x"` (categories: `id: 42`, `children: "x"`) |
 * | `reset`                 | `resetAtPage`                      | TCP reset, no answer at all                        |
 * | `hang`                  | `hangAtPage`                       | never answers (until the client gives up or `close()`) |
 * | `auth=401` / `auth=403` | `authStatus`                       | every request: 401 INVALID_TOKEN / 403 FORBIDDEN_ACCESS |
 * | `fail-every=<n>[:<code>]` | `failEveryNthRequest {n, status}` | every n-th request gets `code` (default 500)      |
 * | `none`                  | —                                  | header only: ignore the server-wide faults         |
 *
 * `@page=N` restricts a fault to the search asking for `options.page` N (default 1); without it
 * (`page: 'any'`) the fault hits every successful answer of the three partner routes. Page faults
 * only replace 200 answers: an auth or validation error stays what it is.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate } from './auth';
import { deliveryFor, faultsForRequest, FaultSyntaxError, statusFor, wrongTypeCount } from './faults';
import { deliver, htmlErrorReply, jsonReply, proxyErrorReply, type DeliveryControl, type Reply } from './http-delivery';
import { indexDirectory, prerenderSearchItems, route, type Directory, type Routed } from './routes';
import type { StoredPhoto, StoredPlace, StoredTranslation } from './stored-shapes';
import { frenchTaxonomy } from './taxonomy';

export type { StoredPhoto, StoredPlace, StoredTranslation } from './stored-shapes';

/** An API-user account (API.md §1.2): `departments` = `areas.fr.departments` (search scope). */
export interface StandInAccount {
  token: string;
  departments: string[];
  /** GET /place and postal-code scope; defaults to `departments`. Empty = everywhere. */
  territories?: string[];
  categoriesLimitations?: string[];
  blocked?: boolean;
  /** `false` ⇒ 401 USER_NOT_VERIFIED. */
  verified?: boolean;
}

/** A search page number, or every answer. */
export type FaultPage = number | 'any';

export interface StandInFaults {
  latencyMs?: number;
  statusAtPage?: { page: FaultPage; status: number };
  truncateAtPage?: FaultPage;
  malformedAtPage?: FaultPage;
  slowDripAtPage?: { page: FaultPage; bytesPerSecond: number };
  wrongTypeRecordAtPage?: { page: FaultPage; count: number };
  resetAtPage?: FaultPage;
  hangAtPage?: FaultPage;
  authStatus?: 401 | 403;
  failEveryNthRequest?: { n: number; status?: number };
}

export interface StandInOptions {
  /** 0 = a free port. */
  port: number;
  places: StoredPlace[];
  translations?: StoredTranslation[];
  /** Photo documents that stored `photos` ids refer to (GET populates them, §1.9). */
  photos?: StoredPhoto[];
  accounts: StandInAccount[];
  faults?: StandInFaults;
}

export interface StandInRequestLog {
  method: string;
  /** Path and query string, as sent. */
  path: string;
  /** The status sent; 0 when no answer was sent (reset, hang, client gone). */
  status: number;
  authorization: boolean;
  /** Parsed JSON body, else the text, else undefined. */
  body: unknown;
}

export interface StandIn {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  setFaults(faults: StandInFaults): void;
  requests: StandInRequestLog[];
  setPlaces(places: StoredPlace[], translations?: StoredTranslation[]): void;
  /** Serialises every public search item ahead of the first request (a warm server); returns how many. */
  warm(): number;
  close(): Promise<void>;
}

function faultReply(status: number, routeName: Routed['route']): Reply {
  if (status === 401) return jsonReply(401, { message: 'INVALID_TOKEN' });
  if (status === 403) return jsonReply(403, { message: 'FORBIDDEN_ACCESS' });
  if (status === 500) return routeName === 'search' ? jsonReply(500, { message: 'SEARCH_ERROR' }) : htmlErrorReply(500);
  if (status >= 502 && status <= 504) return proxyErrorReply(status);
  if (status === 404 && routeName === 'place') return jsonReply(404, { message: 'PLACE_NOT_EXIST' });
  return jsonReply(status, { message: `STAND_IN_FAULT_${status}` });
}

function routeOfPath(path: string): Routed['route'] {
  if (path.startsWith('/new-search')) return 'search';
  if (path.startsWith('/place')) return 'place';
  return path.startsWith('/v2/categories') ? 'categories' : 'other';
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `express.json()`: only `application/json` bodies are parsed; strict ⇒ an object or an array. */
function parseJsonBody(request: IncomingMessage, raw: Buffer): { ok: true; body: unknown } | { ok: false } {
  const text = raw.toString('utf8');
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) return { ok: true, body: text === '' ? undefined : text };
  if (text.trim() === '') return { ok: true, body: {} };
  if (!/^\s*[[{]/.test(text)) return { ok: false };
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  const taxonomy = frenchTaxonomy();
  const accounts = options.accounts;
  const photos = options.photos ?? [];
  let translations = options.translations ?? [];
  let directory: Directory = indexDirectory(options.places, translations, photos);
  let serverFaults: StandInFaults = options.faults ?? {};
  let requestCount = 0;
  const requests: StandInRequestLog[] = [];
  const control: DeliveryControl = { timers: new Set() };

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        control.timers.delete(timer);
        resolve();
      }, ms);
      control.timers.add(timer);
    });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Clients that give up (timeouts, aborted syncs) are part of what this server is for.
    response.on('error', () => undefined);
    let raw: Buffer;
    try {
      raw = await readBody(request);
    } catch {
      return;
    }
    const url = request.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    const parsed = parseJsonBody(request, raw);
    const entry: StandInRequestLog = {
      method: request.method ?? 'GET',
      path: url,
      status: 0,
      authorization: Boolean(request.headers.authorization),
      body: parsed.ok ? parsed.body : raw.toString('utf8'),
    };
    requests.push(entry);
    const send = async (reply: Reply, delivery = deliveryFor({}, null)): Promise<void> => {
      await deliver(request, response, reply, delivery, control);
      // What went out (a conditional GET may have become a 304), nothing when no answer was sent.
      if (delivery.kind !== 'reset' && delivery.kind !== 'hang') entry.status = response.statusCode;
    };

    let faults: StandInFaults;
    try {
      const header = request.headers['x-stand-in-fault'];
      faults = faultsForRequest(serverFaults, Array.isArray(header) ? header.join(';') : header);
    } catch (error) {
      if (!(error instanceof FaultSyntaxError)) throw error;
      return send(jsonReply(400, { message: `X-Stand-In-Fault: ${error.message}` }));
    }
    requestCount += 1;
    if (faults.latencyMs) await sleep(faults.latencyMs);
    if (response.destroyed) return;
    const every = faults.failEveryNthRequest;
    if (every && every.n > 0 && requestCount % every.n === 0) return send(faultReply(every.status ?? 500, routeOfPath(path)));
    if (faults.authStatus) return send(faultReply(faults.authStatus, 'other'));
    // The JSON parser is mounted before the auth middlewares: a broken body is a 400 page for anyone.
    if (!parsed.ok) return send(htmlErrorReply(400));

    const auth = authenticate(request.headers, accounts, path);
    if (!auth.ok) return send(jsonReply(auth.status, { message: auth.message }));
    const routed = route(
      { method: entry.method, path, url, body: parsed.body, caller: auth.caller, wrongTypes: (page) => wrongTypeCount(faults, page) },
      directory,
      taxonomy,
    );
    if (routed.reply.status !== 200 || routed.route === 'other') return send(routed.reply);
    const status = statusFor(faults, routed.page);
    if (status !== null) return send(faultReply(status, routed.route));
    return send(routed.reply, deliveryFor(faults, routed.page));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // A bug of the stand-in itself: say so on stderr and answer as Express would.
      console.error('stand-in: unexpected error', error);
      if (!response.headersSent) void deliver(request, response, htmlErrorReply(500), { kind: 'normal' }, control);
      else response.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setFaults(faults) {
      serverFaults = faults;
    },
    warm() {
      return prerenderSearchItems(directory);
    },
    setPlaces(places, newTranslations) {
      if (newTranslations) translations = newTranslations;
      directory = indexDirectory(places, translations, photos);
    },
    close() {
      for (const timer of control.timers) clearTimeout(timer);
      control.timers.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive and hanging connections would hold `close` open.
        server.closeAllConnections();
      });
    },
  };
}
