/**
 * The staff side of the contract (staff mode, issue 9) and the anonymous usage events. Staff calls
 * are refused by the dispatcher unless the call carries the token `staffUnlock` gave for the PIN;
 * `usage` is open to the screen but only takes ids and booleans: no text a person typed.
 */
import { z } from 'zod';
import { KIOSK_LANGUAGES } from '../i18n/languages';
import { PAPERS } from '../print/print-document';
import { PRINTER_STATES } from './printer-states';

const isoInstant = z.iso.datetime({ offset: true });
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const categoryId = z.string().regex(/^[a-z0-9_]+$/).max(80);
const languageCode = z.enum(KIOSK_LANGUAGES);
const printerState = z.enum(PRINTER_STATES);

/** What is counted per day (with a key: a category id or a language code, or none). */
export const USAGE_METRICS = ['session', 'idle-reset', 'search', 'no-result', 'place-view', 'ticket', 'list', 'language'] as const;
export type UsageMetric = (typeof USAGE_METRICS)[number];

/** The screen tells what a person did, as ids and booleans only, to be summed per day. */
export const usageEventSchema = z.discriminatedUnion('event', [
  /** A person started using the kiosk (left the untouched welcome screen), in this language. */
  z.strictObject({ event: z.literal('session'), language: languageCode }),
  /** A used session was ended by the idle reset. */
  z.strictObject({ event: z.literal('idle-reset') }),
  /** The person switched to another language during the session (once per language). */
  z.strictObject({ event: z.literal('language'), language: languageCode }),
  /** Results were shown: for a need (category), for typed words (text: true; the words are not sent), or both. */
  z.strictObject({ event: z.literal('search'), category: categoryId.nullable(), text: z.boolean(), found: z.boolean() }),
  /** A place's screen was opened (which place is not said). */
  z.strictObject({ event: z.literal('place-view') }),
]);

export type UsageEvent = z.output<typeof usageEventSchema>;

/** Keys of searches that had no category. */
export const SEARCH_KEY_WORDS = '_words';
export const SEARCH_KEY_ALL = '_all';

export const staffUnlockRequestSchema = z.strictObject({ pin: z.string().regex(/^\d{1,12}$/, { message: 'digits only, at most 12' }) });

export const staffUnlockResponseSchema = z.discriminatedUnion('unlocked', [
  z.strictObject({ unlocked: z.literal(true), token: z.string().min(16).max(100) }),
  z.strictObject({
    unlocked: z.literal(false),
    /** wait: too soon after a wrong PIN (the PIN was not even checked). */
    reason: z.enum(['wrong-pin', 'wait', 'not-configured']),
    retryAfterSeconds: z.int().min(0),
  }),
]);

const runSchema = z.strictObject({
  kind: z.enum(['full', 'light', 'demo']),
  outcome: z.enum(['running', 'success', 'failed']),
  startedAt: isoInstant,
  finishedAt: isoInstant.nullable(),
  error: z.string().nullable(),
  places: z.int().nullable(),
  added: z.int().nullable(),
  updated: z.int().nullable(),
  hidden: z.int().nullable(),
  quarantined: z.int().nullable(),
});

const share = z.number().min(0).max(1);
const score = z.number().min(0).max(5);

export const qualityScopeSchema = z.strictObject({
  id: z.string(),
  placeCount: z.int().nonnegative(),
  scores: z.strictObject({ recency: score, completeness: score, exhaustiveness: score.nullable() }),
  recency: z.strictObject({
    recentShare: share,
    ages: z.strictObject({ under1m: z.int(), '1to3m': z.int(), '3to6m': z.int(), '6to12m': z.int(), over12m: z.int(), unknown: z.int() }),
    over12Months: z.int().nonnegative(),
  }),
  completeness: z.strictObject({ hours: share, phone: share, description: share, conditions: share, languages: share }),
  exhaustiveness: z
    .strictObject({
      radiusMetres: z.int().positive(),
      essential: z.array(z.strictObject({ category: z.string(), placesWithin: z.int().nonnegative() })),
      missing: z.array(z.string()),
    })
    .nullable(),
});

