/**
 * One sync pass, full or light, with everything around it: the lock, the run log, quarantine,
 * and a failure message that says which request failed and what was kept.
 *
 * - Full reconciliation: every page of the territory and the translations into a staging file,
 *   one publishing transaction (publish.ts), then spoken languages for the places that need them
 *   (place-details.ts), in small transactions. Daily, after Soliguide's
 *   04:00 jobs, and at start when the data is older than its budget (scheduler.ts).
 * - Light refresh: places edited since the day before the last success (`updatedAt` filter,
 *   which Soliguide applies to human edits, API.md §5.4), upserted in one transaction; it hides
 *   nothing and does not touch translations: the next full pass does.
 */
import { rmSync } from 'node:fs';
import { z } from 'zod';
import { replaceCategories, type ApiCategoryNode } from './categories/store-categories';
import { openMirror, type MirrorDatabase } from './mirror-database';
import { categoryTree, mirrorSummary } from './mirror-queries';
import { createMirrorWriter, refreshDerivedIndexes, resetChangedIds } from './mirror-writer';
import { fetchPlaceDetails } from './place-details';
import { publishStaging } from './publish';
import type { SoliguideClient } from './soliguide/api-client';
import { categoryTextFor } from './soliguide/category-text';
import { mapPlace, type CategoryText, type MappedPlace } from './soliguide/map-place';
import { readAllPages, type PageOfPlaces } from './soliguide/read-pages';
import { acquireSyncLock } from './sync-lock';
import { failRun, finishRun, lastSuccess, recordQuarantine, startRun, type QuarantinedRecord } from './sync-runs';
import { fetchTranslations } from './translations';
import { refreshGeodata, type GeodataSettings, type GeodataSummary } from './geodata/refresh-geodata';

export interface SyncOptions {
  mirrorPath: string;
  client: SoliguideClient;
  /** Enabled kiosk languages; translations are fetched for those Soliguide has. */
  languages: readonly string[];
  /**
   * The kiosk's territory. The API already limits a partner to its account's departments; a kiosk
   * may serve fewer of them, and keeps only those. Absent: everything the account sees.
   */
  departments?: readonly string[];
  now: () => Date;
  pageSize?: number;
  detailsConcurrency?: number;
  /** Progress markers (tests kill the process at each of them). */
  onProgress?: (marker: string) => void;
  /** Called on each database the pass opens (tests use it to make the disk look full). */
  onOpen?: (db: MirrorDatabase, role: 'live' | 'staging') => void;
  /** Map tiles and walking routes after the places: tiles on full passes, routes on both. */
  geodata?: GeodataSettings;
}

export interface SyncSummary {
  ok: boolean;
  kind: 'full' | 'light';
  places: number;
  added: number;
  updated: number;
  hidden: number;
  quarantined: number;
  ms: number;
  error: string | null;
  /** What the geodata step did; null when it did not run (not configured, or the pass failed). */
  geodata: GeodataSummary | null;
}

const categoryNodeSchema: z.ZodType<ApiCategoryNode> = z.looseObject({
  id: z.string().regex(/^[a-z0-9_]+$/),
  rank: z.number(),
  get children() {
    return z.array(categoryNodeSchema);
  },
});
const categoriesAnswerSchema = z.array(categoryNodeSchema).min(1);

const MAX_QUARANTINE_KEPT = 200;
/** Two pages are in memory at once (the next one is prefetched): 500 places ≈ 3 MB of JSON each. */
const DEFAULT_PAGE_SIZE = 500;

class Quarantine {
  readonly kept: QuarantinedRecord[] = [];
  count = 0;
  add = (record: QuarantinedRecord): void => {
    this.count++;
    if (this.kept.length < MAX_QUARANTINE_KEPT) this.kept.push(record);
  };
}

function keptState(live: MirrorDatabase): string {
  const summary = mirrorSummary(live);
  return summary.dataDate
    ? `the mirror of ${summary.dataDate} (${summary.placeCount} places) is kept`
    : 'the mirror stays empty until a pass succeeds';
}

async function fetchCategories(client: SoliguideClient): Promise<ApiCategoryNode[]> {
  const parsed = categoriesAnswerSchema.safeParse(await client.categories());
  if (!parsed.success) throw new Error('GET /v2/categories: the answer is not a category tree');
  return parsed.data;
}

function mapPage(page: PageOfPlaces, categoryText: CategoryText, seen: Set<number>, departments?: readonly string[]): MappedPlace[] {
  const mapped: MappedPlace[] = [];
  for (const { place } of page.places) {
    if (seen.has(place.lieu_id)) continue; // a place repeated across pages is taken once
    if (departments && !departments.includes(place.position.departmentCode.trim())) continue;
    seen.add(place.lieu_id);
    mapped.push(mapPlace(place, page.placeType, categoryText));
  }
  return mapped;
}

