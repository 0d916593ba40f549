/**
 * `npm run bench`: performance figures measured in one run, against the targets of DESIGN.md.
 * Progress on stderr; the last stdout line is one JSON object with every figure.
 * `BENCH_PLACES` overrides the size of the sync bench (default 50 000), `BENCH_SEARCH_PLACES` that
 * of the search bench (default 100 000); `BENCH_ONLY=sync|search` runs one of them.
 * Without BENCH_ONLY, each part runs in a fresh process (and the search mirror is generated in
 * one of its own): a kiosk's host never carries the heap of a sync bench or of 100 000 generated
 * places, and their garbage would weigh on the timings.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSearchMirror, searchBench } from './search-bench';
import { syncBench } from './sync-bench';

const TARGETS = { syncPlacesPerSecond: 2000, syncPeakRssMb: 350, uiBlockedMs: 50, searchP95Ms: 5, searchToFloorRatio: 1.5 };

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
    console.log(JSON.stringify(buildSearchMirror(process.env.BENCH_SEARCH_MIRROR as string, searchPlaces)));
    return;
  }
  let sync = null;
  let search = null;
  if (only === undefined) {
    sync = child({ BENCH_ONLY: 'sync' }).sync as Awaited<ReturnType<typeof syncBench>>;
    const dir = mkdtempSync(join(tmpdir(), 'bench-'));
    try {
      const file = join(dir, 'search-mirror.sqlite');
      console.error(`bench: generating a mirror of ${searchPlaces} places for search…`);
      const built = child({ BENCH_ONLY: 'search-build', BENCH_SEARCH_MIRROR: file });
      const measured = child({ BENCH_ONLY: 'search', BENCH_SEARCH_MIRROR: file }).search as Awaited<ReturnType<typeof searchBench>>;
      search = { ...measured, ...built, reusedMirror: undefined };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    if (only !== 'search') {
      console.error(`bench: full sync of ${places} generated places from the stand-in…`);
      sync = await syncBench(places);
    }
    if (only !== 'sync') {
      console.error(`bench: search on a generated mirror of ${searchPlaces} places…`);
      search = await searchBench(searchPlaces);
    }
  }
  const result = {
    sync,
    search,
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
    },
  };
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
