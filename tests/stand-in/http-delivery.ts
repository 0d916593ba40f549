/**
 * Writing an answer the way Express (+ `compression`) writes it (API.md §1.6, §1.9, §1.12), or
 * deliberately badly (faults): bodies stream with back-pressure so that a `limit: 0` answer of
 * tens of thousands of places never becomes one giant string.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Writable } from 'node:stream';
import { constants as zlibConstants, createGzip, gzipSync } from 'node:zlib';
import type { Delivery } from './faults';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  /** The body, in pieces whose concatenation is the whole text. */
  chunks: string[];
  /** Express' weak ETag and `If-None-Match` ⇒ 304, which only GET answers use (§1.12). */
  conditional?: boolean;
}

const JSON_TYPE = 'application/json; charset=utf-8';

export function jsonReply(status: number, value: unknown, conditional = false): Reply {
  return { status, headers: { 'Content-Type': JSON_TYPE }, chunks: [JSON.stringify(value)], conditional };
}

/** A body already cut into JSON pieces (the search answer). */
export function jsonPiecesReply(status: number, chunks: string[]): Reply {
  return { status, headers: { 'Content-Type': JSON_TYPE }, chunks };
}

const STATUS_TEXT: Readonly<Record<number, string>> = { 400: 'Bad Request', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

/** Express' default error handler in production (`finalhandler`): malformed JSON (400), bad `:lang` (500). */
export function htmlErrorReply(status: number): Reply {
  const text = STATUS_TEXT[status] ?? 'Error';
  const html = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>${text}</pre>\n</body>\n</html>\n`;
  return {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'", 'X-Content-Type-Options': 'nosniff' },
    chunks: [html],
  };
}

/** What a reverse proxy in front of the API answers when the API is down (502/503/504 faults). */
export function proxyErrorReply(status: number): Reply {
  const title = `${status} ${STATUS_TEXT[status] ?? 'Error'}`;
  const html = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return { status, headers: { 'Content-Type': 'text/html' }, chunks: [html] };
}

/** The `etag` package, weak: `W/"<byte length in hex>-<first 27 chars of base64 SHA-1>"`. */
export function weakEtag(body: string | Buffer): string {
  const hash = createHash('sha1').update(body).digest('base64').substring(0, 27);
  return `W/"${Buffer.byteLength(body).toString(16)}-${hash}"`;
}

/** The `fresh` package: weak comparison of `If-None-Match` against our ETag, `*` always fresh. */
function isFresh(request: IncomingMessage, etag: string): boolean {
  const noneMatch = request.headers['if-none-match'];
  if (!noneMatch) return false;
  if (/(?:^|,)\s*no-cache\s*(?:,|$)/.test(request.headers['cache-control'] ?? '')) return false;
  if (noneMatch.trim() === '*') return true;
  const bare = (tag: string): string => tag.trim().replace(/^W\//, '');
  return noneMatch.split(',').some((tag) => bare(tag) === bare(etag));
}

/** `compression`: gzip when the client accepts it and the body reaches its 1 kB threshold. */
function acceptsGzip(request: IncomingMessage): boolean {
  return /(?:^|,)\s*(?:gzip|\*)\s*(?:;\s*q=(?!0(?:\.0*)?\s*(?:,|$))[\d.]+)?\s*(?:,|$)/i.test(request.headers['accept-encoding'] ?? '');
}

function waitForDrain(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/** Writes the pieces, grouped in ~64 kB writes, waiting for the socket whenever it is full. */
async function writeAll(stream: Writable, chunks: readonly string[]): Promise<void> {
  let pending = '';
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length < 65_536) continue;
    const full = !stream.write(pending);
    pending = '';
    if (full) await waitForDrain(stream);
    if (stream.destroyed) return;
  }
  if (pending) stream.write(pending);
}

export interface DeliveryControl {
  /** Timers of slow drips, cleared when the server closes. */
  timers: Set<NodeJS.Timeout>;
}

function dripOut(response: ServerResponse, bytes: Buffer, bytesPerSecond: number, control: DeliveryControl): Promise<void> {
  // Ten slices a second: smooth enough for a client's read timeout to notice, cheap enough here.
  const slice = Math.max(1, Math.ceil(bytesPerSecond / 10));
  let offset = 0;
  return new Promise((resolve) => {
    const tick = (): void => {
      if (response.destroyed || offset >= bytes.length) {
        control.timers.delete(timer);
        clearInterval(timer);
        if (!response.destroyed) response.end();
        resolve();
        return;
      }
      response.write(bytes.subarray(offset, offset + slice));
      offset += slice;
    };
    const timer = setInterval(tick, 100);
    control.timers.add(timer);
    tick();
  });
}

/** Sends `reply` on `response`, as asked by `delivery`. */
export async function deliver(request: IncomingMessage, response: ServerResponse, reply: Reply, delivery: Delivery, control: DeliveryControl): Promise<void> {
  if (delivery.kind === 'hang') return;
  if (delivery.kind === 'reset') {
    // An RST rather than a FIN: what a crashed upstream or a dropped NAT entry looks like.
    request.socket.resetAndDestroy();
    return;
  }
  let chunks = reply.chunks;
  if (delivery.kind === 'malformed') {
    const text = chunks.join('');
    chunks = [`${text.slice(0, Math.floor(text.length / 2))}<<stand-in: not JSON any more>>`];
  }
  const headers: Record<string, string | number> = { ...reply.headers, 'X-Robots-Tag': 'noindex, nofollow' };
  if (reply.conditional) {
    const etag = weakEtag(chunks.join(''));
    headers.ETag = etag;
    if (request.method === 'GET' && reply.status >= 200 && reply.status < 300 && isFresh(request, etag)) {
      // Express answers 304 without body and without the entity headers.
      response.writeHead(304, { ETag: etag, 'X-Robots-Tag': 'noindex, nofollow' });
      response.end();
      return;
    }
  }
  const length = chunks.reduce((sum, chunk) => sum + Buffer.byteLength(chunk), 0);
  const gzip = acceptsGzip(request) && length >= 1024;
  headers.Vary = 'Accept-Encoding';
  if (gzip) headers['Content-Encoding'] = 'gzip';
  else headers['Content-Length'] = length;

  if (delivery.kind === 'truncate' || delivery.kind === 'drip') {
    const plain = Buffer.from(chunks.join(''));
    const bytes = gzip ? gzipSync(plain) : plain;
    response.writeHead(reply.status, headers);
    if (delivery.kind === 'drip') return dripOut(response, bytes, delivery.bytesPerSecond, control);
    // Half the body, then the connection goes away: the client sees a premature end.
    response.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => request.socket.destroy());
    return;
  }
  response.writeHead(reply.status, headers);
  if (!gzip) {
    await writeAll(response, chunks);
    if (!response.destroyed) response.end();
    return;
  }
  // Level 1: the client cannot tell, and a 50 000-place answer compresses several times faster.
  const zipper = createGzip({ level: zlibConstants.Z_BEST_SPEED });
  // A client that leaves mid-answer must not leave the compressor waiting for a drain forever.
  response.once('close', () => zipper.destroy());
  zipper.on('error', () => undefined);
  zipper.pipe(response);
  await writeAll(zipper, chunks);
  if (!zipper.destroyed) zipper.end();
}
