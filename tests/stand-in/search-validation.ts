/**
 * The `POST /new-search` body checks, as express-validator 7 runs the DTO chains (API.md §1.3):
 * every failing validator of a chain adds one `{type, value?, msg, path, location}` entry (so one
 * field can fail twice), `value` is absent when the field is undefined, sanitizers (`toInt`,
 * defaults) apply to what the query builder then reads. Chains run in `searchDto`'s order.
 */
import { isJsonObject, type JsonObject } from './stored-shapes';
import { LEGACY_CATEGORY_IDS, type Taxonomy } from './taxonomy';

export interface ValidationError {
  type: 'field';
  value?: unknown;
  msg: string;
  path: string;
  location: 'body';
}

export interface SearchLocation {
  geoType: string;
  geoValue?: unknown;
  coordinates?: unknown;
  distance?: unknown;
  country?: unknown;
}

export interface SearchPublics {
  age?: number;
  accueil?: unknown;
  gender?: unknown;
  administrative?: unknown;
  familialle?: unknown;
  other?: unknown;
}

export interface SearchRequest {
  location?: SearchLocation;
  locations?: SearchLocation[];
  category?: string;
  categories?: string[];
  placeType: string;
  word?: string;
  publics?: SearchPublics;
  modalities?: JsonObject;
  languages?: string;
  openToday?: boolean;
  updatedAt?: { intervalType?: unknown; value?: Date };
  options: { page?: number; limit?: number; sortBy?: unknown; sortValue?: unknown; fields?: unknown };
}

const GEO_TYPES = ['position', 'ville', 'codePostal', 'departement', 'region', 'pays', 'citiesGroup', 'inconnu'];
const SORT_FIELDS = ['createdAt', 'lieu_id', 'name', 'distance', 'slugs.infos.name', 'status', 'updatedAt'];
const PUBLICS_VALUES: Readonly<Record<string, { label: string; values: string[] }>> = {
  gender: { label: 'Gender', values: ['men', 'women'] },
  administrative: { label: 'Administrative situation', values: ['regular', 'asylum', 'refugee', 'undocumented'] },
  familialle: { label: 'Family situation', values: ['isolated', 'family', 'couple', 'pregnant'] },
  other: { label: 'Other situation', values: ['addiction', 'handicap', 'hiv', 'lgbt', 'prison', 'prostitution', 'student', 'mentalHealth', 'violence'] },
};

/** validator.js works on `String(value)`; `null`/`undefined` become "". */
const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
const isNumeric = (value: unknown): boolean => /^[+-]?([0-9]*[.])?[0-9]+$/.test(text(value));
const isIn = (value: unknown, allowed: readonly unknown[]): boolean => allowed.map(String).includes(text(value));
/** `exists(CHECK_STRING_NULL)`: undefined and null both count as absent. */
const present = (value: unknown): boolean => value !== undefined && value !== null;

/**
 * `slugString` (the form of `slugs.infos.name`, e.g. "lieu_infos_temp_active", and of `word`):
 * no accents, lower case, anything but letters, digits and `_` as one space.
 */
export function slugString(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, ' ')
    .trim();
}

class Errors {
  readonly list: ValidationError[] = [];
  add(path: string, value: unknown, msg = 'Invalid value'): void {
    this.list.push(value === undefined ? { type: 'field', msg, path, location: 'body' } : { type: 'field', value, msg, path, location: 'body' });
  }
}

function checkLocation(raw: unknown, prefix: string, errors: Errors): SearchLocation {
  const location = isJsonObject(raw) ? raw : {};
  const rawGeoType = location.geoType;
  if (rawGeoType === undefined) errors.add(`${prefix}geoType`, undefined);
  // `customSanitizer(v => !v ? "inconnu" : v)` runs before `isIn`, and before the other chains read it.
  const geoType = rawGeoType ? rawGeoType : 'inconnu';
  if (!isIn(geoType, GEO_TYPES)) errors.add(`${prefix}geoType`, geoType);
  if (geoType !== 'position' && geoType !== 'inconnu' && !present(location.geoValue)) errors.add(`${prefix}geoValue`, location.geoValue);
  if (text(geoType) === 'position') {
    const coordinates = location.coordinates;
    if (!present(coordinates)) errors.add(`${prefix}coordinates`, coordinates);
    // `notEmpty` runs on each element of an array: `[]` passes (and then disables the geo filter).
    const items = Array.isArray(coordinates) ? coordinates : [coordinates];
    if (items.some((item) => text(item) === '')) errors.add(`${prefix}coordinates`, coordinates);
    if (location.distance && !isNumeric(location.distance)) errors.add(`${prefix}distance`, location.distance);
  }
  return { ...location, geoType: String(geoType) };
}

function checkOptions(body: JsonObject, errors: Errors): SearchRequest['options'] {
  const options = isJsonObject(body.options) ? body.options : {};
  const sortValue = options.sortValue;
  if (present(sortValue)) {
    if (!isNumeric(sortValue)) errors.add('options.sortValue', sortValue);
    if (!isIn(sortValue, [1, -1])) errors.add('options.sortValue', sortValue);
  }
  const integer = (key: 'page' | 'limit'): number | undefined => {
    const value = options[key];
    if (!present(value)) return undefined;
    if (!isNumeric(value)) errors.add(`options.${key}`, value);
    return parseInt(text(value), 10);
  };
  const page = integer('page');
  const limit = integer('limit');
  const fields = typeof options.fields === 'string' ? options.fields.trim() : options.fields;
  return { page, limit, sortBy: options.sortBy, sortValue, fields };
}