export const qualityIndexSchema = z.strictObject({
  computedAt: isoInstant,
  territory: qualityScopeSchema,
  categories: z.array(qualityScopeSchema),
  oldestPlaces: z.array(z.strictObject({ id: z.int().positive(), name: z.string(), updatedAt: z.string().nullable() })),
});

export const staffOverviewSchema = z.strictObject({
  kiosk: z.strictObject({
    id: z.string(),
    name: z.string(),
    version: z.string(),
    channel: z.enum(['stable', 'beta']),
    /** The app updater's state and the version it holds; null when this shell has no updater (Chromium shell, demo). */
    updates: z.strictObject({ state: z.string(), available: z.string().nullable() }).nullable(),
  }),
  data: z.strictObject({
    demo: z.boolean(),
    date: isoInstant.nullable(),
    placeCount: z.int().nonnegative(),
    /** Soliguide's oldest "updated at" in the mirror: the record nobody has checked for longest. */
    oldestUpdatedAt: z.string().nullable(),
    lastFull: runSchema.nullable(),
    lastLight: runSchema.nullable(),
    /** The last pass of any kind (the one "sync now" started, once it is recorded). */
    lastRun: runSchema.nullable(),
    /** A pass is running now. */
    syncing: z.boolean(),
    /** "Sync now" can run here (not on the demo, not without a scheduler). */
    canSync: z.boolean(),
    nextRuns: z.array(isoInstant),
    /** Records refused by the last pass that had any (id and reason only). */
    quarantined: z.array(z.strictObject({ lieuId: z.int().nullable(), reason: z.string() })),
    quarantinedCount: z.int().nonnegative(),
  }),
  printer: z.strictObject({
    name: z.string().nullable(),
    state: printerState,
    reasons: z.array(z.string()),
    ready: z.boolean(),
    paper: z.enum(PAPERS),
    /** Times the printer was not working (out of paper, stopped, offline…) over the last 30 days, newest first. */
    incidents: z.array(
      z.strictObject({ state: z.string(), reasons: z.array(z.string()), printer: z.string().nullable(), from: isoInstant, until: isoInstant.nullable() }),
    ),
  }),
  remoteSettings: z.strictObject({
    /** off: the config names no settings feed. */
    state: z.enum(['off', 'none', 'in-force']),
    /** The signed document in force (its signature was verified against the config's key). */
    issuedAt: isoInstant.nullable(),
    expiresAt: isoInstant.nullable(),
    /** What the document changes, by field name. */
    fields: z.array(z.string()),
    /** The last check of the feed and what came of it (refused: the reason, e.g. a bad signature). */
    lastCheck: z
      .strictObject({ at: isoInstant, outcome: z.enum(['applied', 'unchanged', 'refused', 'failed']), reason: z.string().nullable() })
      .nullable(),
    /** The first 16 hex digits of the public key's SHA-256, to compare with the admin's. */
    keyFingerprint: z.string().nullable(),
  }),
  /** The exports folder (CSV files for the coordinator). */
  exportDirectory: z.string(),
  quality: qualityIndexSchema,
});

export const staffSyncRequestSchema = z.strictObject({ kind: z.enum(['full', 'light']) });
export const staffSyncResponseSchema = z.strictObject({
  started: z.boolean(),
  /** Why not: a pass is running, or this kiosk does not sync (demo). */
  reason: z.enum(['running', 'unavailable']).nullable(),
});

export const staffReportsResponseSchema = z.strictObject({
  reports: z.array(
    z.strictObject({
      placeId: z.int().positive(),
      /** null when the place has left the mirror since. */
      name: z.string().nullable(),
      city: z.string().nullable(),
      reason: z.enum(['closed', 'moved', 'hours', 'other']),
      day: isoDay,
    }),
  ),
  total: z.int().nonnegative(),
});

export const staffExportRequestSchema = z.strictObject({ what: z.enum(['reports', 'usage']) });
export const staffExportResponseSchema = z.strictObject({ directory: z.string(), file: z.string(), rows: z.int().nonnegative() });

export const staffUsageRequestSchema = z.strictObject({ days: z.int().min(1).max(400).default(30) });
export const staffUsageResponseSchema = z.strictObject({
  from: isoDay,
  to: isoDay,
  rows: z.array(z.strictObject({ day: isoDay, metric: z.enum(USAGE_METRICS), key: z.string(), count: z.int().nonnegative() })),
});
