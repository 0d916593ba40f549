/**
 * A stand-in for the fleet admin's server, on 127.0.0.1: it serves a signed settings envelope
 * at `GET /settings.json` (with an ETag and 304 answers) and takes heartbeats at
 * `POST /heartbeat` (bearer token checked, bodies recorded). Faults can be set per route, so the
 * tests see what a kiosk does when the server is down, hangs, resets or answers badly.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FleetFault =
  | { kind: 'status'; status: number }
  /** Headers read, never an answer. */
  | { kind: 'hang' }
  /** The connection is cut without an answer. */
  | { kind: 'reset' }
  /** 200 with a cut-off JSON body. */
  | { kind: 'malformed' }
  /** The normal answer, dripped at this rate. */
  | { kind: 'slow'; bytesPerSecond: number };

export type FleetRoute = 'settings' | 'heartbeat';

export interface FleetRequest {
  method: string;
  path: string;
  authorization: string | null;
  ifNoneMatch: string | null;
  status: number | null;
}

export interface FleetEndpoint {
  settingsUrl: string;
  heartbeatUrl: string;
  /** Bodies of the heartbeats received with the right token, parsed (whatever fault answered them). */
  heartbeats: unknown[];
  requests: FleetRequest[];
  /** The envelope served; null answers 404. */
  setSettings: (envelopeText: string | null) => void;
  setFault: (route: FleetRoute, fault: FleetFault | null) => void;
  close: () => Promise<void>;
}

export interface FleetEndpointOptions {
  /** The bearer token heartbeats must carry; null accepts any (or none). */
  token: string | null;
  settings?: string | null;
}

function etagOf(text: string): string {
  return `"${createHash('sha256').update(text).digest('base64url').slice(0, 22)}"`;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

async function drip(response: ServerResponse, body: string, bytesPerSecond: number): Promise<void> {
  const bytes = Buffer.from(body);
  const step = Math.max(1, Math.round(bytesPerSecond / 10));
  for (let offset = 0; offset < bytes.length && !response.destroyed; offset += step) {
    response.write(bytes.subarray(offset, offset + step));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  response.end();
}

export async function startFleetEndpoint(options: FleetEndpointOptions): Promise<FleetEndpoint> {
  let settings = options.settings ?? null;
  const faults = new Map<FleetRoute, FleetFault>();
  const heartbeats: unknown[] = [];
  const requests: FleetRequest[] = [];

  /** Answers `status` with `body`, unless the route's fault says otherwise. */
  function deliver(route: FleetRoute, request: IncomingMessage, response: ServerResponse, record: FleetRequest, status: number, body: string, headers: Record<string, string>): void {
    const fault = faults.get(route);
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'reset') {
      request.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      record.status = fault.status;
      response.writeHead(fault.status, { 'Content-Type': 'text/plain' }).end(`stand-in fault ${fault.status}`);
      return;
    }
    record.status = status;
    response.writeHead(status, headers);
    if (fault?.kind === 'malformed') response.end(body.slice(0, Math.floor(body.length / 2)));
    else if (fault?.kind === 'slow') void drip(response, body, fault.bytesPerSecond);
    else response.end(body);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const record: FleetRequest = {
      method: request.method ?? '',
      path,
      authorization: request.headers.authorization ?? null,
      ifNoneMatch: request.headers['if-none-match'] ?? null,
      status: null,
    };
    requests.push(record);
    if (request.method === 'GET' && path === '/settings.json') {
      if (settings === null) return deliver('settings', request, response, record, 404, 'no settings', { 'Content-Type': 'text/plain' });
      const etag = etagOf(settings);
      if (record.ifNoneMatch === etag) return deliver('settings', request, response, record, 304, '', { ETag: etag });
      return deliver('settings', request, response, record, 200, settings, { 'Content-Type': 'application/json', ETag: etag });
    }
    if (request.method === 'POST' && path === '/heartbeat') {
      const text = await readBody(request);
      if (options.token !== null && record.authorization !== `Bearer ${options.token}`) {
        return deliver('heartbeat', request, response, record, 401, 'bad token', { 'Content-Type': 'text/plain' });
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return deliver('heartbeat', request, response, record, 400, 'not JSON', { 'Content-Type': 'text/plain' });
      }
      heartbeats.push(body);
      return deliver('heartbeat', request, response, record, 200, '{"ok":true}', { 'Content-Type': 'application/json' });
    }
    record.status = 404;
    response.writeHead(404).end();
  }

  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    settingsUrl: `${base}/settings.json`,
    heartbeatUrl: `${base}/heartbeat`,
    heartbeats,
    requests,
    setSettings: (envelopeText) => {
      settings = envelopeText;
    },
    setFault: (route, fault) => {
      if (fault === null) faults.delete(route);
      else faults.set(route, fault);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
