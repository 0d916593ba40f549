/**
 * The HTTP host: `POST /api/<method>` (JSON in, JSON out) over the shared dispatcher, and the
 * built renderer as static files. Bound to 127.0.0.1 only; requests whose Host header is not
 * this loopback address are refused, so a web page elsewhere cannot reach the API through DNS
 * rebinding.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KioskDispatch } from '../common/contract/dispatch';
import type { KioskErrorCode, KioskErrorPayload } from '../common/contract/errors';
import { readStaticFile } from './static-files';
import { TILE_CACHE_CONTROL, type TileReader } from '../sync/geodata/tile-reader';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  // Read-aloud plays the WAV the host synthesised, handed over as a blob: URL.
  "media-src 'self' blob:",
  "object-src 'none'",
  // No frames and no workers: the app has neither, so none can be slipped in.
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON bodies of the contract are small; anything bigger is a mistake or an attack. */
const MAX_BODY_BYTES = 256 * 1024;

const STATUS_OF: Record<KioskErrorCode, number> = {
  'invalid-request': 400,
  'unknown-method': 404,
  'not-found': 404,
  'staff-only': 403,
  unavailable: 503,
  timeout: 504,
  internal: 500,
};

export interface HttpHostOptions {
  /** 0 picks a free port. */
  port: number;
  staticDir: string;
  /** null: the kiosk cannot run (bad config); every page shows `errorPage`, the API answers 503. */
  dispatch: KioskDispatch | null;
  errorPage?: string;
  /** Stored map tiles at `/tiles/{z}/{x}/{y}`; absent: those paths are 404. */
  tiles?: TileReader | null;
  logError: (message: string, error: unknown) => void;
}

export interface HttpHost {
  url: string;
  port: number;
  close: () => Promise<void>;
}

function send(response: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string>): void {
  response.writeHead(status, {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Content-Length': String(Buffer.byteLength(body)),
    ...headers,
  });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, JSON.stringify(value), {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
}

function sendError(response: ServerResponse, error: KioskErrorPayload): void {
  sendJson(response, STATUS_OF[error.code], { error });
}

function readBody(request: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

async function handleApi(request: IncomingMessage, response: ServerResponse, method: string, options: HttpHostOptions): Promise<void> {
  if (request.method !== 'POST') {
    send(response, 405, '', { Allow: 'POST' });
    return;
  }
  if (!options.dispatch) {
    sendError(response, { code: 'unavailable', message: 'The kiosk configuration is invalid' });
    return;
  }
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    sendError(response, { code: 'invalid-request', message: 'Send JSON with Content-Type: application/json' });
    return;
  }
  const body = await readBody(request);
  if (body === null) {
    sendError(response, { code: 'invalid-request', message: `Request body larger than ${MAX_BODY_BYTES} bytes` });
    return;
  }
  let payload: unknown;
  try {
    payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    sendError(response, { code: 'invalid-request', message: 'The request body is not valid JSON' });
    return;
  }
  const envelope = await options.dispatch(method, payload);
  if (envelope.ok) sendJson(response, 200, envelope.value);
  else sendError(response, envelope.error);
}

async function handleStatic(request: IncomingMessage, response: ServerResponse, path: string, options: HttpHostOptions): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, '', { Allow: 'GET, HEAD' });
    return;
  }
  if (!options.dispatch) {
    // The error page is self-contained (inline style, no script): it gets its own strict policy.
    send(response, 503, options.errorPage ?? 'Configuration error', {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      'Cache-Control': 'no-store',
    });
    return;
  }
  if (path.startsWith('/tiles/')) {
    const tile = options.tiles?.tile(path) ?? null;
    if (!tile) {
      send(response, 404, 'Not found', { 'Content-Type': 'text/plain; charset=utf-8' });
      return;
    }
    send(response, 200, request.method === 'HEAD' ? '' : tile.body, {
      'Content-Type': tile.contentType,
      'Cache-Control': TILE_CACHE_CONTROL,
    });
    return;
  }
  const file = await readStaticFile(options.staticDir, path);
  if (!file) {
    send(response, 404, 'Not found', { 'Content-Type': 'text/plain; charset=utf-8' });
    return;
  }
  send(response, 200, request.method === 'HEAD' ? '' : file.body, {
    'Content-Type': file.contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
}

export function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  let port = options.port;
  const server = createServer((request, response) => {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(request.headers.host ?? '')) {
      send(response, 421, 'Misdirected request', { 'Content-Type': 'text/plain; charset=utf-8' });
      return;
    }
    const path = new URL(request.url ?? '/', `http://${request.headers.host}`).pathname;
    const api = /^\/api\/([^/]+)$/.exec(path);
    const work = api ? handleApi(request, response, api[1] as string, options) : handleStatic(request, response, path, options);
    work.catch((error: unknown) => {
      options.logError(`HTTP ${request.method} ${path} failed`, error);
      if (!response.headersSent) sendError(response, { code: 'internal', message: 'The kiosk could not answer' });
      else response.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
