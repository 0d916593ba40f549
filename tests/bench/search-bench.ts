/**
 * Search on a generated national mirror (100 000 places by default, ~4.6 services each, ingested
 * through the real mapping): p50/p95/p99 of (a) category + near + open now, 30 results, (b)
 * accent-insensitive prefix text within the kiosk's default 5 km (and within 50 km), (c) the
 * place view — and, beside (a), a bare SQL statement for the same question: the floor.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { wallClock } from '../../common/opening/zoned-time';
import { holidayCalendar } from '../../sync/holidays/french-holidays';
import { openMirror } from '../../sync/mirror-database';
import { placeView } from '../../sync/read/place-view';
import { boxAround, searchLeaves, searchPlaces } from '../../sync/read/search-places';
import { writeGeneratedMirror } from '../support/generated-mirror';
import { percentiles } from './percentiles';

const KIOSK = { latitude: 48.5846, longitude: 7.7346 }; // Strasbourg
const NOW = new Date('2026-11-24T10:30:00+01:00'); // a Tuesday morning
const RUNS = 200;


function time(run: (index: number) => unknown): number[] {
  for (let i = 0; i < 20; i++) run(i); // warm-up
  return Array.from({ length: RUNS }, (_, i) => {
    const started = performance.now();
    run(i);
    return performance.now() - started;
  });
}

/** A mirror of `count` generated places (4.6 services per place with services on average). */
export function buildSearchMirror(file: string, count: number): { services: number; buildSeconds: number } {
  const built = performance.now();
  const departments = ['67', '68', '75', '13', '69', '59', '33', '31', '44', '974'];
  const { services } = writeGeneratedMirror(file, { count, seed: 11, departments, now: NOW, servicesPerPlace: 4.6 });
  return { services, buildSeconds: Math.round((performance.now() - built) / 100) / 10 };
}

/**
 * The floor: the same question as one hand-written SQL statement over the same indexes (search
 * points for the candidates, opening_slots for the hours, notices for temporary information in
 * effect today), ordered open → closing soon, then distance, 30 rows.
 */
const FLOOR_SQL = `
  SELECT lieu_id FROM (
    SELECT sp.lieu_id, min(CASE WHEN o.end_minute - @m <= 30 THEN 1 ELSE 0 END) AS soon,
           (sp.latitude - @lat) * (sp.latitude - @lat) + (sp.longitude - @lon) * (sp.longitude - @lon) * @k AS d2
    FROM search_points sp
    JOIN services sv ON sv.service_id = sp.service_id
    JOIN opening_slots o ON o.lieu_id = sp.lieu_id AND o.start_minute <= @m AND @m < o.end_minute
      AND ((sv.has_own_hours = 1 AND o.service_id = sv.service_id AND o.schedule = 'regular')
        OR (sv.has_own_hours = 0 AND o.service_id IS NULL AND o.schedule = CASE WHEN EXISTS (
              SELECT 1 FROM temporary_notices t WHERE t.lieu_id = sp.lieu_id AND t.kind = 'hours'
                AND t.start_day <= @day AND (t.end_day IS NULL OR t.end_day >= @day)) THEN 'temporary' ELSE 'regular' END))
    WHERE sp.category_id IN (SELECT value FROM json_each(@leaves))
      AND sp.latitude BETWEEN @s AND @n AND sp.longitude BETWEEN @w AND @e
      AND NOT (sv.closure_start_day IS NOT NULL AND sv.closure_start_day <= @day AND (sv.closure_end_day IS NULL OR sv.closure_end_day >= @day))
      AND NOT EXISTS (SELECT 1 FROM temporary_notices t WHERE t.lieu_id = sp.lieu_id AND t.kind = 'closure'
                        AND t.start_day <= @day AND (t.end_day IS NULL OR t.end_day >= @day))
    GROUP BY sp.lieu_id)
  WHERE d2 <= @r2
  ORDER BY soon, d2, lieu_id LIMIT 30`;

