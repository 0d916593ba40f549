/**
 * `npm run bench`: performance figures measured in one run, against the targets of DESIGN.md.
 * Progress on stderr; the last stdout line is one JSON object with every figure.
 * `BENCH_PLACES` overrides the size of the sync bench (default 50 000), `BENCH_SEARCH_PLACES`
 * that of the search bench (default 100 000); `BENCH_ONLY=sync|search|quality|ui|geodata|print`
 * runs one of them (`BENCH_ONLY=search-build` only generates the search mirror into
 * `BENCH_SEARCH_MIRROR`).
 * The quality bench (tests/bench/quality-bench.ts) and the UI bench (tests/bench/ui-bench.ts: the
 * renderer built, served by the host and driven in Chromium) run on the search bench's mirror:
 * `BENCH_ONLY=quality|ui` needs `BENCH_SEARCH_MIRROR` (the mirror is generated there if the file
 * does not exist); `BENCH_UI_SESSIONS` lowers the UI bench's number of idle-reset sessions
 * (default 1000).
 * Without BENCH_ONLY, each part runs in a fresh process (and the search mirror is generated in
 * one of its own, then used by the search, quality and UI parts before it is deleted): a kiosk's host
 * never carries the heap of a sync bench or of 100 000 generated places, and their garbage would
 * weigh on the timings.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// Types only: each part's module is loaded by the process that runs it, so the sync part's
// process (whose peak RSS is the kiosk's figure) does not carry playwright-core and the others.
import type * as SearchPart from './search-bench';
import type * as SyncPart from './sync-bench';
import type * as UiPart from './ui-bench';
import type * as GeodataPart from './geodata-bench';
import type * as PrintPart from './print-bench';
import type * as QualityPart from './quality-bench';

const TARGETS = {
  syncPlacesPerSecond: 2000,
  syncPeakRssMb: 350,
  uiBlockedMs: 50,
  searchP95Ms: 5,
  searchToFloorRatio: 1.5,
  tapToFirstResultP95Ms: 100,
  coldStartMs: 2000,
  rendererJsGzipKb: 150,
  heapGrowthRatio: 1.1,
  tileServeP95Ms: 20,
  /** Not in DESIGN.md: a person waits at most this long for "Printing…" to turn into a job. */
  tapToSpooledP95Ms: 3000,
};

