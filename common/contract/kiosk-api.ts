/**
 * The one contract between the UI and the kiosk's Node side. Every method has a request and a
 * response schema; the types below are derived from them, and the HTTP host, the Electron IPC
 * registration, the preload and the renderer's client are all derived from this table.
 */
import { z } from 'zod';
import { KIOSK_LANGUAGES } from '../i18n/languages';
import type { KioskMethod } from './methods';

export const languageCodeSchema = z.enum(KIOSK_LANGUAGES);

const isoInstant = z.iso.datetime({ offset: true });

export const kioskStatusSchema = z.strictObject({
  kiosk: z.strictObject({
    id: z.string(),
    name: z.string(),
    /** Shown to people: "CAF du Bas-Rhin — Strasbourg". */
    label: z.string(),
    address: z.string(),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
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

export const kioskContract = {
  status: { request: noArguments, response: kioskStatusSchema },
  categories: { request: noArguments, response: categoriesResponseSchema },
} satisfies Record<KioskMethod, { request: z.ZodType; response: z.ZodType }>;

// Compile-time check that the schema table names exactly the methods of methods.ts.
type SameKeys<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : never;
const sameMethods: SameKeys<keyof typeof kioskContract, KioskMethod> = true;
void sameMethods;

export type KioskRequest<M extends KioskMethod> = z.input<(typeof kioskContract)[M]['request']>;
export type KioskResponse<M extends KioskMethod> = z.output<(typeof kioskContract)[M]['response']>;

export type KioskStatus = KioskResponse<'status'>;
export type CategoriesResponse = KioskResponse<'categories'>;

/** What the UI sees: one async function per method. The handler table has the same shape. */
export type KioskApi = { [M in KioskMethod]: (request: KioskRequest<M>) => Promise<KioskResponse<M>> };
