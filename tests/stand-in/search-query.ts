/**
 * Which stored places a partner's search returns, in which order, which page (API.md §1.4–1.5;
 * `generate-search-query.ts`, `parse-categories.ts`, `parse-publics.ts`, `parse-modalities.ts`,
 * `parse-open-today.ts`, `parse-updated-at.ts`, `generate-search-options.ts`).
 */
import type { StandInAccount } from './stand-in-server';
import { territoriesOf } from './auth';
import { inAccountTerritory, locationFilter, SearchError, type LocationFilter } from './search-location';
import { slugString, type SearchPublics, type SearchRequest } from './search-validation';
import { isJsonObject, type JsonObject, type StoredPlace, type StoredService } from './stored-shapes';
import { DEFAULT_EXCLUDED_CATEGORIES, type Taxonomy } from './taxonomy';

export interface Match {
  place: StoredPlace;
  /** Metres, only for `position` searches with coordinates. */
  distance?: number;
}

export interface SearchPage {
  nbResults: number;
  matches: Match[];
}

type Test = (holder: { publics?: unknown; modalities?: unknown; isOpenToday?: unknown }) => boolean;

function pick(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) current = isJsonObject(current) ? current[key] : undefined;
  return current;
}

/** MongoDB equality on one stored value: `null` matches missing, arrays match on any element. */
function mongoEquals(stored: unknown, wanted: unknown): boolean {
  if (wanted === null) return stored === null || stored === undefined;
  if (Array.isArray(stored) && !Array.isArray(wanted) && stored.some((item) => mongoEquals(item, wanted))) return true;
  return JSON.stringify(stored) === JSON.stringify(wanted);
}

/** Publics / modalities / openToday conditions, each on one holder (a service or the place). */
function holderTests(publics: SearchPublics | undefined, modalities: JsonObject | undefined, openToday: boolean): Test[] {
  const tests: Test[] = [];
  if (publics) {
    const age = publics.age;
    if (age !== undefined && age > 0 && age < 99) {
      tests.push((h) => Number(pick(h.publics, 'age.min')) <= age && Number(pick(h.publics, 'age.max')) >= age);
    }
    if (typeof publics.accueil === 'number') tests.push((h) => pick(h.publics, 'accueil') === publics.accueil);
    for (const key of ['gender', 'administrative', 'familialle', 'other'] as const) {
      const wanted = publics[key];
      if (!Array.isArray(wanted)) continue;
      tests.push((h) => wanted.some((value) => mongoEquals(pick(h.publics, key), value)));
    }
  }
  for (const [key, wanted] of Object.entries(modalities ?? {})) {
    // `inconditionnel` is a plain boolean, the others `{checked}` (parse-modalities.ts).
    const path = key === 'inconditionnel' ? key : `${key}.checked`;
    tests.push((h) => mongoEquals(pick(h.modalities, path), wanted));
  }
  if (openToday) tests.push((h) => h.isOpenToday === true);
  return tests;
}

/** The leaves a search looks for, or the leaves it excludes (parse-categories.ts, §1.4). */
function serviceCategoryTest(request: SearchRequest, account: StandInAccount, taxonomy: Taxonomy): { inService: boolean; test: (category: unknown) => boolean } {
  const limitations = account.categoriesLimitations ?? [];
  const named = request.category !== undefined ? [request.category] : (request.categories ?? []);
  const inService = request.category !== undefined || request.categories !== undefined || limitations.length > 0;
  const categories = named.length === 0 && limitations.length > 0 ? limitations : named;
  // Only the excluded id itself lifts its exclusion: naming `addiction_care` alone keeps
  // `addictions` excluded, and so its own leaf (the code, against API.md's wording).
  const excluded = new Set(taxonomy.leavesOf(DEFAULT_EXCLUDED_CATEGORIES.filter((id) => !categories.includes(id))));
  let wanted = taxonomy.leavesOf(categories).filter((leaf) => !excluded.has(leaf));
  if (limitations.length > 0) {
    const allowed = new Set(taxonomy.leavesOf(limitations));
    wanted = wanted.filter((leaf) => allowed.has(leaf));
  }
  const wantedSet = new Set(wanted);
  if (categories.length > 0) return { inService, test: (category) => wantedSet.has(String(category)) };
  // `categories: []`: an empty `$elemMatch`, any service matches.
  if (inService) return { inService, test: () => true };
  // Default search: `$nin` of the excluded leaves (a service without category matches too).
  return { inService, test: (category) => !excluded.has(String(category)) };
}

function updatedAtTest(request: SearchRequest): ((place: StoredPlace) => boolean) | null {
  const day = request.updatedAt?.value;
  if (!day) return null;
  const from = day.getTime();
  const endOfDay = new Date(day);
  endOfDay.setUTCHours(23, 59, 59, 999);
  const at = (place: StoredPlace): number => (place.updatedByUserAt ? Date.parse(place.updatedByUserAt) : NaN);
  // It filters `updatedByUserAt`, not `updatedAt` (§1.3, §5.4); a missing value never matches.
  switch (request.updatedAt?.intervalType) {
    case 'SPECIFIC_DAY':
      return (place) => at(place) >= from && at(place) <= endOfDay.getTime();
    case 'BEFORE_DAY':
      return (place) => at(place) <= from;
    case 'AFTER_DAY':
      return (place) => at(place) >= from;
    default:
      return null;
  }
}