async function fullPass(live: MirrorDatabase, runId: number, options: SyncOptions, quarantine: Quarantine) {
  const progress = options.onProgress ?? (() => undefined);
  const stagingPath = `${options.mirrorPath}.staging`;
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(stagingPath + suffix, { force: true });
  const staging = openMirror(stagingPath, { staging: true });
  try {
    options.onOpen?.(staging, 'staging');
    const roots = await fetchCategories(options.client);
    staging.transaction(() => replaceCategories(staging, roots))();
    progress('categories');
    const categoryText = categoryTextFor(roots);
    const rootIds = roots.map((root) => root.id);
    const writer = createMirrorWriter(staging);
    const seen = new Set<number>();
    for (const placeType of ['LIEU', 'PARCOURS_MOBILE'] as const) {
      await readAllPages({
        client: options.client,
        rootCategories: rootIds,
        placeType,
        pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
        onQuarantine: quarantine.add,
        onPage: (page) => {
          const mapped = mapPage(page, categoryText, seen, options.departments);
          staging.transaction(() => mapped.forEach((place) => writer.insert(place)))();
          progress(`page ${placeType} ${page.page}`);
        },
      });
    }
    const others = options.languages.filter((code) => code !== 'fr');
    await fetchTranslations(staging, options.client, others, rootIds, categoryText, quarantine.add);
    progress('translations');
    staging.close();
    progress('publishing');
    const counts = publishStaging(
      live,
      { stagingPath, runId, now: options.now(), quarantined: quarantine.kept, quarantinedCount: quarantine.count },
      progress,
    );
    progress('published');
    await fetchPlaceDetails(live, options.client, options.now(), options.detailsConcurrency ?? 8);
    progress('details');
    return counts;
  } finally {
    if (staging.open) staging.close();
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(stagingPath + suffix, { force: true });
  }
}

async function lightPass(live: MirrorDatabase, runId: number, options: SyncOptions, quarantine: Quarantine) {
  const roots = categoryTree(live);
  if (roots.length === 0) throw new Error('no full pass has succeeded yet: a light refresh needs the category graph of one');
  const since = lastSuccess(live) ?? options.now();
  const updatedSince = new Date(since.getTime() - 86_400_000).toISOString().slice(0, 10);
  const categoryText = categoryTextFor(roots);
  const seen = new Set<number>();
  const mapped: MappedPlace[] = [];
  for (const placeType of ['LIEU', 'PARCOURS_MOBILE'] as const) {
    await readAllPages({
      client: options.client,
      rootCategories: roots.map((root) => root.id),
      placeType,
      pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
      updatedSince,
      onQuarantine: quarantine.add,
      onPage: (page) => mapped.push(...mapPage(page, categoryText, seen, options.departments)),
    });
  }
  const hashOf = live.prepare('SELECT content_hash FROM places WHERE lieu_id = ?').pluck();
  const changed = mapped.filter((place) => hashOf.get(place.place.lieu_id) !== place.place.content_hash);
  const added = changed.filter((place) => hashOf.get(place.place.lieu_id) === undefined).length;
  return live.transaction(() => {
    const ids = changed.map((place) => place.place.lieu_id);
    resetChangedIds(live, ids);
    // Spoken languages come from GET /place, which a light pass does not call: keep them.
    const languages = live.prepare('SELECT * FROM place_languages WHERE lieu_id IN (SELECT lieu_id FROM temp.changed_ids)').all();
    const details = live.prepare('SELECT * FROM place_details WHERE lieu_id IN (SELECT lieu_id FROM temp.changed_ids)').all();
    live.exec('DELETE FROM places WHERE lieu_id IN (SELECT lieu_id FROM temp.changed_ids)');
    const writer = createMirrorWriter(live);
    changed.forEach((place) => writer.insert(place));
    const restoreLanguage = live.prepare('INSERT INTO place_languages (lieu_id, language) VALUES (@lieu_id, @language)');
    const restoreDetails = live.prepare('INSERT INTO place_details (lieu_id, etag, fetched_at) VALUES (@lieu_id, @etag, @fetched_at)');
    languages.forEach((row) => restoreLanguage.run(row));
    details.forEach((row) => restoreDetails.run(row));
    refreshDerivedIndexes(live);
    const places = live.prepare('SELECT count(*) FROM places').pluck().get() as number;
    const counts = { places, added, updated: changed.length - added, hidden: 0, quarantined: quarantine.count };
    recordQuarantine(live, runId, quarantine.kept);
    finishRun(live, runId, options.now(), counts);
    return counts;
  })();
}

export async function runSync(kind: 'full' | 'light', options: SyncOptions): Promise<SyncSummary> {
  const started = Date.now();
  const summary = (fields: Partial<SyncSummary>): SyncSummary => ({
    ok: false, kind, places: 0, added: 0, updated: 0, hidden: 0, quarantined: 0, ms: Date.now() - started, error: null, geodata: null, ...fields,
  });
  let release: () => void;
  try {
    release = acquireSyncLock(options.mirrorPath);
  } catch (error) {
    return summary({ error: (error as Error).message });
  }
  const live = openMirror(options.mirrorPath);
  const quarantine = new Quarantine();
  try {
    options.onOpen?.(live, 'live');
    const runId = startRun(live, kind, options.now());
    try {
      const counts = kind === 'full' ? await fullPass(live, runId, options, quarantine) : await lightPass(live, runId, options, quarantine);
      live.pragma('wal_checkpoint(PASSIVE)');
      const geodata = options.geodata
        ? await refreshGeodata(live, options.geodata, { tiles: kind === 'full', routes: true }, options.now, options.onProgress)
        : null;
      return summary({ ok: true, ...counts, geodata });
    } catch (error) {
      const message = `${(error as Error).message}; ${keptState(live)}`;
      try {
        live.transaction(() => {
          recordQuarantine(live, runId, quarantine.kept);
          failRun(live, runId, options.now(), message, quarantine.count);
        })();
      } catch {
        // The disk may be full: the run stays 'running' and is closed as interrupted by the next one.
      }
      return summary({ error: message, quarantined: quarantine.count, places: mirrorSummary(live).placeCount });
    }
  } finally {
    live.close();
    release();
  }
}
