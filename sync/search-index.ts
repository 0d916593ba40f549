/**
 * The derived search rows of places (full text with map cells, one search point per service,
 * the towns), rebuilt for the places listed in `temp.changed_ids` whenever rows are written or
 * published, inside the caller's transaction. The base tables stay the source of truth.
 */
import { packWeek } from '../common/opening/packed-week';
import { weekFromMinuteSlots } from '../common/opening/schedule';
import type { MirrorDatabase } from './mirror-database';
import type { AccessConditions, Audience } from './soliguide/conditions';

/**
 * Map cells for the full-text index, at two sizes: 0.1° (about 10 km) for searches near the
 * kiosk, 1° for wide ones (fewer, larger cells cost the full-text index less than many small ones). A place carries one token of each ("f<lat>x<lon>", "c<lat>x<lon>");
 * a search names the cells its box touches, at the finest size that keeps the list short.
 */
const CELL_SIZES = [
  { prefix: 'f', degrees: 0.1 },
  { prefix: 'c', degrees: 1 },
] as const;
const MAX_CELLS = 16;
/** A GLOB matching every cell token (a place's word of that shape would only lose typo tolerance). */
export const CELL_TOKEN_GLOB = `[${CELL_SIZES.map((size) => size.prefix).join('')}][0-9]*x[0-9]*`;

const cellIndex = (value: number, degrees: number): number => Math.floor(value / degrees + 1e-9);

export function cellTokens(latitude: number, longitude: number): string {
  return CELL_SIZES.map(({ prefix, degrees }) => `${prefix}${cellIndex(latitude + 90, degrees)}x${cellIndex(longitude + 180, degrees)}`).join(' ');
}

/** Tokens of every cell a latitude/longitude box touches, at the finest size with at most 16 of them. */
export function cellTokensOfBox(box: { south: number; north: number; west: number; east: number }): string[] {
  for (const { prefix, degrees } of CELL_SIZES) {
    const fromLat = cellIndex(box.south + 90, degrees);
    const toLat = cellIndex(box.north + 90, degrees);
    const fromLon = cellIndex(box.west + 180, degrees);
    const toLon = cellIndex(box.east + 180, degrees);
    if ((toLat - fromLat + 1) * (toLon - fromLon + 1) > MAX_CELLS && prefix !== 'c') continue;
    const tokens: string[] = [];
    for (let lat = fromLat; lat <= toLat; lat++) for (let lon = fromLon; lon <= toLon; lon++) tokens.push(`${prefix}${lat}x${lon}`);
    return tokens;
  }
  return [];
}

/** What the filters test, one bit each, per service (its own conditions, copies of the place's otherwise). */
export const TRAIT = {
  /** Audience policy "everyone" (accueil 0). */
  unconditional: 1 << 0,
  women: 1 << 1,
  men: 1 << 2,
  isolated: 1 << 3,
  family: 1 << 4,
  couple: 1 << 5,
  pregnant: 1 << 6,
  regular: 1 << 7,
  asylum: 1 << 8,
  refugee: 1 << 9,
  undocumented: 1 << 10,
  noAppointment: 1 << 11,
  noRegistration: 1 << 12,
  noReferral: 1 << 13,
  free: 1 << 14,
  wheelchair: 1 << 15,
  animals: 1 << 16,
} as const;

export type TraitName = keyof typeof TRAIT;

const LISTED: Record<'genders' | 'family' | 'administrative', TraitName[]> = {
  genders: ['women', 'men'],
  family: ['isolated', 'family', 'couple', 'pregnant'],
  administrative: ['regular', 'asylum', 'refugee', 'undocumented'],
};

/**
 * "Welcomes women", "for families"…: a service welcomes a public unless its policy is exclusive
 * and the public is not listed (preferential = everyone, specialised; API.md §2.6). "Free" and
 * "no appointment" hold unless the service says otherwise (unstated = Soliguide's default);
 * wheelchair access and animals only when stated.
 */
export function traitsOf(access: AccessConditions, audience: Audience): number {
  let traits = 0;
  if (audience.policy === 'everyone') traits |= TRAIT.unconditional;
  for (const [field, names] of Object.entries(LISTED) as [keyof typeof LISTED, TraitName[]][]) {
    for (const name of names) if (audience.policy !== 'exclusive' || audience[field].includes(name)) traits |= TRAIT[name];
  }
  if (access.appointment.required !== true) traits |= TRAIT.noAppointment;
  if (access.registration.required !== true) traits |= TRAIT.noRegistration;
  if (access.referral.required !== true) traits |= TRAIT.noReferral;
  if (access.fee.required !== true) traits |= TRAIT.free;
  if (access.wheelchairAccessible === true) traits |= TRAIT.wheelchair;
  if (access.animalsWelcome === true) traits |= TRAIT.animals;
  return traits;
}

interface PlaceIndexRow {
  lieu_id: number;
  name: string;
  category_text: string;
  description_text: string | null;
  latitude: number;
  longitude: number;
  department_code: string;
  time_zone: string;
  closed_on_holidays: string;
}

interface ServiceIndexRow {
  lieu_id: number;
  service_id: string;
  category_id: string;
  has_own_hours: number;
  closure_start_day: string | null;
  closure_end_day: string | null;
  modalities_json: string;
  publics_json: string;
}

/** The last day of a period with no end ("until further notice"). */
export const FOREVER = '9999-12-31';
const CHUNK = 2000;

function groupBy<T extends { lieu_id: number }>(rows: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const list = groups.get(row.lieu_id);
    if (list) list.push(row);
    else groups.set(row.lieu_id, [row]);
  }
  return groups;
}

