/**
 * The one contract between the UI and the kiosk's Node side. Every method has a request and a
 * response schema; the types below are derived from them, and the HTTP host, the Electron IPC
 * registration, the preload and the renderer's client are all derived from this table.
 */
import { z } from 'zod';
import { KIOSK_LANGUAGES } from '../i18n/languages';
import type { KioskMethod } from './methods';
import { REPORT_REASONS } from './report-reasons';
import { MANEUVERS } from '../geo/maneuvers';
import { PAPERS, printDocumentSchema, printPresetSchema } from '../print/print-document';
import { PRINTER_STATES } from './printer-states';
import {
  staffExportRequestSchema,
  staffExportResponseSchema,
  staffOverviewSchema,
  staffReportsResponseSchema,
  staffSyncRequestSchema,
  staffSyncResponseSchema,
  staffUnlockRequestSchema,
  staffUnlockResponseSchema,
  staffUsageRequestSchema,
  staffUsageResponseSchema,
  usageEventSchema,
} from './staff-api';

export const languageCodeSchema = z.enum(KIOSK_LANGUAGES);

const isoInstant = z.iso.datetime({ offset: true });

/** A short text written by the agency, in French and optionally in other kiosk languages. */
export const localizedTextSchema = z
  .partialRecord(languageCodeSchema, z.string().min(1).max(500))
  .refine((texts) => texts.fr !== undefined, { message: 'a French text ("fr") is required' });

export { PRINTER_STATES };

export const kioskStatusSchema = z.strictObject({
  kiosk: z.strictObject({
    id: z.string(),
    name: z.string(),
    /** Shown to people: "CAF du Bas-Rhin — Strasbourg". */
    label: z.string(),
    address: z.string(),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    /** IANA zone of the kiosk: times on screen are its wall clock. */
    timeZone: z.string(),
  }),
  data: z.strictObject({
    /** When the mirror last received a complete copy of the directory; null before the first one. */
    date: isoInstant.nullable(),
    placeCount: z.number().int().nonnegative(),
    demo: z.boolean(),
    /** Seconds since `date` on the kiosk's clock; null before the first complete copy. */
    ageSeconds: z.number().int().nullable(),
    /** The last sync pass, successful or not, for staff and the heartbeat. */
    lastSync: z
      .strictObject({
        kind: z.enum(['full', 'light', 'demo']),
        outcome: z.enum(['running', 'success', 'failed']),
        startedAt: isoInstant,
        finishedAt: isoInstant.nullable(),
        /** What failed and what was kept, for people; null when it succeeded. */
        error: z.string().nullable(),
      })
      .nullable(),
  }),
  version: z.string(),
  languages: z.strictObject({
    enabled: z.array(languageCodeSchema).min(1),
    default: languageCodeSchema,
  }),
  /** What the screens show besides the directory: from the config, later overridden by remote settings. */
  screen: z.strictObject({
    /** Needs on the welcome screen, in order (category ids of any level). */
    featuredCategories: z.array(z.string().regex(/^[a-z0-9_]+$/)),
    /** Banner text per language; French is always present when there is one. */
    announcement: localizedTextSchema.nullable(),
    /** Where the agency's desk is, per language. */
    desk: localizedTextSchema.nullable(),
    /** Soliguide's online help, shown as a QR code. */
    helpUrl: z.url(),
    idleTimeoutSeconds: z.int().min(20).max(900),
    /** Seconds the "are you still there?" countdown lasts once the idle time has passed. */
    idleCountdownSeconds: z.int().min(5).max(60),
    /** No mouse pointer on a touch screen. */
    hideCursor: z.boolean(),
  }),
  /** The offline map: tiles served by the kiosk at `/tiles/{z}/{x}/{y}` (none before the first sync). */
  map: z.strictObject({
    tiles: z
      .strictObject({
        minZoom: z.int().min(0).max(22),
        maxZoom: z.int().min(0).max(22),
        /** [[south, west], [north, east]] of the stored area. */
        bounds: z.tuple([z.tuple([z.number(), z.number()]), z.tuple([z.number(), z.number()])]),
      })
      .nullable(),
    /** Credits of the tile sources, plain text, shown on every map and printed map. */
    attribution: z.array(z.string()),
  }),
  /** The printer, as CUPS reports it (read again at most every few seconds). */
  printer: z.strictObject({
    /** The CUPS queue; null when the config names none and CUPS has no default. */
    name: z.string().nullable(),
    state: z.enum(PRINTER_STATES),
    /** CUPS's printer-state-reasons, e.g. media-empty-error, for staff. */
    reasons: z.array(z.string()),
    /** A ticket asked for now would print. */
    ready: z.boolean(),
    paper: z.enum(PAPERS),
    ticketsPerSession: z.int().positive(),
  }),
  /** The kiosk's clock (fixed by `--now` for tests and demos). */
  now: isoInstant,
});

