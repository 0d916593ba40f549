/**
 * The route pass: a walking route from the kiosk to every place within the radius that has an
 * address (places "sur orientation" only have their town's position), computed only for places
 * that are new, moved, or whose route was computed from elsewhere. A failed request leaves the
 * place's previous row as it was; the next pass tries again.
 */
import { boxAround } from '../../common/geo/tile-grid';
import { distanceMetres, type Point } from '../../common/geo/walking';
import type { MirrorDatabase } from '../mirror-database';
import type { Router } from './routing-client';
import { runQueue } from './work-queue';

export interface RoutePassOptions {
  origin: Point;
  radiusKm: number;
  source: 'ign' | 'osrm';
  router: Router;
  now: () => Date;
  /** Requests at once (their starts are spaced by the polite fetch). */
  concurrency?: number;
  onProgress?: (marker: string) => void;
}

export interface RoutePassSummary {
  considered: number;
  reused: number;
  computed: number;
  noRoute: number;
  failed: number;
  pruned: number;
  /** Not asked: the service kept failing, the pass gave up (offline kiosk, service down). */
  skipped: number;
  errors: string[];
}

/** Failures in a row after which the service is taken as unreachable for this pass. */
const GIVE_UP_AFTER = 4;

/** Two positions closer than this (~1 m) are the same: coordinates go through JSON and text. */
const SAME_POSITION_DEGREES = 0.00001;

interface Candidate {
  lieu_id: number;
  latitude: number;
  longitude: number;
}

interface StoredEnds {
  from_latitude: number;
  from_longitude: number;
  to_latitude: number;
  to_longitude: number;
  source: string;
}

const same = (a: number, b: number): boolean => Math.abs(a - b) < SAME_POSITION_DEGREES;

export function routeMatches(row: StoredEnds, from: Point, to: Point): boolean {
  return same(row.from_latitude, from.latitude) && same(row.from_longitude, from.longitude) && same(row.to_latitude, to.latitude) && same(row.to_longitude, to.longitude);
}

export async function routePlaces(db: MirrorDatabase, options: RoutePassOptions): Promise<RoutePassSummary> {
  const summary: RoutePassSummary = { considered: 0, reused: 0, computed: 0, noRoute: 0, failed: 0, pruned: 0, skipped: 0, errors: [] };
  const box = boxAround(options.origin, options.radiusKm);
  const candidates = (
    db
      .prepare(
        `SELECT lieu_id, latitude, longitude FROM places
         WHERE address IS NOT NULL AND latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?`,
      )
      .all(box.south, box.north, box.west, box.east) as Candidate[]
  )
    .map((place) => ({ place, distance: distanceMetres(options.origin, place) }))
    .filter(({ distance }) => distance <= options.radiusKm * 1000)
    // Nearest first: if the pass is cut short, the places people walk to most are done.
    .sort((a, b) => a.distance - b.distance)
    .map(({ place }) => place);
  summary.considered = candidates.length;

  const storedOf = db.prepare('SELECT from_latitude, from_longitude, to_latitude, to_longitude, source FROM walking_routes WHERE lieu_id = ?');
  const save = db.prepare(
    `INSERT OR REPLACE INTO walking_routes
       (lieu_id, from_latitude, from_longitude, to_latitude, to_longitude, outcome, source, distance_m, geometry_json, steps_json, computed_at)
     VALUES (@lieu_id, @from_latitude, @from_longitude, @to_latitude, @to_longitude, @outcome, @source, @distance_m, @geometry_json, @steps_json, @computed_at)`,
  );
  const todo = candidates.filter((place) => {
    const stored = storedOf.get(place.lieu_id) as StoredEnds | undefined;
    const reuse = stored !== undefined && stored.source === options.source && routeMatches(stored, options.origin, place);
    if (reuse) summary.reused++;
    return !reuse;
  });

  const queue = await runQueue(todo, { concurrency: options.concurrency ?? 2, giveUpAfter: GIVE_UP_AFTER }, async (place) => {
    const ends = {
      lieu_id: place.lieu_id,
      from_latitude: options.origin.latitude,
      from_longitude: options.origin.longitude,
      to_latitude: place.latitude,
      to_longitude: place.longitude,
      source: options.source,
      computed_at: options.now().toISOString(),
    };
    try {
      const answer = await options.router(options.origin, place);
      if (answer.kind === 'no-route') {
        save.run({ ...ends, outcome: 'none', distance_m: null, geometry_json: null, steps_json: null });
        summary.noRoute++;
      } else {
        save.run({
          ...ends,
          outcome: 'route',
          distance_m: answer.route.distanceMetres,
          geometry_json: JSON.stringify(answer.route.geometry),
          steps_json: JSON.stringify(answer.route.steps),
        });
        summary.computed++;
      }
      if ((summary.computed + summary.noRoute) % 50 === 0) options.onProgress?.(`routes ${summary.computed + summary.noRoute}`);
      return 'success';
    } catch (error) {
      summary.failed++;
      if (summary.errors.length < 5) summary.errors.push(`place ${place.lieu_id}: ${(error as Error).message}`);
      return 'failure';
    }
  });
  summary.skipped = queue.skipped;
  if (queue.gaveUp) summary.errors.push(`gave up after ${GIVE_UP_AFTER} failures in a row; the other places keep their previous route or estimate`);
  summary.pruned = db.prepare('DELETE FROM walking_routes WHERE lieu_id NOT IN (SELECT lieu_id FROM places)').run().changes;
  return summary;
}