/** Rebuilds the search rows of the places in temp.changed_ids (deleted places just lose theirs). */
export function refreshSearchIndex(db: MirrorDatabase): void {
  db.exec(`
    DELETE FROM places_fts WHERE rowid IN (SELECT lieu_id FROM temp.changed_ids);
    DELETE FROM search_points WHERE lieu_id IN (SELECT lieu_id FROM temp.changed_ids);`);
  const ids = db.prepare('SELECT c.lieu_id FROM temp.changed_ids c JOIN places p ON p.lieu_id = c.lieu_id ORDER BY c.lieu_id').pluck().all() as number[];
  const inChunk = 'lieu_id IN (SELECT value FROM json_each(?))';
  const readPlaces = db.prepare(
    `SELECT lieu_id, name, category_text, description_text, latitude, longitude, department_code, time_zone, closed_on_holidays FROM places WHERE ${inChunk}`,
  );
  const readServices = db.prepare(
    `SELECT lieu_id, service_id, category_id, has_own_hours, closure_start_day, closure_end_day, modalities_json, publics_json FROM services WHERE ${inChunk}`,
  );
  const readSlots = db.prepare(`SELECT lieu_id, service_id, schedule, start_minute, end_minute FROM opening_slots WHERE ${inChunk}`);
  const readNotices = db.prepare(`SELECT lieu_id, kind, start_day, end_day FROM temporary_notices WHERE kind IN ('closure', 'hours') AND ${inChunk}`);
  const insertText = db.prepare('INSERT INTO places_fts (rowid, name, categories, description, cell) VALUES (?, ?, ?, ?, ?)');
  const insertPoint = db.prepare(
    `INSERT INTO search_points (category_id, latitude, longitude, service_id, lieu_id, week, has_own_hours, closure_from, closure_to,
       service_closure_from, service_closure_to, hours_from, hours_to, temporary_week, closed_on_holidays, department_code, time_zone,
       traits, age_min, age_max)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (let from = 0; from < ids.length; from += CHUNK) {
    const chunk = JSON.stringify(ids.slice(from, from + CHUNK));
    const services = groupBy(readServices.all(chunk) as ServiceIndexRow[]);
    const slots = groupBy(
      readSlots.all(chunk) as { lieu_id: number; service_id: string | null; schedule: string; start_minute: number; end_minute: number }[],
    );
    const notices = groupBy(readNotices.all(chunk) as { lieu_id: number; kind: string; start_day: string; end_day: string | null }[]);
    for (const place of readPlaces.all(chunk) as PlaceIndexRow[]) {
      insertText.run(place.lieu_id, place.name, place.category_text, place.description_text ?? '', cellTokens(place.latitude, place.longitude));
      const placeSlots = slots.get(place.lieu_id) ?? [];
      const weekOf = (serviceId: string | null, schedule: string): Buffer =>
        Buffer.from(
          packWeek(
            weekFromMinuteSlots(
              placeSlots
                .filter((slot) => slot.service_id === serviceId && slot.schedule === schedule)
                .map((slot) => ({ startMinute: slot.start_minute, endMinute: slot.end_minute })),
            ),
          ),
        );
      const placeWeek = placeSlots.some((slot) => slot.service_id === null && slot.schedule === 'regular') ? weekOf(null, 'regular') : null;
      const placeNotices = notices.get(place.lieu_id) ?? [];
      const closure = placeNotices.find((notice) => notice.kind === 'closure');
      const hours = placeNotices.find((notice) => notice.kind === 'hours');
      const temporaryWeek = hours ? weekOf(null, 'temporary') : null;
      const parsed = new Map<string, unknown>();
      const parse = <T>(json: string): T => {
        if (!parsed.has(json)) parsed.set(json, JSON.parse(json));
        return parsed.get(json) as T;
      };
      for (const service of services.get(place.lieu_id) ?? []) {
        const own = service.has_own_hours === 1;
        const audience = parse<Audience>(service.publics_json);
        insertPoint.run(
          service.category_id,
          place.latitude,
          place.longitude,
          service.service_id,
          place.lieu_id,
          own ? weekOf(service.service_id, 'regular') : placeWeek,
          own ? 1 : 0,
          closure?.start_day ?? null,
          closure ? (closure.end_day ?? FOREVER) : null,
          service.closure_start_day,
          service.closure_start_day === null ? null : (service.closure_end_day ?? FOREVER),
          hours?.start_day ?? null,
          hours ? (hours.end_day ?? FOREVER) : null,
          temporaryWeek,
          place.closed_on_holidays === 'CLOSED' ? 1 : 0,
          place.department_code,
          place.time_zone,
          traitsOf(parse<AccessConditions>(service.modalities_json), audience),
          audience.ageMin,
          audience.ageMax,
        );
      }
    }
  }
  refreshTowns(db);
}

/** The towns of the mirror with the centre of their places (cheap: rebuilt whole). */
function refreshTowns(db: MirrorDatabase): void {
  db.exec(`
    DELETE FROM towns;
    INSERT INTO towns (department_code, city, postal_code, latitude, longitude, place_count)
      SELECT department_code, city, postal_code, latitude, longitude, place_count FROM (
        -- max(n) makes postal_code the town's most common one (SQLite's bare column rule).
        SELECT department_code, city, postal_code, max(n), sum(latitude * n) / sum(n) AS latitude,
               sum(longitude * n) / sum(n) AS longitude, sum(n) AS place_count
        FROM (SELECT department_code, city, postal_code, count(*) AS n, avg(latitude) AS latitude, avg(longitude) AS longitude
              FROM places WHERE city <> '' GROUP BY department_code, city, postal_code)
        GROUP BY department_code, city);`);
}
