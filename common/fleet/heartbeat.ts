/**
 * The optional heartbeat (DESIGN.md "Fleet"): what a kiosk tells the admin endpoint about its
 * health, and nothing else. The schema is strict and every text field is a short token, so a bug
 * that passes more (a sync error message with a URL, a printer's name, anything a person typed)
 * fails validation instead of leaving the kiosk. Also the send schedule's backoff.
 */
import { z } from 'zod';
import { PRINTER_STATES, type KioskResponse, type KioskStatus } from '../contract/kiosk-api';
import { USAGE_METRICS } from '../contract/staff-api';

const isoInstant = z.iso.datetime({ offset: true });
/** Versions like "0.1.0" or "1.2.0-beta.3": no room for free text. */
const versionText = z.string().regex(/^[0-9A-Za-z.+-]{1,64}$/);
/** Category ids and language codes: no room for free text either. */
const idToken = z.string().regex(/^[a-z0-9_]{0,80}$/);
const score = z.number().min(0).max(5);
const qualityScores = { recency: score, completeness: score, exhaustiveness: score.nullable() };

export const heartbeatBodySchema = z.strictObject({
  kioskId: z.string().regex(/^[a-z0-9][a-z0-9-]{2,62}$/),
  version: versionText,
  sentAt: isoInstant,
  /** Seconds since the kiosk's process started. */
  uptimeSeconds: z.int().nonnegative(),
  data: z.strictObject({
    /** When the mirror last received a complete copy; null before the first one. */
    date: isoInstant.nullable(),
    ageSeconds: z.int().nullable(),
    placeCount: z.int().nonnegative(),
  }),
  /** The last sync pass, without its error text (which may quote URLs and answers). */
  lastSync: z
    .strictObject({
      kind: z.enum(['full', 'light', 'demo']),
      outcome: z.enum(['running', 'success', 'failed']),
      finishedAt: isoInstant.nullable(),
    })
    .nullable(),
  printer: z.strictObject({ state: z.enum(PRINTER_STATES), ready: z.boolean() }),
  /** Free space where the mirror lives; null when it cannot be read. */
  diskFreeBytes: z.int().nonnegative().nullable(),
  /** The app updater, when there is one: its state ("idle", "downloading"…) and the version waiting. */
  updates: z
    .strictObject({ state: z.string().regex(/^[a-z][a-z-]{0,31}$/), available: versionText.nullable() })
    .nullable()
    .optional(),
  /** The data quality index (README, "Data quality index"): the territory's scores and each need's. */
  quality: z
    .strictObject({
      ...qualityScores,
      over12Months: z.int().nonnegative(),
      /** Essential needs with no place within the radius. */
      missing: z.array(idToken).max(60),
      categories: z.array(z.strictObject({ id: idToken, ...qualityScores })).max(60),
    })
    .optional(),
  /** Anonymous usage counters of the last days (today included), summed per day, metric and key. */
  usage: z
    .array(z.strictObject({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), metric: z.enum(USAGE_METRICS), key: idToken, count: z.int().nonnegative() }))
    .max(5_000)
    .optional(),
});

export type HeartbeatBody = z.output<typeof heartbeatBodySchema>;
/** What the kiosk collects; the sender stamps `sentAt`. */
export type HeartbeatReport = Omit<HeartbeatBody, 'sentAt'>;

/** What the status answer does not know: measured by the host. */
export interface HostHealth {
  uptimeSeconds: number;
  diskFreeBytes: number | null;
  updates?: HeartbeatBody['updates'];
  quality?: KioskResponse<'staffOverview'>['quality'];
  usage?: KioskResponse<'staffUsage'>['rows'];
}

/** The index's scores, field by field (no place names, no ids of places). */
function qualityReport(index: NonNullable<HostHealth['quality']>): NonNullable<HeartbeatBody['quality']> {
  const scores = (scope: typeof index.territory) => ({
    recency: scope.scores.recency,
    completeness: scope.scores.completeness,
    exhaustiveness: scope.scores.exhaustiveness,
  });
  return {
    ...scores(index.territory),
    over12Months: index.territory.recency.over12Months,
    missing: index.territory.exhaustiveness?.missing ?? [],
    categories: index.categories.map((scope) => ({ id: scope.id, ...scores(scope) })),
  };
}

/** Picks the heartbeat's fields out of a `status` answer, one by one: nothing else can slip in. */
export function heartbeatReportFromStatus(status: KioskStatus, host: HostHealth): HeartbeatReport {
  const { lastSync } = status.data;
  return {
    kioskId: status.kiosk.id,
    version: status.version,
    uptimeSeconds: Math.floor(host.uptimeSeconds),
    data: { date: status.data.date, ageSeconds: status.data.ageSeconds, placeCount: status.data.placeCount },
    lastSync: lastSync === null ? null : { kind: lastSync.kind, outcome: lastSync.outcome, finishedAt: lastSync.finishedAt },
    printer: { state: status.printer.state, ready: status.printer.ready },
    diskFreeBytes: host.diskFreeBytes,
    ...(host.updates !== undefined ? { updates: host.updates } : {}),
    ...(host.quality !== undefined ? { quality: qualityReport(host.quality) } : {}),
    ...(host.usage !== undefined ? { usage: host.usage.map((row) => ({ day: row.day, metric: row.metric, key: row.key, count: row.count })) } : {}),
  };
}

/** The longest wait between two attempts, whatever the period. */
export const MAX_BACKOFF_MS = 6 * 3_600_000;

/** The longest the backoff waits for a given period: six periods, at most 6 h, never less than one period. */
export function backoffCeilingMs(periodMs: number): number {
  return Math.max(periodMs, Math.min(6 * periodMs, MAX_BACKOFF_MS));
}

/**
 * Delay before the next heartbeat: the period after a success; after failures, the period
 * doubled per failure up to six periods (at most 6 h, never less than the period), so a fleet
 * does not hammer an endpoint that is down. ±10 % jitter spreads kiosks that failed together.
 */
export function heartbeatDelayMs(periodMs: number, consecutiveFailures: number, random: () => number): number {
  const base = Math.min(backoffCeilingMs(periodMs), periodMs * 2 ** consecutiveFailures);
  return Math.round(base * (0.9 + 0.2 * random()));
}