function checkPublics(raw: unknown, errors: Errors): SearchPublics | undefined {
  if (!raw) return undefined;
  const publics: JsonObject = isJsonObject(raw) ? { ...raw } : {};
  if (present(publics.accueil) && !isIn(publics.accueil, [0, 1, 2])) errors.add('publics.accueil', publics.accueil, 'WRONG_PUBLICS_WELCOMED_TYPE');
  let age: number | undefined;
  if (present(publics.age)) {
    const isInt = /^[-+]?[0-9]+$/.test(text(publics.age));
    age = parseInt(text(publics.age), 10);
    if (!isInt || age < 0) errors.add('publics.age', publics.age);
    if (!(age >= 0)) errors.add('publics.age', age, 'AGE_MUST_POSITIVE');
    age = Math.min(age, 99);
  }
  for (const [key, { label, values }] of Object.entries(PUBLICS_VALUES)) {
    const value = publics[key];
    if (!value) continue;
    if (!Array.isArray(value)) {
      errors.add(`publics.${key}`, value);
      continue;
    }
    const wrong = value.find((item) => item !== 'all' && !values.includes(String(item)));
    if (wrong !== undefined) errors.add(`publics.${key}`, value, `${label} ${String(wrong)} doesn't exist`);
    // `"all"` removes the filter (publics.dto sanitizer).
    if (value.includes('all')) delete publics[key];
  }
  return { ...publics, age };
}

function legacyCategory(id: unknown): unknown {
  return typeof id === 'string' ? (LEGACY_CATEGORY_IDS[id] ?? id) : id;
}

export function validateSearch(rawBody: unknown, taxonomy: Taxonomy): { errors: ValidationError[] } | { request: SearchRequest } {
  const body: JsonObject = isJsonObject(rawBody) ? structuredClone(rawBody) : {};
  const errors = new Errors();

  // `locationApiCountryHandling` (§1.3): `pays` + `France` ⇒ `fr`.
  if (isJsonObject(body.location) && body.location.geoType === 'pays' && body.location.geoValue === 'France') body.location.geoValue = 'fr';
  // `mobilityConverting` / `healthConverting` (§3.5) rewrite old ids before validation.
  body.category = legacyCategory(body.category);
  if (Array.isArray(body.categories)) body.categories = body.categories.map(legacyCategory);

  const location = checkLocation(body.location, 'location.', errors);
  const locations = Array.isArray(body.locations) ? body.locations.map((item, index) => checkLocation(item, `locations[${index}].`, errors)) : undefined;
  const options = checkOptions(body, errors);

  // `.if(body("categories.*").isIn(...))` stops the chain silently on an unknown id: no 400, the
  // id then matches no service (categories.dto.ts).
  if (body.categories && !Array.isArray(body.categories)) errors.add('categories', body.categories);
  if (present(body.category) && !taxonomy.validIds.has(text(body.category))) errors.add('category', body.category);
  const placeType = body.placeType ? body.placeType : 'LIEU';
  if (!isIn(placeType, ['LIEU', 'PARCOURS_MOBILE'])) errors.add('placeType', placeType);

  let updatedAt: SearchRequest['updatedAt'];
  if (isJsonObject(body.updatedAt)) {
    const { intervalType, value } = body.updatedAt;
    if (intervalType && !isIn(intervalType, ['SPECIFIC_DAY', 'BEFORE_DAY', 'AFTER_DAY'])) errors.add('updatedAt.intervalType', intervalType);
    let day: Date | undefined;
    if (value) {
      day = new Date(value as string);
      if (Number.isNaN(day.getTime())) errors.add('updatedAt.value', value);
      // `setUTCHours(0, 0, 0)` without the milliseconds argument: the milliseconds of the given
      // value survive the truncation (searchUpdatedAt.dto.ts) — reproduced on purpose.
      else day.setUTCHours(0, 0, 0);
    }
    updatedAt = { intervalType, value: day };
  }

  const publics = checkPublics(body.publics, errors);
  if (present(body.word) && typeof body.word !== 'string') errors.add('word', body.word);
  if (present(body.openToday) && !isIn(body.openToday, ['true', 'false', '1', '0'])) errors.add('openToday', body.openToday);
  // PLACE_LANGUAGES_LIST (149 codes) is not in the corpus: any ISO-639-like code is accepted.
  if (present(body.languages) && !/^[a-z]{2,3}$/.test(text(body.languages))) errors.add('languages', body.languages);
  if (present(options.sortBy) && !isIn(options.sortBy, SORT_FIELDS)) errors.add('options.sortBy', options.sortBy);

  if (errors.list.length > 0) return { errors: errors.list };
  return {
    request: {
      location,
      locations,
      category: present(body.category) ? String(body.category) : undefined,
      categories: Array.isArray(body.categories) ? body.categories.map(String) : undefined,
      placeType: String(placeType),
      word: typeof body.word === 'string' && body.word.trim() ? slugString(body.word.trim()) : undefined,
      publics,
      modalities: isJsonObject(body.modalities) ? body.modalities : undefined,
      languages: present(body.languages) ? String(body.languages) : undefined,
      // `isBoolean` does not convert: any truthy value, the string "false" included, turns the filter on.
      openToday: Boolean(body.openToday),
      updatedAt,
      options,
    },
  };
}
