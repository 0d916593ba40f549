/**
 * The kiosk's question: what is there for this need, near here, open now? Candidates come from
 * SQL (R*Tree box around the origin, category leaves, full-text prefixes); opening states are
 * computed for the matching services with the engine of common/opening, then results are ordered
 * open → closing soon → opens later today → closed, then by walking distance, then id (stable).
 */
import { distanceMetres, walkingMinutes, type Point } from '../../common/geo/walking';
import { openingState } from '../../common/opening/opening-state';
import type { HolidayOn, Schedule } from '../../common/opening/schedule';
import { toStateDto, type OpeningStateDto } from '../../common/opening/state-dto';
import type { MirrorDatabase } from '../mirror-database';
import type { PlaceRow } from '../soliguide/map-place';
import { HIDDEN_BY_DEFAULT } from '../soliguide/search-queries';
import { buildPlaceSchedules, loadScheduleRows, type ServiceScheduleRow } from './place-schedule';

export interface SearchInput {
  language: string;
  category?: string;
  text?: string;
  origin: Point;
  radiusMetres: number;
  openNow: boolean;
  page: number;
  pageSize: number;
}

export interface SearchItem {
  id: number;
  name: string;
  mobile: boolean;
  address: string | null;
  postalCode: string;
  city: string;
  onReferral: boolean;
  distanceMetres: number;
  walkingMinutes: number;
  state: OpeningStateDto;
  services: { id: string; categoryId: string; state: OpeningStateDto }[];
  noticeTitle: string | null;
  translated: boolean;
}

export interface SearchResult {
  total: number;
  items: SearchItem[];
}

const STATE_RANK: Record<OpeningStateDto['kind'], number> = {
  open: 0,
  'closing-soon': 1,
  'opens-later-today': 2,
  'closed-today': 3,
  unknown: 4,
  'temporarily-closed': 5,
};

/**
 * Free text as FTS5 terms: every word a quoted prefix, all required. Quotes, parentheses, `*`,
 * `NEAR`, `AND`/`OR`/`NOT` and `-` in the input are never operators — a word is letters and digits.
 */
export function ftsQuery(text: string): string | null {
  const words = text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length === 0 ? null : words.slice(0, 8).map((word) => `"${word}"*`).join(' ');
}

/** Leaf categories of a category (any level) through the DAG; hidden ones only when asked for. */
export function searchLeaves(db: MirrorDatabase, category: string | undefined): string[] {
  const leavesOf = db.prepare(
    `WITH RECURSIVE below(id) AS (SELECT ? UNION SELECT child_id FROM category_links JOIN below ON parent_id = below.id)
     SELECT id FROM below WHERE id NOT IN (SELECT parent_id FROM category_links) ORDER BY id`,
  );
  const hidden = new Set(HIDDEN_BY_DEFAULT.flatMap((id) => leavesOf.pluck().all(id) as string[]));
  if (category !== undefined) {
    const leaves = leavesOf.pluck().all(category) as string[];
    // Naming a hidden category (or one of its leaves) is asking for it (API.md §3.2).
    return hidden.has(category) || HIDDEN_BY_DEFAULT.includes(category) ? leaves : leaves.filter((id) => !hidden.has(id));
  }
  const all = db.prepare('SELECT id FROM categories WHERE id NOT IN (SELECT parent_id FROM category_links) ORDER BY id').pluck().all() as string[];
  return all.filter((id) => !hidden.has(id));
}

/** The columns candidateSql selects. */
type CandidateRow = Pick<
  PlaceRow,
  | 'lieu_id' | 'name' | 'place_type' | 'address' | 'postal_code' | 'city' | 'department_code' | 'on_referral'
  | 'latitude' | 'longitude' | 'time_zone' | 'closed_on_holidays'
>;

export function candidateSql(withText: boolean): string {
  return `SELECT p.lieu_id, p.name, p.place_type, p.address, p.postal_code, p.city, p.department_code, p.on_referral,
                 p.latitude, p.longitude, p.time_zone, p.closed_on_holidays
          FROM places_rtree r JOIN places p ON p.lieu_id = r.lieu_id
          WHERE r.min_latitude >= @south AND r.max_latitude <= @north AND r.min_longitude >= @west AND r.max_longitude <= @east
            AND EXISTS (SELECT 1 FROM services s WHERE s.lieu_id = p.lieu_id AND s.category_id IN (SELECT value FROM json_each(@leaves)))
            ${withText ? 'AND p.lieu_id IN (SELECT rowid FROM places_fts WHERE places_fts MATCH @text)' : ''}`;
}

