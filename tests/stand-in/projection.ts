/**
 * What a partner receives of a stored place: the search-item projection (API.md §1.7) and the
 * `GET /place` document (§1.9).
 */
import { SearchError } from './search-location';
import { asJson, isJsonObject, type JsonObject, type StoredPhoto, type StoredPlace } from './stored-shapes';

/** `FIELDS_FOR_SEARCH.API` (§1.7 step 1); `distance` exists only after `$geoNear`, `close` never. */
const API_SEARCH_FIELDS = [
  'lieu_id', 'seo_url', 'name', 'description', 'entity',
  'position.address', 'position.additionalInformation', 'position.city', 'position.cityCode', 'position.postalCode',
  'position.department', 'position.departmentCode', 'position.regionCode', 'position.country', 'position.timeZone',
  'position.location', 'position.region',
  'position.adresse', 'position.codePostal', 'position.complementAdresse', 'position.departement', 'position.pays', 'position.ville',
  'newhours', 'modalities', 'publics', 'services_all', 'tempInfos', 'sources', 'status', 'visibility', 'country',
  'createdAt', 'updatedAt', 'distance', 'close',
];

interface ProjectionTree {
  [key: string]: ProjectionTree | true;
}

/** An inclusion projection; a field listed whole and by sub-path is MongoDB's "path collision". */
function projectionTree(fields: readonly string[]): ProjectionTree {
  const tree: ProjectionTree = { _id: true };
  for (const field of fields) {
    const keys = field.split('.');
    let node = tree;
    keys.forEach((key, index) => {
      const last = index === keys.length - 1;
      const existing = node[key];
      if (last) {
        if (existing !== undefined && existing !== true) throw new SearchError(`Path collision at ${field}`);
        node[key] = true;
        return;
      }
      if (existing === true) throw new SearchError(`Path collision at ${field}`);
      node = existing ?? (node[key] = {});
    });
  }
  return tree;
}

/** A deep copy of JSON data; several times faster than `structuredClone` on many small values. */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  if (!isJsonObject(value)) return value;
  const copy: JsonObject = {};
  for (const key of Object.keys(value)) copy[key] = cloneJson(value[key]);
  return copy as T;
}

/** Keeps the stored key order, as `$project` does; sub-paths go through arrays element by element. */
function applyTree(value: JsonObject, tree: ProjectionTree): JsonObject {
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    const rule = tree[key];
    if (rule === undefined) continue;
    if (rule === true) out[key] = cloneJson(child);
    else if (isJsonObject(child)) out[key] = applyTree(child, rule);
    else if (Array.isArray(child)) out[key] = child.filter(isJsonObject).map((item) => applyTree(item, rule));
  }
  return out;
}

/** `cleanPlaceCategorySpecificFields` (§1.7 step 4), also applied to GET for API users. */
export function cleanCategorySpecificFields(place: JsonObject): void {
  const services = place.services_all;
  // The cleaner maps over `services_all`: without it (an `options.fields` without services_all) it throws.
  if (!Array.isArray(services)) throw new SearchError('services_all is missing: the category-field cleaner fails');
  for (const service of services) {
    const fields = isJsonObject(service) ? service.categorySpecificFields : undefined;
    if (!isJsonObject(fields)) continue;
    delete fields.nationalOriginProductType;
    delete fields.organicOriginProductType;
    if (fields.dietaryRegimesType === 'do_not_know' || fields.dietaryRegimesType === 'cannot_adapt') delete fields.dietaryRegimesType;
    if (fields.degreeOfChoiceType === 'no_choice') delete fields.degreeOfChoiceType;
  }
}

export function onOrientation(place: JsonObject | StoredPlace): boolean {
  const modalities = place.modalities;
  const orientation = isJsonObject(modalities) ? modalities.orientation : undefined;
  return isJsonObject(orientation) && orientation.checked === true;
}

export class SearchProjection {
  private readonly tree: ProjectionTree;
  private readonly computesAddress: boolean;

  /** `fields`: the undocumented `options.fields` override (§1.7), else the API whitelist. */
  constructor(fields?: string) {
    const list = fields ? fields.split(' ').filter((field) => field !== '') : API_SEARCH_FIELDS;
    const positionListed = list.includes('position');
    const addressListed = list.includes('position.address');
    // The masking expressions are added as soon as `position` or `position.address` is listed;
    // next to a whole `position` they collide (§1.7, "position must not be listed as a whole").
    if (positionListed) throw new SearchError('Path collision at position.address');
    this.computesAddress = addressListed;
    const computed = addressListed ? ['position.address', 'position.complementAdresse'] : [];
    this.tree = projectionTree(list.filter((field) => !computed.includes(field)));
  }

  /** One search item (§1.7 steps 1–4), `distance` appended as `$geoNear` appends it. */
  project(place: StoredPlace, distance?: number): JsonObject {
    const source: JsonObject = distance === undefined ? asJson(place) : { ...asJson(place), distance };
    const item = applyTree(source, this.tree);
    if (this.computesAddress) {
      // Computed fields come after the included ones. `$eq: [true, checked]`: only a real `true` masks.
      const stored = place.position ?? {};
      const position = isJsonObject(item.position) ? item.position : (item.position = {});
      delete position.address;
      delete position.complementAdresse;
      const masked = onOrientation(place);
      if (masked || stored.address !== undefined) position.address = masked ? null : stored.address;
      if (masked || stored.complementAdresse !== undefined) position.complementAdresse = masked ? null : stored.complementAdresse;
    }
    // `$unset` of photos and docs (§1.7 step 3).
    delete item.photos;
    if (isJsonObject(item.modalities)) delete item.modalities.docs;
    if (Array.isArray(item.services_all)) {
      for (const service of item.services_all) if (isJsonObject(service) && isJsonObject(service.modalities)) delete service.modalities.docs;
    }
    cleanCategorySpecificFields(item);
    return item;
  }
}

/**
 * The `GET /place` body before translation (§1.9): the stored document, photos populated (an id
 * without a photo document is dropped, as `populate` does), `organizations` appended, docs emptied.
 */
export function placeDocument(place: StoredPlace, photos: ReadonlyMap<string, StoredPhoto>): JsonObject {
  const doc = cloneJson(asJson(place));
  if (Array.isArray(doc.photos)) {
    doc.photos = doc.photos.flatMap((photo) => {
      if (typeof photo !== 'string') return [photo];
      const found = photos.get(photo);
      return found ? [cloneJson(found)] : [];
    });
  }
  // The organisations come from a `$lookup` on another collection, appended after the stored keys;
  // the stand-in has no such collection and takes them from the stored place when given.
  const organizations = Array.isArray(doc.organizations) ? doc.organizations : [];
  delete doc.organizations;
  doc.organizations = organizations;
  if (isJsonObject(doc.modalities)) doc.modalities.docs = [];
  if (Array.isArray(doc.services_all)) {
    for (const service of doc.services_all) if (isJsonObject(service) && isJsonObject(service.modalities)) service.modalities.docs = [];
  }
  return doc;
}

/** The last steps of the GET route for API users: cleaning, then the orientation bug (§1.9). */
export function finishPlaceDocument(doc: JsonObject): JsonObject {
  if (Array.isArray(doc.services_all)) cleanCategorySpecificFields(doc);
  if (onOrientation(doc)) {
    // The code nulls top-level keys that places do not have and leaves `position` whole.
    doc.address = null;
    doc.complementAddress = null;
  }
  return doc;
}
