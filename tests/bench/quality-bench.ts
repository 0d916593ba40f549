/**
 * The data quality index on the search bench's national mirror: how long one computation takes,
 * and how long the kiosk's main thread stalls meanwhile — the whole computation when it runs
 * inline, only a timer's lateness when the worker computes it (the way the kiosk does).
 */
import { performance } from 'node:perf_hooks';
import { openMirror } from '../../sync/mirror-database';
import { DEFAULT_ESSENTIAL_CATEGORIES, qualityIndex, type QualityOptions } from '../../sync/quality/quality-index';
import { qualityIndexInWorker } from '../../sync/quality/quality-in-worker';

const OPTIONS: QualityOptions = {
  now: new Date('2026-11-24T10:30:00+01:00'),
  origin: { latitude: 48.5846, longitude: 7.7346 }, // Strasbourg, as the search bench
  radiusMetres: 3000,
  essentialCategories: DEFAULT_ESSENTIAL_CATEGORIES,
};
const TICK_MS = 5;
const RUNS = 3;

const round1 = (value: number): number => Math.round(value * 10) / 10;

/** The longest lateness of a 5-ms timer on this thread while `work` runs. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - TICK_MS);
    last = now;
  }, TICK_MS);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return longest;
}

export async function qualityBench(file: string) {
  const mirror = openMirror(file, { readonly: true });
  const places = mirror.prepare('SELECT count(*) FROM places').pluck().get() as number;
  const inlineMs: number[] = [];
  let inline = qualityIndex(mirror, OPTIONS);
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    inline = qualityIndex(mirror, OPTIONS);
    inlineMs.push(performance.now() - started);
  }
  mirror.close();
  const workerMs: number[] = [];
  const stalls: number[] = [];
  let fromWorker = inline;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    stalls.push(
      await longestStall(async () => {
        fromWorker = await qualityIndexInWorker(file, OPTIONS);
      }),
    );
    workerMs.push(performance.now() - started);
  }
  const median = (values: number[]): number => round1([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number);
  const inlineMedian = median(inlineMs);
  const stallMax = round1(Math.max(...stalls));
  return {
    places,
    /** One computation on the calling thread: the main thread is blocked all along. */
    inlineMs: inlineMedian,
    /** Start of the worker (tsx compiling the source in development) to the index received. */
    workerMs: median(workerMs),
    mainThreadStallMs: { inline: inlineMedian, worker: stallMax },
    stallRatio: round1(inlineMedian / Math.max(1, stallMax)),
    sameIndex: JSON.stringify(fromWorker) === JSON.stringify(inline),
  };
}
