/**
 * The Soliguide partner API as the mirror speaks it (API.md §1): `Authorization: JWT <token>`
 * (the server strips exactly 4 characters, so never `Bearer`, §6 trap 1), JSON POST searches,
 * GET /place with If-None-Match, GET /v2/categories. Every request has a deadline that also
 * covers reading the body (a slow-drip answer times out), and is retried with exponential
 * backoff and full jitter — except 400 (our request is wrong), 401 and 403 (an admin must act:
 * retrying would only hammer the API).
 */
export type FailureKind = 'auth' | 'refused' | 'server' | 'network' | 'timeout' | 'malformed';

export class SoliguideRequestError extends Error {
  readonly request: string;
  readonly kind: FailureKind;
  readonly status: number | null;
  readonly attempts: number;

  readonly detail: string;

  constructor(request: string, kind: FailureKind, detail: string, status: number | null, attempts: number) {
    super(`${request} failed${attempts > 1 ? ` after ${attempts} attempts` : ''}: ${detail}`);
    this.name = 'SoliguideRequestError';
    this.request = request;
    this.kind = kind;
    this.detail = detail;
    this.status = status;
    this.attempts = attempts;
  }

  /** The same failure, described with a more precise request label. */
  relabel(request: string): SoliguideRequestError {
    return new SoliguideRequestError(request, this.kind, this.detail, this.status, this.attempts);
  }

  /** 401/403: the token or the account needs an admin; automatic retries cannot help. */
  get needsAdmin(): boolean {
    return this.kind === 'auth';
  }
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface ClientOptions {
  baseUrl: string;
  token: string;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** For tests: a seeded source of randomness for the jitter. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface JsonAnswer {
  status: number;
  body: unknown;
  etag: string | null;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000 };

class Attempt extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly detail: string,
    readonly status: number | null,
  ) {
    super(detail);
  }
}

function describeStatus(status: number, text: string): string {
  let message = '';
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') message = ` ${parsed.message}`;
  } catch {
    // HTML error pages (Express defaults, API.md §1.11) carry nothing useful
  }
  return `HTTP ${status}${message}`;
}

export interface SoliguideClient {
  search(body: unknown, language?: string): Promise<unknown>;
  place(lieuId: number, etag: string | null): Promise<JsonAnswer>;
  categories(): Promise<unknown>;
}

export function createSoliguideClient(options: ClientOptions): SoliguideClient {
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const timeoutMs = options.timeoutMs ?? 60_000;
  const base = options.baseUrl.replace(/\/+$/, '');

  async function once(method: 'GET' | 'POST', path: string, body: unknown, etag: string | null): Promise<JsonAnswer> {
    const headers: Record<string, string> = { Authorization: `JWT ${options.token}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    // Node's fetch adds `Cache-Control: no-cache` to conditional requests, and Express then never
    // answers 304 (its freshness check gives up on no-cache): say we accept a cached answer.
    if (etag) Object.assign(headers, { 'If-None-Match': etag, 'Cache-Control': 'max-age=0' });
    let response: Response;
    let text: string;
    // Our own controller, cleared when the answer is read: AbortSignal.timeout() keeps its timer
    // alive after the request, so a pass of 40 000 GETs left 40 000 timers to fire a minute later.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: controller.signal });
      text = await response.text();
    } catch (error) {
      if (controller.signal.aborted) throw new Attempt('timeout', `no complete answer within ${timeoutMs} ms`, null);
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new Attempt('network', cause?.code ?? cause?.message ?? (error as Error).message, null);
    } finally {
      clearTimeout(timer);
    }
    if (response.status === 304) return { status: 304, body: null, etag };
    // GET /place answers 403 FORBIDDEN_USER for places this account may not read (itineraries,
    // other departments, PRO, closed: API.md §1.9): an answer about the place, not about us.
    if (method === 'GET' && response.status === 403 && text.includes('FORBIDDEN_USER')) return { status: 403, body: null, etag: null };
    if (response.status === 401 || response.status === 403) {
      throw new Attempt('auth', `${describeStatus(response.status, text)} (check the token and the API account)`, response.status);
    }
    if (response.status === 404 && method === 'GET') return { status: 404, body: null, etag: null };
    if (response.status >= 400 && response.status < 500) throw new Attempt('refused', describeStatus(response.status, text), response.status);
    if (response.status >= 500) throw new Attempt('server', describeStatus(response.status, text), response.status);
    try {
      return { status: response.status, body: JSON.parse(text) as unknown, etag: response.headers.get('etag') };
    } catch {
      throw new Attempt('malformed', `answer is not valid JSON (${text.length} characters received)`, response.status);
    }
  }

  async function request(method: 'GET' | 'POST', path: string, body?: unknown, etag: string | null = null): Promise<JsonAnswer> {
    const label = `${method} ${path}`;
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(method, path, body, etag);
      } catch (error) {
        if (!(error instanceof Attempt)) throw error;
        const final = attempt >= retry.attempts || error.kind === 'auth' || error.kind === 'refused';
        if (final) throw new SoliguideRequestError(label, error.kind, error.detail, error.status, attempt);
        // Full jitter: a fleet that failed together does not retry together.
        const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
        await sleep(Math.round(random() * ceiling));
      }
    }
  }

  return {
    async search(body, language) {
      return (await request('POST', language ? `/new-search/${language}` : '/new-search', body)).body;
    },
    place(lieuId, etag) {
      return request('GET', `/place/${lieuId}`, undefined, etag);
    },
    async categories() {
      return (await request('GET', '/v2/categories')).body;
    },
  };
}
