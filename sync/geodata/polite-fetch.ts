/**
 * HTTP for third-party map services, politely: a `User-Agent` naming the kiosk software, request
 * starts spaced to stay under the service's rate, a timeout, and retries with exponential backoff
 * for what may pass (network errors, 429, 5xx), honouring `Retry-After`. Other answers are
 * returned as they are: the caller decides what a 304 or a 404 means.
 */
export interface PoliteFetchOptions {
  userAgent: string;
  requestsPerSecond: number;
  timeoutMs?: number;
  /** Attempts after the first. */
  retries?: number;
  backoffMs?: number;
  /** Longest wait a `Retry-After` may impose. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export type PoliteFetch = (url: string, headers?: Record<string, string>) => Promise<Response>;

export class FetchFailedError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
    readonly status: number | null,
  ) {
    super(`${url}: ${reason}`);
    this.name = 'FetchFailedError';
  }
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(response: Response, fallback: number, cap: number): number {
  const header = response.headers.get('retry-after');
  if (header === null) return fallback;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Math.min(cap, Math.max(fallback, Number.isFinite(ms) ? ms : fallback));
}

/** Request starts are spaced this much wider than the configured rate (see politeFetch). */
export const SPACING_MARGIN = 1.2;

const retryable = (status: number): boolean => status === 429 || status === 408 || status >= 500;

export function politeFetch(options: PoliteFetchOptions): PoliteFetch {
  const sleep = options.sleep ?? defaultSleep;
  // 20 % above the exact spacing: a request's arrival may slip by tens of milliseconds behind its
  // start on a busy machine (timers, connection set-up), and services count arrivals strictly, in
  // any sliding second (seen: a 429 from a 5/s limit with starts spaced 5 % apart, on CI).
  const spacingMs = (1000 / options.requestsPerSecond) * SPACING_MARGIN;
  const retries = options.retries ?? 2;
  const backoffMs = options.backoffMs ?? 1000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
  let nextStart = 0;

  /** Resolves when this request may start; requests queue in call order. */
  const slot = async (): Promise<void> => {
    const now = performance.now();
    const start = Math.max(now, nextStart);
    nextStart = start + spacingMs;
    if (start > now) await sleep(start - now);
  };

  return async (url, headers = {}) => {
    let lastReason = 'no attempt';
    let lastStatus: number | null = null;
    for (let attempt = 0; attempt <= retries; attempt++) {
      await slot();
      let response: Response;
      try {
        response = await fetch(url, {
          headers: { 'User-Agent': options.userAgent, ...headers },
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
          redirect: 'follow',
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        lastReason = (error as Error).name === 'TimeoutError' ? 'no answer in time' : `network error${cause ? ` (${cause})` : ''}`;
        lastStatus = null;
        if (attempt < retries) await sleep(backoffMs * 2 ** attempt);
        continue;
      }
      if (!retryable(response.status)) return response;
      lastReason = `HTTP ${response.status}`;
      lastStatus = response.status;
      const wait = retryAfterMs(response, backoffMs * 2 ** attempt, maxRetryAfterMs);
      await response.body?.cancel().catch(() => undefined);
      if (attempt < retries) await sleep(wait);
    }
    throw new FetchFailedError(url, `${lastReason} after ${retries + 1} attempts`, lastStatus);
  };
}

/** Reads a body whole, failing cleanly when the connection breaks midway. */
export async function readBody(response: Response, url: string): Promise<Buffer> {
  try {
    return Buffer.from(await response.arrayBuffer());
  } catch {
    throw new FetchFailedError(url, 'the answer was cut off', response.status);
  }
}
