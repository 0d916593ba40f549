/**
 * The stored MongoDB shapes the stand-in serves from (collection `lieux` and `translatedPlaces`,
 * JSON-serialised as in `soliguide/fixtures/places-db.json` and `translated-places-db.json`).
 *
 * Loose and structural on purpose: only the fields the stand-in reads are named, all optional,
 * so that both the fixture documents (legacy, partial) and the generator's strict
 * `sync/generator/stored-place.ts` types fit (no index signature: an interface such as the
 * generator's is not assignable to one). Everything else passes through untouched: the GET route
 * returns the whole stored document (API.md §1.9).
 */

/** A position as stored (API.md §2.2), legacy duplicates and `slugs` included. */
export interface StoredPosition {
  address?: string | null;
  complementAdresse?: string | null;
  departmentCode?: string;
  postalCode?: string;
  city?: string;
  department?: string;
  region?: string;
  country?: string;
  location?: { type?: string; coordinates?: readonly number[] };
  slugs?: { city?: string | null; departement?: string | null; department?: string | null; region?: string | null };
}

export interface StoredService {
  category?: string;
  isOpenToday?: boolean;
  modalities?: object;
  publics?: object;
  categorySpecificFields?: object;
}

/** A place document of collection `lieux`; dates are ISO strings, ObjectIds 24-hex strings. */
export interface StoredPlace {
  _id: string;
  lieu_id: number;
  seo_url?: string;
  name?: string;
  description?: string | null;
  status?: string;
  visibility?: string;
  placeType?: string;
  country?: string;
  languages?: string[];
  isOpenToday?: boolean;
  updatedByUserAt?: string | null;
  createdAt?: string;
  updatedAt?: string;
  position?: StoredPosition;
  parcours?: { position?: StoredPosition }[];
  modalities?: object;
  publics?: object;
  services_all?: StoredService[];
  /** Photo ObjectIds (as stored) or already populated photo documents. */
  photos?: unknown[];
  slugs?: { infos?: { name?: string | null } };
  /**
   * Not stored on real places (a `$lookup` on collection `organization` adds it to GET answers);
   * when present, GET returns it instead of `[]`. Search never returns it.
   */
  organizations?: { name: string; organization_id: number }[];
}

/**
 * A `translatedPlaces` document: per language, the translated text fields of the place. Service
 * entries are stored with dotted keys ("publics.description"), which the API's `dot.pick` never
 * reads (it walks nested objects): service translations are in effect ignored (§1.8).
 */
export interface StoredTranslation {
  lieu_id?: number;
  placeObjectId: string;
  languages: { [lang: string]: { place?: object } | undefined };
}

/** A populated photo document (collection `photos`), as `GET /place` embeds it (API.md §1.9). */
export interface StoredPhoto {
  _id: string;
}

/** Any JSON object. */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A stored document seen as plain JSON, for the generic steps (projection, translation, GET). */
export function asJson(document: StoredPlace): JsonObject {
  return document as unknown as JsonObject;
}
