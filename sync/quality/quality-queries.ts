/**
 * The set-based reads behind the data quality index (quality-index.ts): one GROUP BY for the
 * recency and completeness of every scope, one join for the essential categories near the kiosk,
 * one sorted read for the oldest places. Nothing here runs a query per place.
 */
import { distanceMetres, type Point } from '../../common/geo/walking';
import type { MirrorDatabase } from '../mirror-database';

const DAY_MS = 86_400_000;
/** SQLite's julianday() is its integer milliseconds since -4713-11-24 12:00 divided by DAY_MS. */
const UNIX_EPOCH_JULIAN_MS = 210_866_760_000_000;

/** Bucket limits in days, inclusive: under1m ≤ 31, 1to3m ≤ 92, 3to6m ≤ 183, 6to12m ≤ 365. */
export const AGE_LIMIT_DAYS = [31, 92, 183, 365] as const;

/**
 * The instant `days` before `now` as julianday() would give it. Both sides divide the same
 * integer milliseconds by the same constant, so a date exactly 31 days old compares equal,
 * not a rounding error away.
 */
function julianDaysBefore(now: Date, days: number): number {
  return (now.getTime() - days * DAY_MS + UNIX_EPOCH_JULIAN_MS) / DAY_MS;
}

/**
 * updated_at as a julian day, NULL when missing or unreadable. julianday() alone would read a
 * bare number ("2024") as a julian day number, so the text must start like an ISO date.
 */
const UPDATED_JULIAN = `CASE WHEN p.updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN julianday(p.updated_at) END`;

/** The age bucket of the julian day `updated`: 0 (under1m) to 4 (over12m), 5 unknown. */
const AGE_BUCKET_SQL = `CASE WHEN updated IS NULL THEN 5 WHEN updated >= @limit1 THEN 0 WHEN updated >= @limit2 THEN 1
  WHEN updated >= @limit3 THEN 2 WHEN updated >= @limit4 THEN 3 ELSE 4 END`;

/**
 * "The access conditions or the public are stated" for one pair of modalities/publics JSON
 * columns (sync/soliguide/conditions.ts). Stated: unconditional access, a condition ticked
 * (appointment, registration, referral), the fee answered either way (Soliguide leaves
 * price.checked absent until someone answers), any details or "other conditions" text, a public
 * other than everyone, or a public description. An unticked appointment/registration/referral is
 * not a statement: false is the form's default.
 */
function statedSql(modalities: string, publics: string): string {
  // coalesce: a missing key makes its comparison NULL, and NULL OR false is NULL, not false.
  return `coalesce(${modalities} ->> '$.unconditional' = 1
    OR ${modalities} ->> '$.appointment.required' = 1
    OR ${modalities} ->> '$.registration.required' = 1
    OR ${modalities} ->> '$.referral.required' = 1
    OR ${modalities} ->> '$.fee.required' IS NOT NULL
    OR coalesce(${modalities} ->> '$.appointment.details', ${modalities} ->> '$.registration.details',
      ${modalities} ->> '$.referral.details', ${modalities} ->> '$.fee.details', ${modalities} ->> '$.otherText') IS NOT NULL
    OR ${publics} ->> '$.policy' <> 'everyone'
    OR ${publics} ->> '$.description' IS NOT NULL, 0)`;
}

/** The same sums for the territory and for each root: every one over 0/1 values of existing rows, so never NULL. */
const SCOPE_SUMS = `count(*) AS placeCount,
  sum(age = 0) AS under1m, sum(age = 1) AS from1to3m, sum(age = 2) AS from3to6m,
  sum(age = 3) AS from6to12m, sum(age = 4) AS over12m, sum(age = 5) AS unknown,
  sum(hours) AS hours, sum(phone) AS phone, sum(description) AS description,
  sum(conditions) AS conditions, sum(languages) AS languages`;

/**
 * One row per scope that has places: the territory (scope NULL) and each root category, whose
 * places are those with a service in a category of `@categoryRoots` ([category, root] pairs).
 * The facts of each place are worked out once (MATERIALIZED) and then looked up for each root
 * it belongs to: a place is in 2.5 roots on average, and its facts are most of the cost.
 */
const SCOPE_FACTS_SQL = `
WITH root_of(category_id, root_id) AS (
  SELECT value ->> 0, value ->> 1 FROM json_each(@categoryRoots)
),
dated AS (
  SELECT p.*, ${UPDATED_JULIAN} AS updated FROM places p
),
facts AS MATERIALIZED (
  SELECT p.lieu_id, ${AGE_BUCKET_SQL} AS age,
    EXISTS (SELECT 1 FROM opening_slots o WHERE o.lieu_id = p.lieu_id AND o.schedule = 'regular') AS hours,
    EXISTS (SELECT 1 FROM place_phones t WHERE t.lieu_id = p.lieu_id) AS phone,
    length(trim(coalesce(p.description_text, ''))) >= 1 AS description,
    (${statedSql('p.modalities_json', 'p.publics_json')}
      OR EXISTS (SELECT 1 FROM services s WHERE s.lieu_id = p.lieu_id AND ${statedSql('s.modalities_json', 's.publics_json')})) AS conditions,
    EXISTS (SELECT 1 FROM place_languages l WHERE l.lieu_id = p.lieu_id) AS languages
  FROM dated p
),
membership(scope, lieu_id) AS (
  SELECT DISTINCT r.root_id, s.lieu_id FROM root_of r JOIN services s ON s.category_id = r.category_id
)
SELECT NULL AS scope, ${SCOPE_SUMS} FROM facts HAVING count(*) > 0
UNION ALL
SELECT m.scope, ${SCOPE_SUMS} FROM membership m JOIN facts f ON f.lieu_id = m.lieu_id GROUP BY m.scope`;

