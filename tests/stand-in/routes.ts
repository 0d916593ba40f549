/**
 * The three partner routes (API.md §1.1): `POST /new-search[/:lang]`, `GET /place/:id[/:lang]`,
 * `GET /v2/categories`, plus the neighbours a partner can stumble on (admin search, favourites
 * lookup) and the 404 of everything else. Auth has already run (auth.ts).
 */
import type { StandInAccount } from './stand-in-server';
import type { Caller } from './auth';
import { territoriesOf } from './auth';
import { corruptCategoryNodes, corruptRecords } from './faults';
import { htmlErrorReply, jsonPiecesReply, jsonReply, type Reply } from './http-delivery';
import { finishPlaceDocument, placeDocument, SearchProjection } from './projection';
import { SearchError } from './search-location';
import { searchPlaces, type SearchPage } from './search-query';
import { validateSearch, type SearchRequest } from './search-validation';
import type { JsonObject, StoredPhoto, StoredPlace, StoredTranslation } from './stored-shapes';
import type { Taxonomy } from './taxonomy';
import { SUPPORTED_LANGUAGES, translatePlaceDocument, translateSearchItems } from './translation';

export interface Directory {
  places: StoredPlace[];
  translations: StoredTranslation[];
  photos: Map<string, StoredPhoto>;
  byLieuId: Map<number, StoredPlace>;
  bySeoUrl: Map<string, StoredPlace>;
  /** Default search items already serialised (no distance, no translation), per stored place. */
  itemCache: WeakMap<StoredPlace, string>;
  /**
   * Every match of a query, in order, per query without its page: a pass asks for the same query
   * page after page, and filtering and sorting 50 000 documents for each page made the stand-in,
   * not the client, the bottleneck of the sync bench. Valid until the places change.
   */
  queryCache: Map<string, SearchPage>;
}

export function indexDirectory(places: StoredPlace[], translations: StoredTranslation[], photos: readonly StoredPhoto[]): Directory {
  const byLieuId = new Map<number, StoredPlace>();
  const bySeoUrl = new Map<string, StoredPlace>();
  for (const place of places) {
    if (!byLieuId.has(place.lieu_id)) byLieuId.set(place.lieu_id, place);
    // `findOne({seo_url})`: the first in natural order (seo_url is not unique in the test data, §6.16).
    if (place.seo_url !== undefined && !bySeoUrl.has(place.seo_url)) bySeoUrl.set(place.seo_url, place);
  }
  return {
    places,
    translations,
    photos: new Map(photos.map((photo) => [photo._id, photo])),
    byLieuId,
    bySeoUrl,
    itemCache: new WeakMap(),
    queryCache: new Map(),
  };
}

/** Serialises the default search item of every public place now, as a server would have it warm. */
export function prerenderSearchItems(directory: Directory): number {
  const projection = new SearchProjection(undefined);
  let count = 0;
  for (const place of directory.places) {
    if (place.status !== 'ONLINE' || place.visibility !== 'ALL' || directory.itemCache.has(place)) continue;
    directory.itemCache.set(place, JSON.stringify(projection.project(place)));
    count++;
  }
  return count;
}

/** The page of a query from its cached full result, for plain positive paging (the errors keep their path). */
function cachedSearch(directory: Directory, query: SearchRequest, account: StandInAccount, taxonomy: Taxonomy): SearchPage {
  const { page = 1, limit = 20 } = query.options;
  if (!Number.isInteger(page) || !Number.isInteger(limit) || page < 1 || limit < 1) {
    return searchPlaces(directory.places, query, account, taxonomy);
  }
  const key = `${account.token}\n${JSON.stringify({ ...query, options: { ...query.options, page: null, limit: null } })}`;
  let all = directory.queryCache.get(key);
  if (!all) {
    all = searchPlaces(directory.places, { ...query, options: { ...query.options, page: 1, limit: 0 } }, account, taxonomy);
    directory.queryCache.set(key, all);
  }
  return { nbResults: all.nbResults, matches: all.matches.slice((page - 1) * limit, page * limit) };
}

export interface RouteRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** `req.originalUrl`, for the 404 message. */
  url: string;
  body: unknown;
  caller: Caller;
  /** How many records of a 200 answer get wrong types (fault), given the page. */
  wrongTypes: (page: number | null) => number;
}

export interface Routed {
  reply: Reply;
  /** The page a search asked for (`options.page`, default 1); `null` elsewhere. */
  page: number | null;
  route: 'search' | 'place' | 'categories' | 'other';
}

const message = (status: number, text: string): Reply => jsonReply(status, { message: text });
const notFound = (url: string): Routed => ({ reply: message(404, `Route ${url} not found.`), page: null, route: 'other' });
/** The website's behaviour (no token, Soliguide origin) has other projections and rules (§1.4, §1.7). */
const websiteNotServed = (route: Routed['route']): Routed => ({ reply: message(501, 'STAND_IN_SERVES_API_USERS_ONLY'), page: null, route });

function requestedPage(body: unknown): number {
  const page = (body as { options?: { page?: unknown } } | null)?.options?.page;
  const parsed = parseInt(String(page), 10);
  return Number.isNaN(parsed) ? 1 : parsed;
}