function placeTest(request: SearchRequest, account: StandInAccount, taxonomy: Taxonomy, locations: LocationFilter[]): (place: StoredPlace) => boolean {
  const departments = new Set(account.departments);
  const { inService, test: categoryOk } = serviceCategoryTest(request, account, taxonomy);
  const holder = holderTests(request.publics, request.modalities, request.openToday === true);
  const services = (place: StoredPlace): StoredService[] => (Array.isArray(place.services_all) ? place.services_all : []);
  const serviceOk = (service: StoredService): boolean => isJsonObject(service) && categoryOk(service.category) && holder.every((t) => t(service));
  const updated = updatedAtTest(request);
  const word = request.word;
  return (place) => {
    if (place.status !== 'ONLINE' || place.visibility !== 'ALL' || place.placeType !== request.placeType) return false;
    if (!inAccountTerritory(place, departments)) return false;
    if (!locations.some((location) => location.matches(place))) return false;
    if (request.languages !== undefined && !(place.languages ?? []).includes(request.languages)) return false;
    if (word !== undefined && !String(place.slugs?.infos?.name ?? slugString(place.name ?? '')).includes(word)) return false;
    if (updated && !updated(place)) return false;
    if (services(place).some(serviceOk)) return true;
    // Without a category, the place-level values may satisfy publics/modalities/openToday instead,
    // provided some service is outside the default exclusions (`$or`, §1.4).
    return !inService && holder.every((t) => t(place)) && services(place).some((s) => isJsonObject(s) && categoryOk(s.category));
  };
}

/** BSON order for sorting: missing/null, numbers, strings, objects, booleans, dates (§1.5: binary collation). */
function sortKey(match: Match, field: string): [number, number | string] {
  const value = field === 'distance' ? match.distance : pick(match.place, field);
  if (value === null || value === undefined) return [0, 0];
  if ((field === 'createdAt' || field === 'updatedAt') && typeof value === 'string') return [9, Date.parse(value)];
  if (typeof value === 'number') return [1, value];
  if (typeof value === 'string') return [2, value];
  if (typeof value === 'boolean') return [8, value ? 1 : 0];
  return [3, JSON.stringify(value)];
}

function compareKeys(a: [number, number | string], b: [number, number | string]): number {
  if (a[0] !== b[0]) return a[0] - b[0];
  if (a[1] === b[1]) return 0;
  return a[1] < b[1] ? -1 : 1;
}

/** The whole search: filters, natural or distance order, explicit sort, then the page (§1.5). */
export function searchPlaces(places: readonly StoredPlace[], request: SearchRequest, account: StandInAccount, taxonomy: Taxonomy): SearchPage {
  const territories = territoriesOf(account);
  const locations = (request.locations ?? (request.location ? [request.location] : [])).map((location) =>
    locationFilter(location, request.placeType, account.departments, territories),
  );
  if (locations.length === 0) locations.push({ matches: () => true });
  const geo = locations.find((location) => location.distance);
  const test = placeTest(request, account, taxonomy, locations);

  let matches: Match[] = [];
  for (const place of places) {
    if (!test(place)) continue;
    if (geo?.distance) {
      const meters = geo.distance(place);
      if (meters === null || meters > (geo.maxMeters ?? Infinity)) continue;
      matches.push({ place, distance: meters });
    } else {
      matches.push({ place });
    }
  }
  // `$geoNear` yields distance order (stable on insertion order for ties, as the fixtures assume).
  if (geo) matches.sort((a, b) => (a.distance ?? 0) - (b.distance ?? 0));

  const nbResults = matches.length;
  // With no result the API keeps its defaults and never applies the options: no 500 then.
  if (nbResults === 0) return { nbResults, matches };
  const { sortBy, sortValue } = request.options;
  const limit = request.options.limit ?? 20;
  const page = request.options.page ?? 1;
  if (sortBy && sortValue) {
    // MongoDB's `$sort` takes only the numbers 1 / -1: the string "-1" fails the pipeline (§6.18).
    if (typeof sortValue !== 'number') throw new SearchError(`Illegal $sort value ${JSON.stringify(sortValue)}`);
    const field = String(sortBy);
    const keyed = matches.map((match) => ({ match, key: sortKey(match, field) }));
    keyed.sort((a, b) => compareKeys(a.key, b.key) * sortValue);
    matches = keyed.map((entry) => entry.match);
  }
  // `limit: 0` ⇒ no `$limit` and no `$skip`; negative limit or skip ⇒ MongoDB error (§1.5).
  const skip = limit ? (page - 1) * limit : 0;
  if (limit < 0 || skip < 0) throw new SearchError(`Invalid $skip ${skip} / $limit ${limit}`);
  return { nbResults, matches: limit ? matches.slice(skip, skip + limit) : matches.slice(skip) };
}