export interface CategoryNode {
  id: string;
  rank: number;
  children: CategoryNode[];
}

export const categoryNodeSchema: z.ZodType<CategoryNode> = z.strictObject({
  id: z.string().regex(/^[a-z0-9_]+$/),
  rank: z.number().int(),
  get children() {
    return z.array(categoryNodeSchema);
  },
});

export const categoriesResponseSchema = z.strictObject({
  /** Root categories in display order, each with its children in display order. */
  roots: z.array(categoryNodeSchema),
});

const noArguments = z.strictObject({});

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const openingStateSchema = z.strictObject({
  kind: z.enum(['open', 'closing-soon', 'opens-later-today', 'closed-today', 'temporarily-closed', 'unknown']),
  until: isoInstant.nullable().optional(),
  at: isoInstant.optional(),
  nextOpening: isoInstant.nullable().optional(),
  holiday: z.string().nullable().optional(),
  untilDay: isoDay.nullable().optional(),
});

const localTextSchema = z.strictObject({ html: z.string().nullable(), text: z.string(), translated: z.boolean() }).nullable();

const pointSchema = z.strictObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) });

/** A town of the mirror, to measure "near" from somewhere else than the kiosk. */
export const townSchema = z.strictObject({
  /** "<department>:<city>", as `towns` gives it. */
  id: z.string().min(3).max(120),
  city: z.string(),
  postalCode: z.string(),
  departmentCode: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  placeCount: z.number().int().nonnegative(),
});

export const townsRequestSchema = z.strictObject({
  /** Start of the town's name as typed (accents and case ignored); absent: the towns nearest the kiosk. */
  prefix: z.string().max(60).optional(),
  limit: z.int().min(1).max(50).default(12),
});

/** Filters as toggles; an absent or false toggle does not filter. */
export const searchFiltersSchema = z.strictObject({
  /** Services open to everyone (no specific public). */
  unconditional: z.boolean().optional(),
  gender: z.enum(['women', 'men']).optional(),
  age: z.int().min(0).max(99).optional(),
  family: z.enum(['isolated', 'family', 'couple', 'pregnant']).optional(),
  administrative: z.enum(['regular', 'asylum', 'refugee', 'undocumented']).optional(),
  noAppointment: z.boolean().optional(),
  noRegistration: z.boolean().optional(),
  noReferral: z.boolean().optional(),
  free: z.boolean().optional(),
  wheelchair: z.boolean().optional(),
  animals: z.boolean().optional(),
  /** Languages spoken at the place (ISO 639-1), any of them. */
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(10).optional(),
});

export const searchRequestSchema = z.strictObject({
  language: languageCodeSchema,
  /** A Soliguide category at any level; its leaves are searched. Absent: every category but the hidden ones. */
  category: z.string().regex(/^[a-z0-9_]+$/).optional(),
  /** Words typed on the on-screen keyboard: prefixes, accents and case ignored, never a query syntax. */
  text: z.string().max(200).optional(),
  /** Where "near" is measured from: the kiosk by default, a point, or a town of the mirror. */
  origin: z.union([pointSchema, z.strictObject({ town: z.string().min(3).max(120) })]).optional(),
  radiusMetres: z.int().min(100).max(50_000).default(5_000),
  openNow: z.boolean().default(false),
  filters: searchFiltersSchema.default({}),
  page: z.int().min(1).default(1),
  pageSize: z.int().min(1).max(100).default(30),
});

/** What a result and a place's own screen both say about a place: who, where, how far, open or not. */
const placeHeadFields = {
  id: z.number().int().positive(),
  name: z.string(),
  mobile: z.boolean(),
  /** null for places "sur orientation": only postal code and city are ever shown. */
  address: z.string().nullable(),
  postalCode: z.string(),
  city: z.string(),
  onReferral: z.boolean(),
  /** For maps; the screens pin no place "sur orientation" (its address is not public). */
  latitude: z.number(),
  longitude: z.number(),
  /** Straight line from where "near" is measured. */
  distanceMetres: z.number().int().nonnegative(),
  /** From the stored walking route when there is one for this origin, else estimated. */
  walkingMinutes: z.number().int().positive(),
  /** Along the route, or the straight line when estimated. */
  walkingMetres: z.number().int().nonnegative(),
  walkingEstimated: z.boolean(),
  state: openingStateSchema,
};

export const searchResponseSchema = z.strictObject({
  total: z.number().int().nonnegative(),
  items: z.array(
    z.strictObject({
      ...placeHeadFields,
      services: z.array(z.strictObject({ id: z.string(), categoryId: z.string(), state: openingStateSchema })),
      /** The leaf categories of the matching services. */
      matchedCategories: z.array(z.string()),
      noticeTitle: z.string().nullable(),
      translated: z.boolean(),
    }),
  ),
});

