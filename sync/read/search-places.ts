/**
 * The kiosk's question: what is there for this need, near here, open now? Candidates are the
 * search points of sync/search-index.ts (one per service, clustered by category then latitude):
 * a few range scans for a category, or the full-text index (limited to the area's map cells) for
 * typed words. Each candidate is ranked from its packed week when its day is an ordinary one,
 * by the full opening engine otherwise (temporary information, a holiday that closes it, a clock
 * change); then results are ordered open → closing soon → opens later today → closed, then by
 * distance, then id (stable), and only the page shown gets its full states from the engine.
 */
import { distanceMetres, walkOf, type Point } from '../../common/geo/walking';
import { routeLengths } from './walking-routes';
import { openingState } from '../../common/opening/opening-state';
import type { StateKind } from '../../common/opening/packed-week';
import type { HolidayOn } from '../../common/opening/schedule';
import { toStateDto, type OpeningStateDto } from '../../common/opening/state-dto';
import type { MirrorDatabase } from '../mirror-database';
import { cellTokensOfBox, TRAIT, type TraitName } from '../search-index';
import type { PlaceRow } from '../soliguide/map-place';
import { HIDDEN_BY_DEFAULT } from '../soliguide/search-queries';
import type { z } from 'zod';
import type { KioskResponse, searchFiltersSchema } from '../../common/contract/kiosk-api';
import { memoOnMirror, pointRank, statement, pointsInBox, RANK, scheduleOfPoint, zoneNow, type Box, type SearchPoint, type ZoneNow } from './search-points';
import { textQuery } from './search-text';

/** The filters as the contract defines them (toggles; absent = no filter). */
export type SearchFilters = z.output<typeof searchFiltersSchema>;

export interface SearchInput {
  language: string;
  category?: string;
  text?: string;
  origin: Point;
  radiusMetres: number;
  openNow: boolean;
  filters?: SearchFilters;
  page: number;
  pageSize: number;
}

/** What the contract answers: one definition, in common/contract/kiosk-api.ts. */
export type SearchResult = KioskResponse<'search'>;
type SearchItem = SearchResult['items'][number];

export const STATE_RANK: Record<StateKind, number> = RANK;

/** Leaf categories of a category (any level) through the DAG; hidden ones only when asked for. */
export function searchLeaves(db: MirrorDatabase, category: string | undefined): string[] {
  return memoOnMirror(db, `leaves:${category ?? ''}`, () => readLeaves(db, category));
}

