/**
 * `/:lang` translations (API.md §1.8; `mergeTranslatedPlace.ts`, `getTranslatedPlacesForSearch`).
 */
import { isJsonObject, type JsonObject, type StoredTranslation } from './stored-shapes';

export const SUPPORTED_LANGUAGES = ['ar', 'ca', 'en', 'es', 'fa', 'fr', 'ka', 'ps', 'pt', 'ro', 'ru', 'uk'];

/** `SUPPORTED_LANGUAGES_BY_COUNTRY[country].source`: no translation into a country's own language. */
const SOURCE_LANGUAGE: Readonly<Record<string, string>> = { fr: 'fr', es: 'es', ad: 'ca' };

/** Search lookups of `translatedPlaces` use the default options: at most 100 documents (§1.8, §6.24). */
const TRANSLATED_PLACES_PER_SEARCH = 100;

const PLACE_FIELDS = [
  'description',
  'modalities.appointment.precisions',
  'modalities.inscription.precisions',
  'modalities.orientation.precisions',
  'modalities.price.precisions',
  'modalities.other',
  'publics.description',
  'tempInfos.closure.description',
  'tempInfos.hours.description',
  'tempInfos.message.description',
  'tempInfos.message.name',
];

const SERVICE_FIELDS = [
  'description',
  'modalities.appointment.precisions',
  'modalities.inscription.precisions',
  'modalities.orientation.precisions',
  'modalities.other',
  'modalities.price.precisions',
  'publics.description',
  'saturated.precision',
  'categorySpecificFields.activityName',
  'categorySpecificFields.availableEquipmentPrecisions',
  'categorySpecificFields.jobsList',
  'categorySpecificFields.mobilityAssistanceName',
  'categorySpecificFields.usageModality',
  'categorySpecificFields.voucherTypePrecisions',
  'categorySpecificFields.otherProductTypePrecisions',
  'categorySpecificFields.wellnessActivityName',
  'jobsList',
];

/** `dot.pick`: undefined as soon as a step is not an object holding the key. */
function pick(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (!isJsonObject(current) || !(key in current)) return undefined;
    current = current[key];
  }
  return current;
}

function put(target: JsonObject, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = target;
  for (const key of keys) {
    if (!isJsonObject(node[key])) node[key] = {};
    node = node[key] as JsonObject;
  }
  node[last] = value;
}

/** `convertValue`: blank or missing is "no text". */
function hasText(value: unknown): boolean {
  return value !== null && value !== undefined && String(value).trim().length > 0;
}

/**
 * The merge, in place: a non-blank translation replaces the French text (copied as stored); no
 * translation over a blank French text makes it `null`; otherwise the French stays, silently.
 * Place fields are visited when present (even `null`), service fields only when truthy, matched
 * to the translation's services by array index.
 */
export function mergeTranslation(place: JsonObject, translation: StoredTranslation, lang: string): JsonObject {
  const content = translation.languages[lang]?.place;
  if (!isJsonObject(content)) return place;
  const mergeField = (target: JsonObject, source: unknown, field: string): void => {
    const translated = pick(source, field);
    if (hasText(translated)) put(target, field, translated);
    else if (!hasText(pick(target, field))) put(target, field, null);
  };
  for (const field of PLACE_FIELDS) if (pick(place, field) !== undefined) mergeField(place, content, field);
  const services = Array.isArray(place.services_all) ? place.services_all : [];
  // The API indexes `content.services_all[i]` without a guard; a translation without services is
  // read here as "no service translation" rather than reproducing the TypeError.
  const translatedServices = Array.isArray(content.services_all) ? content.services_all : [];
  services.forEach((service, index) => {
    if (!isJsonObject(service)) return;
    for (const field of SERVICE_FIELDS) if (pick(service, field)) mergeField(service, translatedServices[index], field);
  });
  return place;
}

function needsTranslation(country: unknown, lang: string): boolean {
  return (SOURCE_LANGUAGE[String(country ?? 'fr')] ?? 'fr') !== lang;
}

/** `GET /place/:id/:lang`: any status, no 100 limit. */
export function translatePlaceDocument(doc: JsonObject, translations: readonly StoredTranslation[], lang: string): JsonObject {
  if (!needsTranslation(doc.country, lang)) return doc;
  const translation = translations.find((candidate) => candidate.lieu_id === doc.lieu_id);
  return translation ? mergeTranslation(doc, translation, lang) : doc;
}

/** `POST /new-search/:lang`: ONLINE items only, the first 100 translation documents found. */
export function translateSearchItems(items: JsonObject[], translations: readonly StoredTranslation[], lang: string): void {
  const wanted = new Set(items.filter((item) => item.status === 'ONLINE' && needsTranslation(item.country, lang)).map((item) => String(item._id)));
  if (wanted.size === 0) return;
  const found = new Map<string, StoredTranslation>();
  for (const translation of translations) {
    if (found.size >= TRANSLATED_PLACES_PER_SEARCH) break;
    if (wanted.has(translation.placeObjectId)) found.set(translation.placeObjectId, translation);
  }
  for (const item of items) {
    const translation = found.get(String(item._id));
    if (translation) mergeTranslation(item, translation, lang);
  }
}
