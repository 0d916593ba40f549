/**
 * HTTP plumbing shared by the geo stand-ins (`tile-stand-in.ts`, `routing-stand-in.ts`): byte
 * replies (a PNG is not text, so `http-delivery.ts`' string chunks do not fit), delivery faults,
 * the sliding one-second window of the rate limits, and a 127.0.0.1 server that `close()` really
 * closes, hanging requests included.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Reply } from '../http-delivery';
import { FaultSyntaxError } from '../faults';

export interface GeoReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** How an answer goes out: whole, half then the connection closed, half and not JSON, TCP reset, never. */
export type GeoDelivery = 'normal' | 'truncate' | 'malformed' | 'reset' | 'hang';

export function textReply(status: number, text: string, headers: Record<string, string> = {}): GeoReply {
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers }, body: Buffer.from(text) };
}

export function jsonGeoReply(status: number, value: unknown, headers: Record<string, string> = {}): GeoReply {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body: Buffer.from(JSON.stringify(value)) };
}

/** One of `http-delivery.ts`' text replies (HTML error pages, a proxy's pages) as bytes. */
export function fromTextReply(reply: Reply): GeoReply {
  return { status: reply.status, headers: reply.headers, body: Buffer.from(reply.chunks.join('')) };
}

const NOT_JSON_ANY_MORE = '<<stand-in: not JSON any more>>';

/** Sends `reply` as `delivery` asks. HEAD and 304 answers carry no body. */
export function sendGeoReply(request: IncomingMessage, response: ServerResponse, reply: GeoReply, delivery: GeoDelivery): void {
  if (delivery === 'hang') return;
  if (delivery === 'reset') {
    // An RST rather than a FIN: what a crashed upstream or a dropped NAT entry looks like.
    request.socket.resetAndDestroy();
    return;
  }
  let body = reply.body;
  if (delivery === 'malformed') body = Buffer.concat([body.subarray(0, Math.floor(body.length / 2)), Buffer.from(NOT_JSON_ANY_MORE)]);
  const bodiless = reply.status === 304 || request.method === 'HEAD';
  const headers: Record<string, string | number> = { ...reply.headers };
  if (reply.status !== 304) headers['Content-Length'] = body.length;
  response.writeHead(reply.status, headers);
  if (bodiless) {
    response.end();
    return;
  }
  if (delivery === 'truncate') {
    // The whole length announced, half of it sent, then the connection goes away.
    response.write(body.subarray(0, Math.floor(body.length / 2)), () => request.socket.destroy());
    return;
  }
  response.end(body);
}

/** "More than `limit` requests started in any sliding second": every arrival counts, refused or not. */
export class RequestWindow {
  private readonly arrivals: number[] = [];

  constructor(
    private readonly limit: number | undefined,
    private readonly spanMs = 1000,
  ) {}

  /** Records an arrival at `now` (ms, monotonic); false when it is one too many. */
  admit(now: number): boolean {
    while (this.arrivals.length > 0 && (this.arrivals[0] ?? now) <= now - this.spanMs) this.arrivals.shift();
    this.arrivals.push(now);
    return this.limit === undefined || this.arrivals.length <= this.limit;
  }
}

export interface GeoHost {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** Waits `ms`; never resolves if the host closes first. */
  sleep(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1; a handler's own bug answers 500 and is said on stderr. */
export async function listenGeo(port: number, name: string, handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>): Promise<GeoHost> {
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((request, response) => {
    // Clients that give up (timeouts, aborted fetches) are part of what these servers are for.
    response.on('error', () => undefined);
    handle(request, response).catch((error: unknown) => {
      console.error(`${name}: unexpected error`, error);
      if (!response.headersSent) sendGeoReply(request, response, textReply(500, 'stand-in bug'), 'normal');
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    sleep: (ms) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, ms);
        timers.add(timer);
      }),
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive and hanging connections would hold `close` open.
        server.closeAllConnections();
      });
    },
  };
}

/** The request's URL; a request-target that is not a path (`*`, garbage) reads as `/`. */
export function requestUrl(request: IncomingMessage): URL {
  const base = 'http://stand-in.invalid';
  try {
    return new URL(`${base}${request.url ?? '/'}`);
  } catch {
    return new URL(`${base}/`);
  }
}

/** The request's header, several values joined as HTTP joins them; null when absent. */
export function headerText(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * The common end of both stand-ins' handlers: the request's `X-Stand-In-Fault` read (a 400 naming
 * the bad part when it does not parse), the rate window, the answer sent with its delivery fault,
 * and the status recorded in the log (0 when nothing was sent).
 */
export async function answerRequest<Faults>(
  request: IncomingMessage,
  response: ServerResponse,
  entry: { at: number; status: number },
  faultsOf: (header: string | null) => Faults,
  window: RequestWindow,
  answer: (faults: Faults, admitted: boolean) => Promise<[GeoReply, GeoDelivery]>,
): Promise<void> {
  let faults: Faults;
  try {
    faults = faultsOf(headerText(request, 'x-stand-in-fault'));
  } catch (error) {
    if (!(error instanceof FaultSyntaxError)) throw error;
    sendGeoReply(request, response, textReply(400, `X-Stand-In-Fault: ${error.message}\n`), 'normal');
    entry.status = 400;
    return;
  }
  const [reply, delivery] = await answer(faults, window.admit(entry.at));
  if (response.destroyed) return;
  sendGeoReply(request, response, reply, delivery);
  if (delivery !== 'reset' && delivery !== 'hang') entry.status = reply.status;
}
