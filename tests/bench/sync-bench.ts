/**
 * Full sync of N generated places from the stand-in over loopback, run as the kiosk runs it (a
 * worker thread of the kiosk process; the stand-in in a process of its own, so its memory is not
 * counted), while a UI-like reader on the main thread queries the mirror every 10 ms:
 * throughput to publication, peak RSS of the kiosk process, the longest a UI read waited.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { POINTS_BY_CATEGORY_SQL } from '../../sync/read/search-points';
import { openMirror } from '../../sync/mirror-database';
import { runSyncInWorker } from '../../sync/run-sync-in-worker';
import { startUntil, stop, TSX } from '../support/processes';

export interface SyncBenchResult {
  places: number;
  /** From the start of the pass to the publication of the complete directory. */
  seconds: number;
  /** Then: GET /place for the spoken languages of every new place (the first pass: all of them). */
  detailsSeconds: number;
  placesPerSecond: number;
  peakRssMb: number;
  /** The last progress marker before the highest RSS sample (where the memory goes). */
  peakRssPhase: string;
  /** How late a 10 ms UI read ran, at worst (scheduling on 2 cores shared with the stand-in included). */
  longestUiWaitMs: number;
  /** The longest a UI read itself took: what the sync's writes could block. */
  longestUiReadMs: number;
  uiReads: number;
  quarantined: number;
  ok: boolean;
  error: string | null;
}

export async function syncBench(count: number): Promise<SyncBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sync-'));
  const token = 'bench-token';
  const standIn = await startUntil(
    TSX,
    ['tests/stand-in/stand-in-cli.ts', '--port', '0', '--places', String(count), '--seed', '7', '--token', token, '--departments', '67,68,75,974', '--now', '2026-11-22T04:00:00Z'],
    /on (http:\/\/127\.0\.0\.1:\d+)/,
    process.env,
    180_000,
  );
  try {
    const mirrorPath = join(dir, 'mirror.sqlite');
    openMirror(mirrorPath).close();
    const reader = new Database(mirrorPath, { readonly: true });
    // What a results screen reads: the search's own range scan (a category's points in a band of
    // latitude around the kiosk).
    const query = reader.prepare(POINTS_BY_CATEGORY_SQL);
    let longestUiWaitMs = 0;
    let longestUiReadMs = 0;
    let phase = 'start';
    let peakPhase = { rssMb: 0, phase };
    let uiReads = 0;
    let expected = performance.now() + 10;
    // The UI's view: a read every 10 ms; the wait is how late it ran plus how long it took.
    const timer = setInterval(() => {
      const started = performance.now();
      query.all('food_distribution', 48.5, 48.65); // Strasbourg
      longestUiReadMs = Math.max(longestUiReadMs, performance.now() - started);
      uiReads++;
      longestUiWaitMs = Math.max(longestUiWaitMs, performance.now() - expected);
      const rssMb = Math.round(process.memoryUsage.rss() / 1048576);
      if (rssMb > peakPhase.rssMb) peakPhase = { rssMb, phase };
      expected = started + 10;
    }, 10);
    const started = performance.now();
    let publishedAt = 0;
    const summary = await runSyncInWorker(
      { kind: 'full', mirrorPath, apiBaseUrl: standIn.match[1] as string, token, languages: ['fr'], now: '2026-11-22T04:30:00Z' },
      (marker) => {
        phase = marker.replace(/ \d+$/, '');
        if (marker === 'published') publishedAt = performance.now();
      },
    );
    const seconds = (publishedAt - started) / 1000;
    const detailsSeconds = (performance.now() - publishedAt) / 1000;
    clearInterval(timer);
    reader.close();
    return {
      places: summary.places,
      seconds: Math.round(seconds * 10) / 10,
      detailsSeconds: Math.round(detailsSeconds * 10) / 10,
      placesPerSecond: Math.round(summary.places / seconds),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      longestUiWaitMs: Math.round(longestUiWaitMs),
      longestUiReadMs: Math.round(longestUiReadMs * 10) / 10,
      peakRssPhase: peakPhase.phase,
      uiReads,
      quarantined: summary.quarantined,
      ok: summary.ok,
      error: summary.error,
    };
  } finally {
    stop(standIn.child);
    await standIn.done;
    rmSync(dir, { recursive: true, force: true });
  }
}
