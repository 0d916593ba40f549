/** The towns present in the mirror, for choosing where "near" is measured from. */
import { distanceMetres, type Point } from '../../common/geo/walking';
import type { MirrorDatabase } from '../mirror-database';
import { foldWord } from './search-text';

export interface Town {
  id: string;
  city: string;
  postalCode: string;
  departmentCode: string;
  latitude: number;
  longitude: number;
  placeCount: number;
}

const TOWN_SQL = `SELECT department_code || ':' || city AS id, city, postal_code AS postalCode, department_code AS departmentCode,
  latitude, longitude, place_count AS placeCount FROM towns`;

/** Towns whose name starts with the prefix (accents, case, hyphens ignored), by name; else those nearest `near`. */
export function listTowns(db: MirrorDatabase, request: { prefix?: string; limit: number }, near: Point): Town[] {
  const towns = db.prepare(TOWN_SQL).all() as Town[];
  const fold = (name: string) => foldWord(name).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const prefix = request.prefix === undefined ? '' : fold(request.prefix);
  if (prefix === '') {
    return towns
      .map((town) => ({ town, distance: distanceMetres(near, town) }))
      .sort((a, b) => a.distance - b.distance || a.town.id.localeCompare(b.town.id))
      .slice(0, request.limit)
      .map(({ town }) => town);
  }
  return towns
    .filter((town) => fold(town.city).startsWith(prefix) || fold(town.city).replace(/^(saint|sainte) /, 'st ').startsWith(prefix))
    .sort((a, b) => a.city.localeCompare(b.city, 'fr') || a.id.localeCompare(b.id))
    .slice(0, request.limit);
}

export function townById(db: MirrorDatabase, id: string): Town | null {
  return (db.prepare(`${TOWN_SQL} WHERE department_code || ':' || city = ?`).get(id) as Town | undefined) ?? null;
}