export async function searchBench(count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-search-'));
  try {
    const file = process.env.BENCH_SEARCH_MIRROR ?? join(dir, 'mirror.sqlite');
    // BENCH_SEARCH_MIRROR keeps the generated mirror between runs (for working on search).
    const { services, buildSeconds } = existsSync(file) ? { services: -1, buildSeconds: 0 } : buildSearchMirror(file, count);
    const db = openMirror(file);
    const placeCount = db.prepare('SELECT count(*) FROM places').pluck().get() as number;
    const serviceCount = db.prepare('SELECT count(*) FROM services').pluck().get() as number;

    const input = { language: 'fr', category: 'food', origin: KIOSK, radiusMetres: 5000, openNow: true, page: 1, pageSize: 30 };
    // The first searches after opening the mirror (or after a sync) read their points from SQLite.
    const coldStarted = performance.now();
    const full = searchPlaces(db, input, NOW, holidayCalendar);
    const coldCategoryMs = Math.round((performance.now() - coldStarted) * 10) / 10;
    const categorySearch = time(() => searchPlaces(db, input, NOW, holidayCalendar));

    const local = wallClock(NOW, 'Europe/Paris');
    const k = Math.cos((KIOSK.latitude * Math.PI) / 180) ** 2;
    const box = boxAround(KIOSK, 5000);
    const floorSql = db.prepare(FLOOR_SQL).pluck();
    const floorParams = {
      s: box.south, n: box.north, w: box.west, e: box.east, lat: KIOSK.latitude, lon: KIOSK.longitude, k,
      r2: (5000 / 111_320) ** 2, leaves: JSON.stringify(searchLeaves(db, 'food')), m: local.weekday * 1440 + local.minute, day: local.day,
    };
    const floorIds = floorSql.all(floorParams) as number[];
    const floor = time(() => floorSql.all(floorParams));

    // The first text search reads the points of every category around the kiosk.
    const coldTextStarted = performance.now();
    searchPlaces(db, { ...input, category: undefined, openNow: false, text: 'acc' }, NOW, holidayCalendar);
    const coldTextMs = Math.round((performance.now() - coldTextStarted) * 10) / 10;
    const words = ['epic', 'resto', 'douch', 'accueil', 'secours', 'heberg', 'sante', 'vest'];
    const textInput = (i: number, radiusMetres: number) => ({ ...input, category: undefined, openNow: false, text: words[i % words.length], radiusMetres });
    const textSearch = time((i) => searchPlaces(db, textInput(i, 5000), NOW, holidayCalendar));
    const wideTextSearch = time((i) => searchPlaces(db, textInput(i, 50_000), NOW, holidayCalendar));

    const someIds = db.prepare('SELECT lieu_id FROM places ORDER BY random() LIMIT 50').pluck().all() as number[];
    const context = { language: 'en', now: NOW, origin: KIOSK, holidaysOf: holidayCalendar };
    const placeTimes = time((i) => placeView(db, someIds[i % someIds.length] as number, context));
    db.close();

    const a = percentiles(categorySearch);
    const f = percentiles(floor);
    return {
      places: placeCount,
      services: serviceCount,
      buildSeconds,
      ...(services >= 0 ? {} : { reusedMirror: file }),
      categoryNearOpenNow: { ...a, results: full.items.length, candidatesOpen: full.total, firstQueryMs: coldCategoryMs },
      firstTextQueryMs: coldTextMs,
      bareSqlFloor: { ...f, results: floorIds.length, sameIds: JSON.stringify(floorIds) === JSON.stringify(full.items.map((item) => item.id)) },
      ratioP95: Math.round((a.p95 / Math.max(0.01, f.p95)) * 100) / 100,
      prefixText: percentiles(textSearch),
      prefixText50km: percentiles(wideTextSearch),
      place: percentiles(placeTimes),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