/** Runs this script again with the environment given; its last stdout line, parsed. */
function child(env: Record<string, string>): Record<string, unknown> {
  const result = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`bench part ${JSON.stringify(env)} failed with exit code ${result.status}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) as string) as Record<string, unknown>;
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  const places = Number(process.env.BENCH_PLACES ?? 50_000);
  const searchPlaces = Number(process.env.BENCH_SEARCH_PLACES ?? 100_000);
  if (only === 'search-build') {
    const { buildSearchMirror } = await import('./search-bench');
    console.log(JSON.stringify(buildSearchMirror(process.env.BENCH_SEARCH_MIRROR as string, searchPlaces)));
    return;
  }
  if (only !== undefined && !['sync', 'search', 'quality', 'ui', 'geodata', 'print'].includes(only)) throw new Error(`BENCH_ONLY=${only}: expected sync, search, search-build, quality, ui, geodata or print`);
  let sync = null;
  let search = null;
  let quality = null;
  let ui = null;
  let geodata = null;
  let print = null;
  if (only === undefined) {
    sync = child({ BENCH_ONLY: 'sync' }).sync as Awaited<ReturnType<typeof SyncPart.syncBench>>;
    geodata = child({ BENCH_ONLY: 'geodata' }).geodata as Awaited<ReturnType<typeof GeodataPart.geodataBench>>;
    print = child({ BENCH_ONLY: 'print' }).print as Awaited<ReturnType<typeof PrintPart.printBench>>;
    const dir = mkdtempSync(join(tmpdir(), 'bench-'));
    try {
      const file = join(dir, 'search-mirror.sqlite');
      console.error(`bench: generating a mirror of ${searchPlaces} places for search…`);
      const built = child({ BENCH_ONLY: 'search-build', BENCH_SEARCH_MIRROR: file });
      const measured = child({ BENCH_ONLY: 'search', BENCH_SEARCH_MIRROR: file }).search as Awaited<ReturnType<typeof SearchPart.searchBench>>;
      search = { ...measured, ...built, reusedMirror: undefined };
      console.error('bench: the data quality index on the same mirror, inline and in its worker…');
      quality = child({ BENCH_ONLY: 'quality', BENCH_SEARCH_MIRROR: file }).quality as Awaited<ReturnType<typeof QualityPart.qualityBench>>;
      console.error('bench: the kiosk\'s screen in Chromium, on the same mirror…');
      ui = child({ BENCH_ONLY: 'ui', BENCH_SEARCH_MIRROR: file }).ui as Awaited<ReturnType<typeof UiPart.uiBench>>;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else if (only === 'sync') {
    console.error(`bench: full sync of ${places} generated places from the stand-in…`);
    sync = await (await import('./sync-bench')).syncBench(places);
  } else if (only === 'geodata') {
    geodata = await (await import('./geodata-bench')).geodataBench();
  } else if (only === 'print') {
    console.error('bench: tap on Print to the job accepted by CUPS…');
    print = await (await import('./print-bench')).printBench();
  } else if (only === 'search') {
    console.error(`bench: search on a generated mirror of ${searchPlaces} places…`);
    search = await (await import('./search-bench')).searchBench(searchPlaces);
  } else {
    const file = process.env.BENCH_SEARCH_MIRROR;
    if (!file) throw new Error(`BENCH_ONLY=${only} needs BENCH_SEARCH_MIRROR: the mirror file to run on`);
    if (!existsSync(file)) {
      console.error(`bench: generating a mirror of ${searchPlaces} places into ${file}…`);
      (await import('./search-bench')).buildSearchMirror(file, searchPlaces);
    }
    if (only === 'quality') {
      console.error('bench: the data quality index, inline and in its worker…');
      quality = await (await import('./quality-bench')).qualityBench(file);
    } else {
      console.error('bench: the kiosk\'s screen in Chromium…');
      ui = await (await import('./ui-bench')).uiBench(file);
    }
  }
  const result = {
    sync,
    search,
    quality,
    ui,
    geodata,
    print,
    targets: TARGETS,
    meets: {
      ...(sync && {
        syncThroughput: sync.placesPerSecond >= TARGETS.syncPlacesPerSecond,
        syncMemory: sync.peakRssMb <= TARGETS.syncPeakRssMb,
        // A read's own duration is what the sync's writes could block; the timer's lateness also
        // counts CPU shared on 2 cores with the stand-in, reported beside it (longestUiWaitMs).
        uiNeverBlocked: sync.longestUiReadMs <= TARGETS.uiBlockedMs,
      }),
      ...(search && {
        searchP95: search.categoryNearOpenNow.p95 <= TARGETS.searchP95Ms,
        searchToFloor: search.ratioP95 <= TARGETS.searchToFloorRatio,
        textP95: search.prefixText.p95 <= TARGETS.searchP95Ms,
      }),
      // The main thread answers every UI call: the index must not stall it longer than a sync may.
      ...(quality && { qualityOffMainThread: quality.sameIndex && quality.mainThreadStallMs.worker <= TARGETS.uiBlockedMs }),
      ...(ui && {
        // Both needs measured (food distribution, showers); every cold start, not only the median.
        tapToFirstResultP95: ui.tapToFirstResult.p95 <= TARGETS.tapToFirstResultP95Ms,
        coldStart: ui.coldStartMs.max <= TARGETS.coldStartMs,
        rendererJsSize: ui.rendererJsGzipKb <= TARGETS.rendererJsGzipKb,
        heapGrowth: ui.heap.heapGrowthRatio <= TARGETS.heapGrowthRatio,
      }),
      ...(geodata && { tileServeP95: geodata.tileServeMs.p95 <= TARGETS.tileServeP95Ms }),
      ...(print && { tapToSpooledP95: print.tapToSpooledMs.p95 <= TARGETS.tapToSpooledP95Ms }),
    },
  };
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
