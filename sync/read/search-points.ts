/**
 * Search points (sync/search-index.ts) as the search reads them: by category within a box, or
 * by place; and the rank of a point's service at an instant. Reading a row into JavaScript costs
 * far more than SQLite's range scan, so the points of a category are kept in memory by bands of
 * latitude once read (a lobby asks about the same area all day), until the mirror changes
 * (`PRAGMA data_version` for other connections' commits, `total_changes()` for this one's).
 */
import { packedKind, unpackWeek } from '../../common/opening/packed-week';
import type { DatedPeriod, HolidayOn, Schedule } from '../../common/opening/schedule';
import { addDays, instantOf, wallClock } from '../../common/opening/zoned-time';
import type { Statement } from 'better-sqlite3';
import type { MirrorDatabase } from '../mirror-database';
import { FOREVER } from '../search-index';

export interface SearchPoint {
  categoryId: string;
  latitude: number;
  longitude: number;
  serviceId: string;
  lieuId: number;
  week: Uint8Array | null;
  ownHours: number;
  closureFrom: string | null;
  closureTo: string | null;
  serviceClosureFrom: string | null;
  serviceClosureTo: string | null;
  hoursFrom: string | null;
  hoursTo: string | null;
  temporaryWeek: Uint8Array | null;
  closedOnHolidays: number;
  departmentCode: string;
  timeZone: string;
  traits: number;
  ageMin: number;
  ageMax: number;
}

const POINT_COLUMNS = `category_id AS categoryId, latitude, longitude, service_id AS serviceId, lieu_id AS lieuId, week,
  has_own_hours AS ownHours, closure_from AS closureFrom, closure_to AS closureTo, service_closure_from AS serviceClosureFrom,
  service_closure_to AS serviceClosureTo, hours_from AS hoursFrom, hours_to AS hoursTo, temporary_week AS temporaryWeek,
  closed_on_holidays AS closedOnHolidays, department_code AS departmentCode, time_zone AS timeZone, traits, age_min AS ageMin, age_max AS ageMax`;

/** A category's points in a band of latitude: one range scan of the clustered primary key. */
export const POINTS_BY_CATEGORY_SQL = `SELECT ${POINT_COLUMNS} FROM search_points WHERE category_id = ? AND latitude >= ? AND latitude < ?`;

/** Bands of 0.05° of latitude (about 5.6 km): a 5 km search reads two or three of them. */
const BAND_DEGREES = 0.05;
/** Beyond this many cached points (a kiosk searching all over France), the cache starts again. */
const MAX_CACHED_POINTS = 300_000;

export interface Box {
  south: number;
  north: number;
  west: number;
  east: number;
}

interface Cache {
  stamp: string;
  bands: Map<string, SearchPoint[]>;
  /** Every cached point by place, for the places found by typed words. */
  byPlace: Map<number, SearchPoint[]>;
  size: number;
}

const caches = new WeakMap<MirrorDatabase, Cache>();

const statements = new WeakMap<MirrorDatabase, Map<string, Statement>>();

/** A statement of the search's hot path, compiled once per connection. */
export function statement(db: MirrorDatabase, sql: string): Statement {
  let byText = statements.get(db);
  if (byText === undefined) {
    byText = new Map();
    statements.set(db, byText);
  }
  let compiled = byText.get(sql);
  if (compiled === undefined) {
    compiled = db.prepare(sql);
    byText.set(sql, compiled);
  }
  return compiled;
}

/** Changes whenever the mirror does: another connection's commit or one of this connection's writes. */
export function mirrorStamp(db: MirrorDatabase): string {
  return `${db.pragma('data_version', { simple: true }) as number}|${statement(db, 'SELECT total_changes()').pluck().get() as number}`;
}

const memos = new WeakMap<MirrorDatabase, { stamp: string; values: Map<string, unknown> }>();

/** A value derived from the mirror, computed again only when the mirror has changed. */
export function memoOnMirror<T>(db: MirrorDatabase, key: string, compute: () => T): T {
  const stamp = mirrorStamp(db);
  let memo = memos.get(db);
  if (memo === undefined || memo.stamp !== stamp) {
    memo = { stamp, values: new Map() };
    memos.set(db, memo);
  }
  if (!memo.values.has(key)) memo.values.set(key, compute());
  return memo.values.get(key) as T;
}

const inBox = (point: SearchPoint, box: Box): boolean =>
  point.latitude >= box.south && point.latitude <= box.north && point.longitude >= box.west && point.longitude <= box.east;

/**
 * Points of these categories inside the box, from the cache (read on first use). With `places`,
 * only the points of those places (found by typed words), else all of them.
 */
