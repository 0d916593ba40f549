/**
 * The fleet admin's signed settings document (DESIGN.md "Fleet"): what it may change, how it
 * travels, and how it merges with the kiosk's own config. Environment-free so that the host
 * (which verifies and stores it) and the status answer (which shows its effect) share one
 * definition; the signature itself is checked in host/fleet/remote-settings.ts.
 *
 * The envelope signs the document *as a string*: the kiosk verifies the exact bytes the admin
 * signed, then parses them, so no JSON canonicalisation is needed on either side.
 */
import { z } from 'zod';
import { localizedTextSchema } from '../contract/kiosk-api';

export const SETTINGS_FORMAT = 'borne-settings/1';

/** Bodies beyond this are refused before parsing: a real document is a few kilobytes. */
export const MAX_SETTINGS_BYTES = 256 * 1024;

const isoInstant = z.iso.datetime({ offset: true });

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'a time of day written HH:MM, e.g. "03:30"' });

/** Same rule as `kiosk.id` in the kiosk config. */
const kioskId = z.string().regex(/^[a-z0-9][a-z0-9-]{2,62}$/, { message: 'a kiosk id: lower-case letters, digits and dashes' });

/** An Ed25519 signature is 64 bytes: 88 base64 characters ending in "==". */
const ed25519Signature = z.string().regex(/^[A-Za-z0-9+/]{86}==$/, { message: 'an Ed25519 signature, 64 bytes in base64' });

export const signedSettingsSchema = z.strictObject({
  format: z.literal(SETTINGS_FORMAT),
  /** The settings document as a JSON string: the exact UTF-8 bytes that were signed. */
  document: z.string().min(2).max(MAX_SETTINGS_BYTES),
  signature: ed25519Signature,
});

export type SignedSettings = z.output<typeof signedSettingsSchema>;

export const settingsDocumentSchema = z
  .strictObject({
    /** When the admin signed it: a kiosk never goes back to an older document (replay, rollback). */
    issuedAt: isoInstant,
    /** After this the document is dropped and the kiosk's own config applies again. */
    expiresAt: isoInstant,
    /** The kiosks it is for; absent: every kiosk that trusts the key. */
    kiosks: z.array(kioskId).min(1).optional(),
    /** Absent: the config's announcement. null: no announcement, even the config's. */
    announcement: z
      .strictObject({
        text: localizedTextSchema,
        /** Shown from this instant on; absent: at once. */
        from: isoInstant.optional(),
        /** Shown until this instant; absent: while the document lasts. */
        until: isoInstant.optional(),
      })
      .nullable()
      .optional(),
    featuredCategories: z
      .array(z.string().regex(/^[a-z0-9_]+$/, { message: 'a Soliguide category id such as "food"' }))
      .min(1)
      .max(16)
      .optional(),
    sync: z
      .strictObject({
        fullAfter: clockTime.optional(),
        lightEveryMinutes: z.int().min(15).max(1440).optional(),
      })
      .optional(),
    maintenanceWindow: z.strictObject({ start: clockTime, end: clockTime }).optional(),
    idleTimeoutSeconds: z.int().min(20).max(900).optional(),
  })
  .superRefine((document, context) => {
    if (Date.parse(document.expiresAt) <= Date.parse(document.issuedAt)) {
      context.addIssue({ code: 'custom', path: ['expiresAt'], input: document.expiresAt, message: 'an instant after issuedAt' });
    }
    const { announcement } = document;
    if (announcement?.from !== undefined && announcement.until !== undefined && Date.parse(announcement.until) <= Date.parse(announcement.from)) {
      context.addIssue({ code: 'custom', path: ['announcement', 'until'], input: announcement.until, message: 'an instant after announcement.from' });
    }
  });

export type SettingsDocument = z.output<typeof settingsDocumentSchema>;
export type LocalizedText = z.output<typeof localizedTextSchema>;

/** One line per problem, naming the field (never the value): for logs and for the signing command. */
export function describeSettingsIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || '(whole document)'}: ${issue.message}`);
}

/** What the screens take from the config and a document may override. */
export interface ScreenSettings {
  /** Needs on the welcome screen; null: the caller's default (every top-level need). */
  featuredCategories: string[] | null;
  announcement: LocalizedText | null;
  idleTimeoutSeconds: number;
}

/** True while `now` is before the document's expiry. */
export function isInForce(document: SettingsDocument, now: Date): boolean {
  return now.getTime() < Date.parse(document.expiresAt);
}

function announcementShown(announcement: NonNullable<SettingsDocument['announcement']>, now: Date): boolean {
  const at = now.getTime();
  if (announcement.from !== undefined && at < Date.parse(announcement.from)) return false;
  return announcement.until === undefined || at < Date.parse(announcement.until);
}

/**
 * The screen settings in force at `now`: the document's overrides on top of the config's,
 * an announcement outside its dates left out, and an expired document ignored whole. Cheap and
 * pure: call it for every `status` answer, so that dates take effect without any timer.
 */
export function effectiveScreenSettings(base: ScreenSettings, document: SettingsDocument | null, now: Date): ScreenSettings {
  if (document === null || !isInForce(document, now)) return base;
  let announcement = base.announcement;
  if (document.announcement === null) announcement = null;
  else if (document.announcement !== undefined) {
    announcement = announcementShown(document.announcement, now) ? document.announcement.text : null;
  }
  return {
    featuredCategories: document.featuredCategories ?? base.featuredCategories,
    announcement,
    idleTimeoutSeconds: document.idleTimeoutSeconds ?? base.idleTimeoutSeconds,
  };
}

/** The schedules the config sets and a document may override (the sync offset stays local). */
export interface ScheduleSettings {
  sync: { fullAfter: string; lightEveryMinutes: number; randomOffsetMinutes: number };
  maintenanceWindow: { start: string; end: string };
}

/**
 * The sync and maintenance schedules with the document's overrides (an expired document
 * ignored). The caller restarts its schedulers when this changes, i.e. on the client's onChange.
 */
export function effectiveSchedules(base: ScheduleSettings, document: SettingsDocument | null, now: Date): ScheduleSettings {
  if (document === null || !isInForce(document, now)) return base;
  return {
    sync: {
      fullAfter: document.sync?.fullAfter ?? base.sync.fullAfter,
      lightEveryMinutes: document.sync?.lightEveryMinutes ?? base.sync.lightEveryMinutes,
      randomOffsetMinutes: base.sync.randomOffsetMinutes,
    },
    maintenanceWindow: document.maintenanceWindow ?? base.maintenanceWindow,
  };
}
