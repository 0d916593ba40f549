/**
 * Search on a generated national mirror (100 000 places by default, ingested through the real
 * mapping): p50/p95/p99 of (a) category + near + open now, 30 results, (b) accent-insensitive
 * prefix text, (c) the place view — and, beside (a), a bare SQL query for the same question
 * (regular weekly hours only, in SQL): the floor the full search is compared with.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { wallClock } from '../../common/opening/zoned-time';
import { replaceCategories } from '../../sync/categories/store-categories';
import { demoTaxonomy } from '../../sync/demo/demo-mirror';
import { generateDirectory } from '../../sync/generator/generate-directory';
import { holidayCalendar } from '../../sync/holidays/french-holidays';
import { openMirror } from '../../sync/mirror-database';
import { createMirrorWriter, refreshDerivedIndexes, resetChangedIds } from '../../sync/mirror-writer';
import { placeView } from '../../sync/read/place-view';
import { searchLeaves, searchPlaces } from '../../sync/read/search-places';
import { categoryTextFor } from '../../sync/soliguide/category-text';
import { mapPlace } from '../../sync/soliguide/map-place';
import { rawPlaceSchema } from '../../sync/soliguide/partner-place';

const KIOSK = { latitude: 48.5846, longitude: 7.7346 }; // Strasbourg
const NOW = new Date('2026-11-24T10:30:00+01:00'); // a Tuesday morning
const RUNS = 200;

function percentiles(samples: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 100) / 100;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

function time(run: (index: number) => unknown): number[] {
  for (let i = 0; i < 20; i++) run(i); // warm-up
  return Array.from({ length: RUNS }, (_, i) => {
    const started = performance.now();
    run(i);
    return performance.now() - started;
  });
}

export async function searchBench(count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-search-'));
  try {
    const built = performance.now();
    const db = openMirror(join(dir, 'mirror.sqlite'));
    const taxonomy = demoTaxonomy();
    const text = categoryTextFor(taxonomy);
    const departments = ['67', '68', '75', '13', '69', '59', '33', '31', '44', '974'];
    const { places } = generateDirectory({ count, seed: 11, departments, now: NOW });
    let services = 0;
    db.transaction(() => {
      replaceCategories(db, taxonomy);
      const writer = createMirrorWriter(db);
      const ids: number[] = [];
      for (const stored of places) {
        if (stored.status !== 'ONLINE' || stored.visibility !== 'ALL') continue;
        const parsed = rawPlaceSchema.safeParse(stored);
        if (!parsed.success) continue;
        const mapped = mapPlace(parsed.data, stored.placeType === 'PARCOURS_MOBILE' ? 'PARCOURS_MOBILE' : 'LIEU', text);
        writer.insert(mapped);
        services += mapped.services.length;
        ids.push(stored.lieu_id);
      }
      resetChangedIds(db, ids);
      refreshDerivedIndexes(db);
    })();
    db.exec('ANALYZE');
    const buildSeconds = Math.round((performance.now() - built) / 100) / 10;
    const placeCount = db.prepare('SELECT count(*) FROM places').pluck().get() as number;

    const input = { language: 'fr', category: 'food', origin: KIOSK, radiusMetres: 5000, openNow: true, page: 1, pageSize: 30 };
    const full = searchPlaces(db, input, NOW, holidayCalendar);
    const categorySearch = time(() => searchPlaces(db, input, NOW, holidayCalendar));

    // The floor: the same question in one SQL statement, regular weekly hours only.
    const local = wallClock(NOW, 'Europe/Paris');
    const minuteOfWeek = local.weekday * 1440 + local.minute;
    const span = { lat: 5000 / 111_320, lon: 5000 / (111_320 * Math.cos((KIOSK.latitude * Math.PI) / 180)) };
    const floorSql = db.prepare(
      `SELECT p.lieu_id FROM places_rtree r JOIN places p ON p.lieu_id = r.lieu_id
       WHERE r.min_latitude >= @s AND r.max_latitude <= @n AND r.min_longitude >= @w AND r.max_longitude <= @e
         AND EXISTS (SELECT 1 FROM services sv WHERE sv.lieu_id = p.lieu_id AND sv.category_id IN (SELECT value FROM json_each(@leaves))
           AND EXISTS (SELECT 1 FROM opening_slots o WHERE o.lieu_id = p.lieu_id AND o.schedule = 'regular'
             AND (o.service_id = sv.service_id OR (o.service_id IS NULL AND sv.has_own_hours = 0))
             AND o.start_minute <= @m AND @m < o.end_minute))
       LIMIT 30`,
    ).pluck();
    const floorParams = {
      s: KIOSK.latitude - span.lat, n: KIOSK.latitude + span.lat, w: KIOSK.longitude - span.lon, e: KIOSK.longitude + span.lon,
      leaves: JSON.stringify(searchLeaves(db, 'food')), m: minuteOfWeek,
    };
    const floorIds = floorSql.all(floorParams) as number[];
    const floor = time(() => floorSql.all(floorParams));

    const words = ['epic', 'resto', 'douch', 'accueil', 'secours', 'heberg', 'sante', 'vest'];
    const textSearch = time((i) => searchPlaces(db, { ...input, category: undefined, openNow: false, text: words[i % words.length], radiusMetres: 50_000 }, NOW, holidayCalendar));

    const someIds = db.prepare('SELECT lieu_id FROM places ORDER BY random() LIMIT 50').pluck().all() as number[];
    const context = { language: 'en', now: NOW, origin: KIOSK, holidaysOf: holidayCalendar };
    const placeTimes = time((i) => placeView(db, someIds[i % someIds.length] as number, context));
    db.close();

    const a = percentiles(categorySearch);
    const f = percentiles(floor);
    return {
      places: placeCount,
      services,
      buildSeconds,
      categoryNearOpenNow: { ...a, results: full.items.length, candidatesOpen: full.total },
      bareSqlFloor: { ...f, results: floorIds.length },
      ratioP95: Math.round((a.p95 / Math.max(0.01, f.p95)) * 10) / 10,
      prefixText: percentiles(textSearch),
      place: percentiles(placeTimes),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