export function searchPlaces(db: MirrorDatabase, input: SearchInput, now: Date, holidaysOf: (department: string) => HolidayOn): SearchResult {
  const leaves = searchLeaves(db, input.category);
  const text = input.text ? ftsQuery(input.text) : null;
  const latitudeSpan = input.radiusMetres / 111_320;
  const longitudeSpan = input.radiusMetres / (111_320 * Math.max(0.01, Math.cos((input.origin.latitude * Math.PI) / 180)));
  const candidates = db.prepare(candidateSql(text !== null)).all({
    south: input.origin.latitude - latitudeSpan,
    north: input.origin.latitude + latitudeSpan,
    west: input.origin.longitude - longitudeSpan,
    east: input.origin.longitude + longitudeSpan,
    leaves: JSON.stringify(leaves),
    ...(text !== null ? { text } : {}),
  }) as CandidateRow[];
  const leafSet = new Set(leaves);
  const near = candidates
    .map((place) => ({ place, distance: distanceMetres(input.origin, place) }))
    .filter((candidate) => candidate.distance <= input.radiusMetres);
  // Everything about the candidates in a few queries, not a few per candidate.
  const ids = JSON.stringify(near.map((candidate) => candidate.place.lieu_id));
  const servicesByPlace = new Map<number, (ServiceScheduleRow & { category_id: string })[]>();
  for (const service of db
    .prepare(
      `SELECT lieu_id, service_id, category_id, has_own_hours, closure_start_day, closure_end_day FROM services
       WHERE lieu_id IN (SELECT value FROM json_each(?)) ORDER BY lieu_id, position`,
    )
    .all(ids) as (ServiceScheduleRow & { lieu_id: number; category_id: string })[]) {
    if (!leafSet.has(service.category_id)) continue;
    const list = servicesByPlace.get(service.lieu_id) ?? [];
    list.push(service);
    servicesByPlace.set(service.lieu_id, list);
  }
  const scheduleRows = loadScheduleRows(db, near.map((candidate) => candidate.place.lieu_id));
  const messages = new Map(
    (db.prepare("SELECT lieu_id, title FROM temporary_notices WHERE kind = 'message' AND lieu_id IN (SELECT value FROM json_each(?))").all(ids) as {
      lieu_id: number;
      title: string | null;
    }[]).map((row) => [row.lieu_id, row.title]),
  );
  const translated = new Set(
    input.language === 'fr'
      ? []
      : (db
          .prepare("SELECT lieu_id FROM place_translations WHERE field = 'description' AND language = ? AND lieu_id IN (SELECT value FROM json_each(?))")
          .pluck()
          .all(input.language, ids) as number[]),
  );
  const items: SearchItem[] = [];
  for (const { place, distance } of near) {
    const services = servicesByPlace.get(place.lieu_id) ?? [];
    const schedules = buildPlaceSchedules(place, services, scheduleRows.get(place.lieu_id) ?? { slots: [], notices: [] });
    const holidayOn = holidaysOf(place.department_code);
    const states = services.map((service) => ({
      id: service.service_id,
      categoryId: service.category_id,
      state: toStateDto(openingState(schedules.services.get(service.service_id) as Schedule, now, holidayOn)),
    }));
    // The place is as open as its best matching service.
    const best = states.reduce<OpeningStateDto | null>((a, b) => (a === null || STATE_RANK[b.state.kind] < STATE_RANK[a.kind] ? b.state : a), null);
    const state = best ?? toStateDto(openingState(schedules.place, now, holidayOn));
    if (input.openNow && state.kind !== 'open' && state.kind !== 'closing-soon') continue;
    items.push({
      id: place.lieu_id,
      name: place.name,
      mobile: place.place_type === 'PARCOURS_MOBILE',
      address: place.on_referral === 1 ? null : place.address,
      postalCode: place.postal_code,
      city: place.city,
      onReferral: place.on_referral === 1,
      distanceMetres: distance,
      walkingMinutes: walkingMinutes(distance),
      state,
      services: states,
      noticeTitle: messages.get(place.lieu_id) ?? null,
      translated: input.language === 'fr' || translated.has(place.lieu_id),
    });
  }
  items.sort((a, b) => STATE_RANK[a.state.kind] - STATE_RANK[b.state.kind] || a.distanceMetres - b.distanceMetres || a.id - b.id);
  const start = (input.page - 1) * input.pageSize;
  return { total: items.length, items: items.slice(start, start + input.pageSize) };
}