export interface ScopeFacts {
  /** null: the whole territory. */
  scope: string | null;
  placeCount: number;
  under1m: number;
  from1to3m: number;
  from3to6m: number;
  from6to12m: number;
  over12m: number;
  unknown: number;
  hours: number;
  phone: number;
  description: number;
  conditions: number;
  languages: number;
}

export function readScopeFacts(db: MirrorDatabase, now: Date, categoryRoots: readonly (readonly [string, string])[]): ScopeFacts[] {
  const [limit1, limit2, limit3, limit4] = AGE_LIMIT_DAYS.map((days) => julianDaysBefore(now, days));
  return db.prepare(SCOPE_FACTS_SQL).all({ categoryRoots: JSON.stringify(categoryRoots), limit1, limit2, limit3, limit4 }) as ScopeFacts[];
}

/**
 * Services in an essential category or below it, at places inside the box around the kiosk:
 * `services_by_category` per category, then each place by its key.
 */
export const ESSENTIALS_IN_BOX_SQL = `
WITH RECURSIVE under(essential, category_id) AS (
  SELECT value, value FROM json_each(@essentials)
  UNION
  SELECT u.essential, l.child_id FROM under u JOIN category_links l ON l.parent_id = u.category_id
)
SELECT DISTINCT u.essential, p.lieu_id AS lieuId, p.latitude, p.longitude
FROM under u JOIN services s ON s.category_id = u.category_id JOIN places p ON p.lieu_id = s.lieu_id
WHERE p.latitude BETWEEN @south AND @north AND p.longitude BETWEEN @west AND @east`;

const METRES_PER_DEGREE = 111_195; // of latitude, and of longitude at the equator (6 371 km sphere)

/** A box that holds the circle, a little larger (the exact test is the distance). */
function boxAround(origin: Point, radiusMetres: number): { south: number; north: number; west: number; east: number } {
  const latitudeSpan = (radiusMetres / METRES_PER_DEGREE) * 1.01 + 1e-6;
  const south = Math.max(-90, origin.latitude - latitudeSpan);
  const north = Math.min(90, origin.latitude + latitudeSpan);
  // Degrees of longitude shrink with the cosine of the latitude: take the edge nearest a pole.
  const cosine = Math.cos((Math.max(Math.abs(south), Math.abs(north)) * Math.PI) / 180);
  const longitudeSpan = cosine > 1e-6 ? latitudeSpan / cosine : 360;
  if (longitudeSpan >= 180) return { south, north, west: -180, east: 180 };
  // Across the antimeridian the box would need two ranges: read the whole band of latitude instead.
  const west = origin.longitude - longitudeSpan;
  const east = origin.longitude + longitudeSpan;
  return west < -180 || east > 180 ? { south, north, west: -180, east: 180 } : { south, north, west, east };
}

/** How many places within the radius have a service in each essential category (or below it). */
export function countEssentialsNear(
  db: MirrorDatabase,
  essentials: readonly string[],
  origin: Point,
  radiusMetres: number,
): Map<string, number> {
  const counts = new Map(essentials.map((id) => [id, 0]));
  if (essentials.length === 0) return counts;
  const rows = db.prepare(ESSENTIALS_IN_BOX_SQL).all({ essentials: JSON.stringify(essentials), ...boxAround(origin, radiusMetres) }) as {
    essential: string;
    lieuId: number;
    latitude: number;
    longitude: number;
  }[];
  // DISTINCT already made (essential, place) unique; the same metres as the search (≤ radius).
  for (const row of rows) {
    if (distanceMetres(origin, row) <= radiusMetres) counts.set(row.essential, (counts.get(row.essential) ?? 0) + 1);
  }
  return counts;
}

export interface OldPlace {
  id: number;
  name: string;
  updatedAt: string | null;
}

/**
 * Unknown or unreadable dates first (SQLite sorts NULL before any number), then the oldest, ties
 * by id. updatedAt is the stored text, unreadable or not.
 */
export function readOldestPlaces(db: MirrorDatabase, limit: number): OldPlace[] {
  return db
    .prepare(`SELECT p.lieu_id AS id, p.name, p.updated_at AS updatedAt FROM places p ORDER BY ${UPDATED_JULIAN}, p.lieu_id LIMIT ?`)
    .all(limit) as OldPlace[];
}
