/**
 * Sends the heartbeat (common/fleet/heartbeat.ts) to the admin endpoint as a JSON POST, on a
 * schedule that backs off while the endpoint fails. Off unless the config has `heartbeat`.
 *
 * The body is validated against the strict schema just before it leaves: a collector that
 * passes an extra field is a bug, and the heartbeat is then not sent at all. Logs say when
 * something changes (first failure, another failure, delivery again), not at every attempt, so
 * an endpoint down for a week or a wrong token does not fill the log. The token is never logged.
 */
import { statfs } from 'node:fs/promises';
import { backoffCeilingMs, heartbeatBodySchema, heartbeatDelayMs, type HeartbeatReport } from '../../common/fleet/heartbeat';

/** An endpoint that has not answered in this long is treated as down. */
const DEFAULT_TIMEOUT_MS = 15_000;
/** Kiosks powered on together at opening time spread their first heartbeat over this. */
const STARTUP_SPREAD_MS = 60_000;

export type HeartbeatOutcome =
  | { kind: 'delivered'; status: number }
  /** A 3xx or 4xx other than 408/429: the URL or the token needs an admin. Retried all the same. */
  | { kind: 'rejected'; status: number; reason: string }
  /** Endpoint down, timeout, 5xx, 408 or 429. */
  | { kind: 'failed'; status: number | null; reason: string }
  /** The collected report broke the schema (a bug): nothing was sent. */
  | { kind: 'invalid'; reason: string };

export interface HeartbeatOptions {
  url: string;
  /** Bearer token (secrets.heartbeatToken); null sends none. */
  token: string | null;
  everyMinutes: number;
  collect: () => Promise<HeartbeatReport>;
  now: () => Date;
  log: (line: string) => void;
  fetch?: typeof fetch;
  random?: () => number;
  timeoutMs?: number;
}

/** Free bytes for an unprivileged process on the file system holding `path`; null when unknown. */
export async function diskFreeBytes(path: string): Promise<number | null> {
  try {
    const stats = await statfs(path);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

/** Why a POST was cut short by us (time limit, shutdown), as opposed to a network error. */
class Cut extends Error {}

function classify(status: number): HeartbeatOutcome {
  if (status >= 200 && status < 300) return { kind: 'delivered', status };
  if (status >= 500 || status === 408 || status === 429) return { kind: 'failed', status, reason: `HTTP ${status}` };
  if (status === 401 || status === 403) {
    return { kind: 'rejected', status, reason: `HTTP ${status}: the endpoint refuses the token; check heartbeat.token` };
  }
  if (status >= 300 && status < 400) {
    return { kind: 'rejected', status, reason: `HTTP ${status}: the endpoint redirects; set heartbeat.url to the final address` };
  }
  return { kind: 'rejected', status, reason: `HTTP ${status}: check heartbeat.url` };
}

export class Heartbeat {
  private readonly fetch: typeof fetch;
  private readonly random: () => number;
  private failures = 0;
  /** The problem last logged, so the same one is not logged again. */
  private lastProblem: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private sending: Promise<HeartbeatOutcome> | null = null;
  private abort: AbortController | null = null;
  private stopped = false;

  constructor(private readonly options: HeartbeatOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.random = options.random ?? Math.random;
  }

  /** First heartbeat within a minute, then every everyMinutes, backing off on failures. */
  start(): void {
    this.stopped = false;
    this.schedule(Math.round(this.random() * STARTUP_SPREAD_MS));
  }

  /** Sends one heartbeat now; one already in flight is joined, not doubled. */
  sendNow(): Promise<HeartbeatOutcome> {
    this.sending ??= this.send().finally(() => {
      this.sending = null;
    });
    return this.sending;
  }

  /** Stops the schedule, cuts a POST in flight and waits for it to settle. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort?.abort(new Cut('the kiosk is stopping'));
    await this.sending;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      void this.sendNow().then(() => {
        if (!this.stopped) this.schedule(heartbeatDelayMs(this.options.everyMinutes * 60_000, this.failures, this.random));
      });
    }, delayMs);
    this.timer.unref();
  }

  private async send(): Promise<HeartbeatOutcome> {
    let report: HeartbeatReport;
    try {
      report = await this.options.collect();
    } catch (error) {
      return this.record({ kind: 'invalid', reason: `collecting the report failed: ${(error as Error).message}` });
    }
    const body = heartbeatBodySchema.safeParse({ ...report, sentAt: this.options.now().toISOString() });
    if (!body.success) {
      const fields = body.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(body)'}: ${issue.message}`);
      return this.record({ kind: 'invalid', reason: `the report does not match the heartbeat schema (${fields.join('; ')})` });
    }
    return this.record(await this.post(JSON.stringify(body.data)));
  }

  private async post(json: string): Promise<HeartbeatOutcome> {
    const abort = new AbortController();
    this.abort = abort;
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timer = setTimeout(() => abort.abort(new Cut(`no answer within ${timeoutMs} ms`)), timeoutMs);
    try {
      const response = await this.fetch(this.options.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(this.options.token !== null ? { Authorization: `Bearer ${this.options.token}` } : {}),
        },
        body: json,
        signal: abort.signal,
        // A redirect is reported, not followed: the token goes to the configured address only.
        redirect: 'manual',
      });
      await response.body?.cancel();
      return classify(response.status);
    } catch (error) {
      const reason = abort.signal.reason instanceof Cut
        ? abort.signal.reason.message
        : ((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
      return { kind: 'failed', status: null, reason };
    } finally {
      clearTimeout(timer);
      this.abort = null;
    }
  }

  private record(outcome: HeartbeatOutcome): HeartbeatOutcome {
    const log = (line: string): void => this.options.log(`heartbeat: ${line}`);
    if (outcome.kind === 'delivered') {
      if (this.failures > 0) log(`delivered again after ${this.failures} failed attempt(s)`);
      this.failures = 0;
      this.lastProblem = null;
      return outcome;
    }
    this.failures++;
    if (outcome.reason !== this.lastProblem) {
      const longest = Math.round(backoffCeilingMs(this.options.everyMinutes * 60_000) / 60_000);
      const what = outcome.kind === 'invalid' ? 'not sent' : `POST ${this.options.url} ${outcome.kind}`;
      log(`${what}: ${outcome.reason}; retrying, backing off up to every ${longest} min (said once until this changes)`);
      this.lastProblem = outcome.reason;
    }
    return outcome;
  }
}