export function pointsInBox(db: MirrorDatabase, categories: Iterable<string>, box: Box, places?: ReadonlySet<number>): SearchPoint[] {
  const stamp = mirrorStamp(db);
  let cache = caches.get(db);
  if (cache === undefined || cache.stamp !== stamp || cache.size > MAX_CACHED_POINTS) {
    cache = { stamp, bands: new Map(), byPlace: new Map(), size: 0 };
    caches.set(db, cache);
  }
  const read = statement(db, POINTS_BY_CATEGORY_SQL);
  const points: SearchPoint[] = [];
  const first = Math.floor(box.south / BAND_DEGREES);
  const last = Math.floor(box.north / BAND_DEGREES);
  const wanted = new Set(categories);
  for (const category of wanted) {
    for (let band = first; band <= last; band++) {
      const key = `${category}|${band}`;
      let rows = cache.bands.get(key);
      if (rows === undefined) {
        rows = read.all(category, band * BAND_DEGREES, (band + 1) * BAND_DEGREES) as SearchPoint[];
        cache.bands.set(key, rows);
        cache.size += rows.length;
        for (const point of rows) {
          const list = cache.byPlace.get(point.lieuId);
          if (list) list.push(point);
          else cache.byPlace.set(point.lieuId, [point]);
        }
      }
      if (places === undefined) for (const point of rows) if (inBox(point, box)) points.push(point);
    }
  }
  if (places !== undefined) {
    for (const id of places) for (const point of cache.byPlace.get(id) ?? []) if (wanted.has(point.categoryId) && inBox(point, box)) points.push(point);
  }
  return points;
}

/** The instant as one zone sees it, and whether its clocks change around it. */
export interface ZoneNow {
  weekday: number;
  minute: number;
  today: string;
  tomorrow: string;
  /** The zone changes its clocks today or tomorrow: the full engine decides. */
  clockChange: boolean;
}

export function zoneNow(now: Date, timeZone: string): ZoneNow {
  const wall = wallClock(now, timeZone);
  const tomorrow = addDays(wall.day, 1);
  const span = instantOf(addDays(wall.day, 2), 0, timeZone).getTime() - instantOf(wall.day, 0, timeZone).getTime();
  return { weekday: wall.weekday, minute: wall.minute, today: wall.day, tomorrow, clockChange: span !== 2 * 86_400_000 };
}

const within = (day: string, from: string | null, to: string | null): boolean => from !== null && from <= day && day <= (to as string);

export const RANK = { open: 0, 'closing-soon': 1, 'opens-later-today': 2, 'closed-today': 3, unknown: 4, 'temporarily-closed': 5 } as const;

type DayRule = Uint8Array | 'closure' | 'holiday' | 'unknown';

/** What applies on a day, by the order of common/opening/schedule.ts dayPlan. */
function dayRule(point: SearchPoint, day: string, holidayOn: HolidayOn): DayRule {
  if (within(day, point.closureFrom, point.closureTo) || within(day, point.serviceClosureFrom, point.serviceClosureTo)) return 'closure';
  if (point.closedOnHolidays === 1 && holidayOn(day) !== null) return 'holiday';
  if (point.ownHours === 0 && within(day, point.hoursFrom, point.hoursTo)) return point.temporaryWeek as Uint8Array;
  return point.week ?? 'unknown';
}

/**
 * The rank of a point's service at the instant, by the rules of dayPlan applied to today and
 * tomorrow (a closure, then a holiday that closes, then temporary hours, then the week); -1 when
 * the zone changes its clocks today or tomorrow (the full engine then decides).
 */
export function pointRank(point: SearchPoint, zone: ZoneNow, holidayOn: HolidayOn, closingSoonMinutes = 30): number {
  if (zone.clockChange) return -1;
  const today = dayRule(point, zone.today, holidayOn);
  if (today === 'closure') return RANK['temporarily-closed'];
  if (today === 'holiday') return RANK['closed-today'];
  if (today === 'unknown') return RANK.unknown;
  const tomorrow = dayRule(point, zone.tomorrow, holidayOn);
  return RANK[packedKind(today, zone.weekday, zone.minute, closingSoonMinutes, typeof tomorrow === 'string' ? null : tomorrow)];
}

const period = (from: string | null, to: string | null): DatedPeriod[] => (from === null ? [] : [{ startDay: from, endDay: to === FOREVER ? null : to }]);

/** The full schedule of a point's service, for the engine: the same rows search ranks with. */
export function scheduleOfPoint(point: SearchPoint): Schedule {
  return {
    timeZone: point.timeZone,
    regular: point.week === null ? null : unpackWeek(point.week),
    temporaryHours:
      point.ownHours === 0 && point.hoursFrom !== null
        ? { ...(period(point.hoursFrom, point.hoursTo)[0] as DatedPeriod), week: unpackWeek(point.temporaryWeek ?? new Uint8Array()) }
        : null,
    closures: [...period(point.closureFrom, point.closureTo), ...period(point.serviceClosureFrom, point.serviceClosureTo)],
    // The index keeps CLOSED or not: OPEN and UNKNOWN both keep the usual hours on holidays.
    closedOnHolidays: point.closedOnHolidays === 1 ? 'CLOSED' : 'OPEN',
  };
}