const requirementSchema = z.strictObject({ required: z.boolean().nullable(), details: z.string().nullable() });

/** How to get in (Soliguide's modalities, in our names: sync/soliguide/conditions.ts). null: not stated. */
export const accessConditionsSchema = z.strictObject({
  unconditional: z.boolean(),
  appointment: requirementSchema,
  registration: requirementSchema,
  referral: requirementSchema,
  fee: requirementSchema,
  animalsWelcome: z.boolean().nullable(),
  wheelchairAccessible: z.boolean().nullable(),
  heated: z.boolean().nullable(),
  airConditioned: z.boolean().nullable(),
  otherHtml: z.string().nullable(),
  otherText: z.string().nullable(),
});

/** Who it is for (Soliguide's publics, in our names). Every value listed means nobody singled out. */
export const audienceSchema = z.strictObject({
  policy: z.enum(['everyone', 'preferential', 'exclusive']),
  ageMin: z.number().int(),
  ageMax: z.number().int(),
  genders: z.array(z.string()),
  administrative: z.array(z.string()),
  family: z.array(z.string()),
  other: z.array(z.string()),
  description: z.string().nullable(),
});

export type AccessConditionsView = z.output<typeof accessConditionsSchema>;
export type AudienceView = z.output<typeof audienceSchema>;

export const placeViewSchema = z.strictObject({
  ...placeHeadFields,
  additionalInformation: z.string().nullable(),
  week: z
    .array(
      z.strictObject({
        day: isoDay,
        /** 0 Monday … 6 Sunday. */
        weekday: z.number().int().min(0).max(6),
        slots: z.array(z.strictObject({ start: z.number().int(), end: z.number().int() })),
        rule: z.enum(['regular', 'temporary-hours', 'temporary-closure', 'holiday', 'unknown']),
        holiday: z.string().nullable(),
      }),
    )
    .length(7),
  description: localTextSchema,
  services: z.array(
    z.strictObject({
      id: z.string(),
      categoryId: z.string(),
      state: openingStateSchema,
      description: localTextSchema,
      access: accessConditionsSchema,
      audience: audienceSchema,
      saturation: z.string().nullable(),
    }),
  ),
  access: accessConditionsSchema,
  audience: audienceSchema,
  languagesSpoken: z.array(z.string()),
  phones: z.array(z.strictObject({ label: z.string().nullable(), number: z.string(), countryCode: z.string(), special: z.boolean() })),
  email: z.string().nullable(),
  website: z.string().nullable(),
  notices: z.array(
    z.strictObject({ kind: z.string(), startDay: isoDay, endDay: isoDay.nullable(), title: localTextSchema, description: localTextSchema }),
  ),
  sources: z.array(z.strictObject({ name: z.string(), isOrigin: z.boolean(), license: z.string().nullable(), url: z.string().nullable() })),
  updatedAt: z.string().nullable(),
  /** Not updated on Soliguide for longer than the config's budget: "last checked on…" is shown prominently. */
  stale: z.boolean(),
  soliguideUrl: z.url(),
});

/** "This information is wrong": anonymous, one tap; nothing about the person is kept. */
export const reportRequestSchema = z.strictObject({
  placeId: z.number().int().positive(),
  reason: z.enum(REPORT_REASONS),
});

export const speakRequestSchema = z.strictObject({
  language: languageCodeSchema,
  /** The screen's main content as plain text. */
  text: z.string().min(1).max(4_000),
});

export const speakResponseSchema = z.strictObject({
  mimeType: z.literal('audio/wav'),
  /** The spoken text as a WAV file, base64. */
  audio: z.base64(),
});

export const itineraryRequestSchema = z.strictObject({ placeId: z.number().int().positive() });

const latLonSchema = z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]);

/** The walk from the kiosk to a place: the stored route, or a straight-line estimate said as such. */
export const itineraryResponseSchema = z.strictObject({
  placeId: z.number().int().positive(),
  kind: z.enum(['route', 'estimate']),
  from: pointSchema,
  to: pointSchema,
  distanceMetres: z.number().int().nonnegative(),
  minutes: z.number().int().positive(),
  /** [latitude, longitude] from the kiosk to the place; two points for an estimate. */
  geometry: z.array(latLonSchema).min(2),
  steps: z.array(
    z.strictObject({
      maneuver: z.enum(MANEUVERS),
      exit: z.int().positive().nullable(),
      /** As on street signs, French; null for a path without a name. */
      street: z.string().nullable(),
      distanceMetres: z.number().int().nonnegative(),
    }),
  ),
  /** Which service computed the route, and when; null for an estimate. */
  source: z.enum(['ign', 'osrm']).nullable(),
  computedAt: isoInstant.nullable(),
  /** Directions on a phone, no account needed (OpenStreetMap, walking). */
  directionsUrl: z.url(),
});

