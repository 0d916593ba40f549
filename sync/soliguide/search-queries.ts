/**
 * The request bodies of a full or light pass (API.md §1.4 "Full-territory query"): no location
 * filter (the account's territory applies), every root category **and** the categories hidden by
 * default named explicitly (§6 trap 4), deterministic paging sorted by lieu_id with a numeric
 * sortValue (§6 traps 3 and 18).
 */
import type { PlaceType } from './map-place';

/** Excluded from parent-category searches unless named (DEFAULT_SERVICES_TO_EXCLUDE_WITH_ADDICTION). */
export const HIDDEN_BY_DEFAULT = ['addictions', 'toilets', 'wifi', 'electrical_outlets_available', 'fountain'];

export interface PageRequest {
  placeType: PlaceType;
  page: number;
  limit: number;
  /** Light refresh: places edited on or after this UTC day (filters updatedByUserAt, §1.3). */
  updatedSince?: string;
}

export function searchBody(rootCategories: readonly string[], request: PageRequest): Record<string, unknown> {
  const body: Record<string, unknown> = {
    location: { geoType: 'inconnu' },
    categories: [...new Set([...rootCategories, ...HIDDEN_BY_DEFAULT])],
    placeType: request.placeType,
    options: { page: request.page, limit: request.limit, sortBy: 'lieu_id', sortValue: 1 },
  };
  if (request.updatedSince) body.updatedAt = { intervalType: 'AFTER_DAY', value: request.updatedSince };
  return body;
}