function readLeaves(db: MirrorDatabase, category: string | undefined): string[] {
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

export function boxAround(origin: Point, radiusMetres: number): Box {
  const latitudeSpan = radiusMetres / 111_320;
  const longitudeSpan = radiusMetres / (111_320 * Math.max(0.01, Math.cos((origin.latitude * Math.PI) / 180)));
  return {
    south: origin.latitude - latitudeSpan,
    north: origin.latitude + latitudeSpan,
    west: origin.longitude - longitudeSpan,
    east: origin.longitude + longitudeSpan,
  };
}

/** Typed words within the area: the cells' doclists are small, so the words' are only sought in. */
export const TEXT_IN_AREA_SQL = 'SELECT rowid FROM places_fts WHERE places_fts MATCH ?';

interface Candidate {
  id: number;
  distance: number;
  rank: number;
  /** The matching services' search points. */
  points: SearchPoint[];
  /** Which need words the place answers (null without need words). */
  needsMatched: Set<number> | null;
}

function traitMask(filters: SearchFilters): number {
  let mask = 0;
  const flag = (name: TraitName, on: boolean | undefined) => {
    if (on) mask |= TRAIT[name];
  };
  flag('unconditional', filters.unconditional);
  flag('noAppointment', filters.noAppointment);
  flag('noRegistration', filters.noRegistration);
  flag('noReferral', filters.noReferral);
  flag('free', filters.free);
  flag('wheelchair', filters.wheelchair);
  flag('animals', filters.animals);
  for (const value of [filters.gender, filters.family, filters.administrative]) if (value !== undefined) mask |= TRAIT[value];
  return mask;
}

/** The columns the page's items need. */
type ItemPlaceRow = Pick<PlaceRow, 'lieu_id' | 'name' | 'place_type' | 'address' | 'postal_code' | 'city' | 'on_referral'>;

/** The engine's state of a point's service, from the point itself. */
function engineState(point: SearchPoint, now: Date, holidaysOf: (department: string) => HolidayOn): OpeningStateDto {
  return toStateDto(openingState(scheduleOfPoint(point), now, holidaysOf(point.departmentCode)));
}

export function searchPlaces(db: MirrorDatabase, input: SearchInput, now: Date, holidaysOf: (department: string) => HolidayOn): SearchResult {
  const filters = input.filters ?? {};
  const box = boxAround(input.origin, input.radiusMetres);
  const text = input.text?.trim() ? textQuery(db, input.text, input.language) : null;
  if (text !== null && text.unmatched.length > 0) return { total: 0, items: [] };
  // The categories searched: the asked one (or every visible one), and for need words theirs too
  // (a word may name a hidden category: "toilettes").
  const allowed = new Set(searchLeaves(db, input.category));
  const needLeaves = (text?.needs ?? []).map((need) => {
    const leaves = new Set(need.categories.flatMap((id) => searchLeaves(db, id)));
    if (input.category === undefined) for (const leaf of leaves) allowed.add(leaf);
    return leaves;
  });
  const cells = cellTokensOfBox(box);
  const textIds = (expression: string): Set<number> =>
    new Set(statement(db, TEXT_IN_AREA_SQL).pluck().all(`${expression} AND (${cells.join(' OR ')})`) as number[]);

  // 1. Candidate points.
  let points: SearchPoint[];
  const needMatches = (text?.needs ?? []).map((need) => (need.match === null ? new Set<number>() : textIds(need.match)));
  if (text?.match) {
    points = pointsInBox(db, allowed, box, textIds(text.match));
  } else if (text !== null && text.needs.length > 0) {
    const first = [...(needLeaves[0] ?? [])].filter((leaf) => allowed.has(leaf));
    const ids = new Set(pointsInBox(db, first, box).map((point) => point.lieuId));
    for (const id of needMatches[0] ?? []) ids.add(id);
    points = pointsInBox(db, allowed, box, ids);
  } else {
    points = pointsInBox(db, allowed, box);
  }

  // 2. Filters, distance, ranks.
  const mask = traitMask(filters);
  const speaking =
    filters.languages && filters.languages.length > 0
      ? new Set(
          statement(db, 'SELECT lieu_id FROM place_languages WHERE language IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(filters.languages)) as number[],
        )
      : null;
  const zones = new Map<string, ZoneNow>();
  const holidays = new Map<string, HolidayOn>();
  const zoneOf = (timeZone: string): ZoneNow => {
    let zone = zones.get(timeZone);
    if (zone === undefined) {
      zone = zoneNow(now, timeZone);
      zones.set(timeZone, zone);
    }
    return zone;
  };
  const holidaysIn = (department: string): HolidayOn => {
    let holidayOn = holidays.get(department);
    if (holidayOn === undefined) {
      holidayOn = holidaysOf(department);
      holidays.set(department, holidayOn);
    }
    return holidayOn;
  };
  const candidates = new Map<number, Candidate>();
  const checkAge = filters.age !== undefined;
  const age = filters.age ?? 0;
  const far = new Set<number>();
  for (const point of points) {
    if (!allowed.has(point.categoryId) || (point.traits & mask) !== mask) continue;
    if (checkAge && (age < point.ageMin || age > point.ageMax)) continue;
    const id = point.lieuId;
    let candidate = candidates.get(id);
    if (candidate === undefined) {
      if (far.has(id) || (speaking !== null && !speaking.has(id))) continue;
      const distance = distanceMetres(input.origin, point);
      if (distance > input.radiusMetres) {
        far.add(id);
        continue;
      }
      candidate = { id, distance, rank: 99, points: [], needsMatched: needLeaves.length > 0 ? new Set() : null };
      candidates.set(id, candidate);
    }
    for (let index = 0; index < needLeaves.length; index++) {
      if ((needLeaves[index] as Set<string>).has(point.categoryId) || needMatches[index]?.has(id)) candidate.needsMatched?.add(index);
    }
    candidate.points.push(point);
  }

  // 3. Need words all answered.
  let kept = [...candidates.values()];
  if (needLeaves.length > 0) {
    kept = kept.filter((candidate) => {
      if ((candidate.needsMatched?.size ?? 0) < needLeaves.length) return false;
      // The services shown are those of the needs when the place has some.
      const ofNeeds = candidate.points.filter((point) => needLeaves.some((leaves) => leaves.has(point.categoryId)));
      if (ofNeeds.length > 0) candidate.points = ofNeeds;
      return true;
    });
  }

  // 4. Ranks: the place is as open as its best matching service. Without openNow, places are
  // ranked nearest first and ranking stops once the page is made of open places only: farther
  // places cannot come before them, and they count in the total whatever their state.
  const rankOf = (candidate: Candidate): number => {
    let best = 99;
    let shared: number | undefined;
    for (const point of candidate.points) {
      // Services on the place's hours without a closure of their own share the place's rank.
      const sharing = point.ownHours === 0 && point.serviceClosureFrom === null;
      let rank: number;
      if (sharing && shared !== undefined) rank = shared;
      else {
        rank = pointRank(point, zoneOf(point.timeZone), holidaysIn(point.departmentCode));
        // Clock changes today or tomorrow: the full engine decides.
        if (rank < 0) rank = STATE_RANK[engineState(point, now, holidaysOf).kind];
        if (sharing) shared = rank;
      }
      if (rank < best) best = rank;
    }
    candidate.rank = best;
    return best;
  };
  const needed = input.page * input.pageSize;
  let ranked: Candidate[];
  let total: number;
  if (input.openNow) {
    ranked = kept.filter((candidate) => rankOf(candidate) <= STATE_RANK['closing-soon']);
    total = ranked.length;
  } else {
    kept.sort((a, b) => a.distance - b.distance || a.id - b.id);
    ranked = [];
    let open = 0;
    for (const candidate of kept) {
      if (open >= needed) break;
      if (rankOf(candidate) === STATE_RANK.open) open++;
      ranked.push(candidate);
    }
    total = kept.length;
  }
  ranked.sort((a, b) => a.rank - b.rank || a.distance - b.distance || a.id - b.id);
  const start = (input.page - 1) * input.pageSize;
  const page = ranked.slice(start, start + input.pageSize);
  return { total, items: pageItems(db, page, input.language, input.origin, now, holidaysOf) };
}

/** The page's cards: names, addresses, the engine's full states, notice titles, translations. */
function pageItems(db: MirrorDatabase, page: Candidate[], language: string, origin: Point, now: Date, holidaysOf: (department: string) => HolidayOn): SearchItem[] {
  if (page.length === 0) return [];
  const json = JSON.stringify(page.map((candidate) => candidate.id));
  const places = new Map(
    (statement(db, 'SELECT lieu_id, name, place_type, address, postal_code, city, on_referral FROM places WHERE lieu_id IN (SELECT value FROM json_each(?))')
      .all(json) as ItemPlaceRow[]).map((row) => [row.lieu_id, row]),
  );
  const messages = new Map(
    (statement(db, "SELECT lieu_id, title FROM temporary_notices WHERE kind = 'message' AND lieu_id IN (SELECT value FROM json_each(?))").all(json) as {
      lieu_id: number;
      title: string | null;
    }[]).map((row) => [row.lieu_id, row.title]),
  );
  const translated = new Set(
    language === 'fr'
      ? []
      : (statement(db, "SELECT lieu_id FROM place_translations WHERE field = 'description' AND language = ? AND lieu_id IN (SELECT value FROM json_each(?))")
          .pluck()
          .all(language, json) as number[]),
  );
  const routes = routeLengths(db, page.map((candidate) => candidate.id), origin);
  return page.map((candidate) => {
    const place = places.get(candidate.id) as ItemPlaceRow;
    const services = candidate.points.map((point) => ({
      id: point.serviceId,
      categoryId: point.categoryId,
      state: engineState(point, now, holidaysOf),
    }));
    const best = services.reduce((a, b) => (STATE_RANK[b.state.kind] < STATE_RANK[a.state.kind] ? b : a));
    return {
      id: candidate.id,
      name: place.name,
      mobile: place.place_type === 'PARCOURS_MOBILE',
      address: place.on_referral === 1 ? null : place.address,
      postalCode: place.postal_code,
      city: place.city,
      onReferral: place.on_referral === 1,
      latitude: (candidate.points[0] as SearchPoint).latitude,
      longitude: (candidate.points[0] as SearchPoint).longitude,
      distanceMetres: candidate.distance,
      ...walkOf(candidate.distance, routes.get(candidate.id)),
      state: best.state,
      services,
      matchedCategories: [...new Set(services.map((service) => service.categoryId))].sort(),
      noticeTitle: messages.get(candidate.id) ?? null,
      translated: language === 'fr' || translated.has(candidate.id),
    };
  });
}
