/**
 * Shared by the stand-in's tests: the Soliguide fixtures (read in place from `../shared`, never
 * copied), small hand-made places derived from a fixture place, and fetch helpers.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JsonObject, StoredPlace, StoredTranslation } from './stored-shapes';
import { startStandIn, type StandIn, type StandInAccount, type StandInOptions } from './stand-in-server';

const FIXTURES = fileURLToPath(new URL('../../../shared/soliguide/fixtures/', import.meta.url));

const parsed = new Map<string, unknown>();

/** A fresh copy of a fixture file (parsed once): API documents, checked by the tests themselves. */
export function fixture<T = unknown>(name: string): T {
  return structuredClone(parsedOnce(name)) as T;
}

function parsedOnce(name: string): unknown {
  if (!parsed.has(name)) parsed.set(name, JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8')));
  return parsed.get(name);
}

export const storedPlaces = (): StoredPlace[] => fixture<StoredPlace[]>('places-db.json');
export const storedTranslations = (): StoredTranslation[] => fixture<StoredTranslation[]>('translated-places-db.json');

/** The fixtures' partner: API user of Paris (test users `USER_API_PARIS`, API.md §4). */
export const PARIS: StandInAccount = { token: 'paris-token', departments: ['75'] };

export function storedPlace(lieuId: number): StoredPlace {
  const place = (parsedOnce('places-db.json') as StoredPlace[]).find((candidate) => candidate.lieu_id === lieuId);
  if (!place) throw new Error(`no place ${lieuId} in places-db.json`);
  return structuredClone(place);
}

/**
 * A hand-made place: fixture place 7 (ONLINE, Paris 3e, one emergency_accommodation service) with
 * a new id and the given changes applied on top. `services` replaces the categories of its services.
 */
export function madePlace(lieuId: number, changes: Partial<StoredPlace> & { services?: string[] } = {}): StoredPlace {
  const base = storedPlace(7);
  const { services, ...rest } = changes;
  const template = base.services_all?.[0] ?? {};
  const place: StoredPlace = {
    ...base,
    _id: `aaaaaaaaaaaaaaaa${String(lieuId).padStart(8, '0')}`,
    lieu_id: lieuId,
    seo_url: `made-place-${lieuId}`,
    name: `Made place ${lieuId}`,
    slugs: { infos: { name: `made place ${lieuId}` } },
    ...rest,
  };
  if (services) place.services_all = services.map((category) => ({ ...structuredClone(template), category }));
  return place;
}

export async function startWith(options: Partial<StandInOptions> & { places: StoredPlace[] }): Promise<StandIn> {
  return startStandIn({ port: 0, accounts: [PARIS], ...options });
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: () => unknown;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as unknown };
}

export interface CallOptions {
  token?: string | null;
  authorization?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function headersFor(options: CallOptions): Record<string, string> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.authorization !== undefined) headers.Authorization = options.authorization;
  else if (options.token !== null) headers.Authorization = `JWT ${options.token ?? PARIS.token}`;
  return headers;
}

export async function postJson(standIn: StandIn, path: string, body: unknown, options: CallOptions = {}): Promise<Answer> {
  const init: RequestInit = { method: 'POST', headers: { 'Content-Type': 'application/json', ...headersFor(options) }, body: JSON.stringify(body) };
  if (options.signal) init.signal = options.signal;
  return answer(await fetch(`${standIn.url}${path}`, init));
}

export async function getPath(standIn: StandIn, path: string, options: CallOptions = {}): Promise<Answer> {
  const init: RequestInit = { headers: headersFor(options) };
  if (options.signal) init.signal = options.signal;
  return answer(await fetch(`${standIn.url}${path}`, init));
}

export interface SearchAnswer {
  nbResults: number;
  places: JsonObject[];
}

/** A search that must succeed: the parsed `{nbResults, places}`. */
export async function search(standIn: StandIn, body: unknown, options: CallOptions & { lang?: string } = {}): Promise<SearchAnswer> {
  const reply = await postJson(standIn, options.lang ? `/new-search/${options.lang}` : '/new-search', body, options);
  if (reply.status !== 200) throw new Error(`search answered ${reply.status}: ${reply.text.slice(0, 300)}`);
  return reply.json() as SearchAnswer;
}

export const ids = (answer: SearchAnswer): number[] => answer.places.map((place) => place.lieu_id as number);

/** Every category id, so that nothing is excluded by default (API.md §1.4, full-territory query). */
export const ALL_CATEGORIES = [
  'welcome', 'activities', 'food', 'counseling', 'training_and_jobs', 'accomodation_and_housing', 'hygiene_and_wellness',
  'equipment', 'health', 'technology', 'mobility', 'addictions', 'toilets', 'wifi', 'electrical_outlets_available', 'fountain',
];