function search(request: RouteRequest, account: StandInAccount, lang: string | undefined, directory: Directory, taxonomy: Taxonomy): Routed {
  const page = requestedPage(request.body);
  const routed = (reply: Reply): Routed => ({ reply, page, route: 'search' });
  // `handleLanguage` runs before the DTO: an unknown language is an exception ⇒ Express' 500 page.
  if (lang !== undefined && !SUPPORTED_LANGUAGES.includes(lang)) return routed(htmlErrorReply(500));
  const validated = validateSearch(request.body, taxonomy);
  if ('errors' in validated) return routed(jsonReply(400, validated.errors));
  try {
    const { request: query } = validated;
    const projection = new SearchProjection(typeof query.options.fields === 'string' ? query.options.fields : undefined);
    // A non-string `fields` survives validation and then breaks `fields.split` (§1.7).
    if (query.options.fields && typeof query.options.fields !== 'string') throw new SearchError('options.fields is not a string');
    const found = cachedSearch(directory, query, account, taxonomy);
    const corrupt = request.wrongTypes(page);
    const plain = !query.options.fields && lang === undefined && corrupt === 0;
    const pieces: string[] = [`{"nbResults":${found.nbResults},"places":[`];
    if (plain) {
      found.matches.forEach((match, index) => {
        let json = directory.itemCache.get(match.place);
        if (json === undefined) {
          json = JSON.stringify(projection.project(match.place));
          directory.itemCache.set(match.place, json);
        }
        // `distance` is the last key, where `$geoNear` appends it.
        if (match.distance !== undefined) json = `${json.slice(0, -1)},"distance":${JSON.stringify(match.distance)}}`;
        pieces.push(index === 0 ? json : `,${json}`);
      });
    } else {
      const items = found.matches.map((match) => projection.project(match.place, match.distance));
      if (lang !== undefined) translateSearchItems(items, directory.translations, lang);
      corruptRecords(items, corrupt);
      items.forEach((item, index) => pieces.push(index === 0 ? JSON.stringify(item) : `,${JSON.stringify(item)}`));
    }
    pieces.push(']}');
    return routed(jsonPiecesReply(200, pieces));
  } catch (error) {
    if (error instanceof SearchError) return routed(message(500, 'SEARCH_ERROR'));
    throw error;
  }
}

/** `canGetPlace` for an API user (places.guard.ts, §1.9). */
function mayGetPlace(place: StoredPlace, account: StandInAccount, taxonomy: Taxonomy): boolean {
  if (place.visibility === 'PRO' || place.placeType !== 'LIEU') return false;
  const territories = territoriesOf(account);
  const department = place.position?.departmentCode;
  const services = place.services_all ?? [];
  const limitations = account.categoriesLimitations ?? [];
  if (place.status === 'ONLINE') {
    if (!place.position || (territories.length > 0 && !territories.includes(String(department)))) return false;
    const leaves = taxonomy.leavesOf(limitations);
    return leaves.length === 0 || services.some((service) => service.category !== undefined && leaves.includes(service.category));
  }
  if (place.status === 'OFFLINE') {
    if (territories.length > 0 && !territories.includes(String(department))) return false;
    // The OFFLINE branch compares the raw limitations, not their leaves.
    return limitations.length === 0 || services.some((service) => service.category !== undefined && limitations.includes(service.category));
  }
  return false;
}

function getPlace(segments: string[], request: RouteRequest, account: StandInAccount, directory: Directory, taxonomy: Taxonomy): Routed {
  const routed = (reply: Reply): Routed => ({ reply, page: null, route: 'place' });
  const [rawId = '', lang] = segments;
  let id: string;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    return routed(htmlErrorReply(400));
  }
  if (id === 'null') return routed(message(400, 'LIEU_ID_NOT_EXIST'));
  const place = /^\d+$/.test(id) ? directory.byLieuId.get(parseInt(id, 10)) : directory.bySeoUrl.get(id);
  if (!place) return routed(message(404, 'PLACE_NOT_EXIST'));
  if (!mayGetPlace(place, account, taxonomy)) return routed(message(403, 'FORBIDDEN_USER'));
  // The guards run before `handleLanguage` on this route.
  if (lang !== undefined && !SUPPORTED_LANGUAGES.includes(lang)) return routed(htmlErrorReply(500));
  let doc: JsonObject = placeDocument(place, directory.photos);
  if (lang !== undefined) doc = translatePlaceDocument(doc, directory.translations, lang);
  doc = finishPlaceDocument(doc);
  corruptRecords([doc], request.wrongTypes(null));
  return routed(jsonReply(200, doc, true));
}

export function route(request: RouteRequest, directory: Directory, taxonomy: Taxonomy): Routed {
  // Express routing ignores one trailing slash.
  const segments = request.path.replace(/\/$/, '').split('/').slice(1);
  const [first, second, third, ...rest] = segments;
  const account = request.caller.kind === 'api-user' ? request.caller.account : null;

  if (first === 'new-search' && request.method === 'POST' && third === undefined) {
    if (second === 'admin-search' || second === 'admin-search-to-add-place-in-orga') return { reply: message(403, 'FORBIDDEN'), page: null, route: 'other' };
    if (!account) return websiteNotServed('search');
    return search(request, account, second, directory, taxonomy);
  }
  if (first === 'place' && second === 'lookup' && request.method === 'POST' && rest.length === 0) {
    // Favourites are for the mobile app and the web app only.
    return { reply: message(403, 'FORBIDDEN'), page: null, route: 'other' };
  }
  if (first === 'place' && request.method === 'GET' && second !== undefined && second !== '' && rest.length === 0) {
    if (!account) return websiteNotServed('place');
    return getPlace([second, ...(third === undefined ? [] : [third])], request, account, directory, taxonomy);
  }
  if (first === 'v2' && second === 'categories' && third === undefined && request.method === 'GET') {
    if (!account) return { reply: message(403, 'FORBIDDEN'), page: null, route: 'categories' };
    const tree = taxonomy.apiTree();
    corruptCategoryNodes(tree, request.wrongTypes(null));
    return { reply: jsonReply(200, tree, true), page: null, route: 'categories' };
  }
  return notFound(request.url);
}