export const printRequestSchema = z.strictObject({
  document: printDocumentSchema,
  /**
   * A random id the screen draws at every session start (and forgets at the idle reset): only
   * to count tickets per session. null for staff lists.
   */
  session: z.string().regex(/^[A-Za-z0-9-]{8,64}$/).nullable(),
});

/** A print job as the screen follows it. */
export const printJobSchema = z.strictObject({
  id: z.uuid(),
  kind: z.enum(['ticket', 'list', 'test']),
  state: z.enum(['preparing', 'queued', 'printing', 'printed', 'failed']),
  /** limit: the session's tickets are used up; printer-unavailable: stopped, offline, out of paper… */
  reason: z.enum(['limit', 'printer-unavailable', 'failed']).nullable(),
  /** Times the document went to the spooler: a job is sent again once, only if it never started. */
  attempts: z.int().min(0).max(2),
  printer: z.enum(PRINTER_STATES),
});

export const printPresetsResponseSchema = z.strictObject({
  presets: z.array(z.strictObject({ id: z.int().positive(), ...printPresetSchema.shape })),
});

/** The printers the system knows, for the staff screen: is the kiosk's own there, and is it the default? */
export const printersResponseSchema = z.strictObject({
  printers: z.array(z.strictObject({ name: z.string(), label: z.string(), isDefault: z.boolean() })),
  /** The queue the kiosk prints to (the config's, else the system default); null when there is none. */
  kioskPrinter: z.string().nullable(),
});

export const kioskContract = {
  status: { request: noArguments, response: kioskStatusSchema },
  categories: { request: noArguments, response: categoriesResponseSchema },
  towns: { request: townsRequestSchema, response: z.strictObject({ towns: z.array(townSchema) }) },
  search: { request: searchRequestSchema, response: searchResponseSchema },
  place: {
    request: z.strictObject({ id: z.number().int().positive(), language: languageCodeSchema }),
    response: placeViewSchema,
  },
  report: { request: reportRequestSchema, response: z.strictObject({ recorded: z.literal(true) }) },
  speak: { request: speakRequestSchema, response: speakResponseSchema },
  itinerary: { request: itineraryRequestSchema, response: itineraryResponseSchema },
  print: { request: printRequestSchema, response: printJobSchema },
  printJob: { request: z.strictObject({ id: z.uuid() }), response: printJobSchema },
  printPresets: { request: noArguments, response: printPresetsResponseSchema },
  savePrintPreset: { request: printPresetSchema, response: z.strictObject({ id: z.int().positive() }) },
  deletePrintPreset: { request: z.strictObject({ id: z.int().positive() }), response: z.strictObject({ deleted: z.literal(true) }) },
  printers: { request: noArguments, response: printersResponseSchema },
  usage: { request: usageEventSchema, response: z.strictObject({ counted: z.literal(true) }) },
  staffUnlock: { request: staffUnlockRequestSchema, response: staffUnlockResponseSchema },
  staffLock: { request: noArguments, response: z.strictObject({ locked: z.boolean() }) },
  staffOverview: { request: noArguments, response: staffOverviewSchema },
  staffSync: { request: staffSyncRequestSchema, response: staffSyncResponseSchema },
  staffReports: { request: noArguments, response: staffReportsResponseSchema },
  staffExport: { request: staffExportRequestSchema, response: staffExportResponseSchema },
  staffUsage: { request: staffUsageRequestSchema, response: staffUsageResponseSchema },
  staffTestPrint: { request: noArguments, response: printJobSchema },
} satisfies Record<KioskMethod, { request: z.ZodType; response: z.ZodType }>;

// Compile-time check that the schema table names exactly the methods of methods.ts.
type SameKeys<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : never;
const sameMethods: SameKeys<keyof typeof kioskContract, KioskMethod> = true;
void sameMethods;

export type KioskRequest<M extends KioskMethod> = z.input<(typeof kioskContract)[M]['request']>;
export type KioskResponse<M extends KioskMethod> = z.output<(typeof kioskContract)[M]['response']>;

export type KioskStatus = KioskResponse<'status'>;
export type CategoriesResponse = KioskResponse<'categories'>;
export type PlaceViewResponse = KioskResponse<'place'>;
export type ItineraryResponse = KioskResponse<'itinerary'>;
export type PrintJobResponse = KioskResponse<'printJob'>;

/** What the dispatcher knows of a call besides its request: whether it carries a valid staff token. */
export interface CallContext {
  staff: boolean;
  /** The token the call carried (valid or not); staffLock ends the staff session it names. */
  staffToken: string | null;
}

/** What the UI sees: one async function per method. The handler table has the same shape (the dispatcher adds the call's context). */
export type KioskApi = { [M in KioskMethod]: (request: KioskRequest<M>, call?: CallContext) => Promise<KioskResponse<M>> };
