/**
 * The kiosk's screen, measured in Chromium on a generated mirror (the search bench's, 100 000
 * places): the real renderer build served by the real host, a real kiosk config around Strasbourg.
 * (1) tap on a leaf need → first result card painted, measured in the page; (2) cold start:
 * navigation → welcome screen with its needs (Chromium's own launch is not counted: a kiosk
 * starts its browser once, then reloads the page after updates and crashes); (3) the gzipped
 * JavaScript loaded to show the French welcome screen; (4) JS heap growth over many sessions,
 * each ended by the idle reset (Playwright's fake clock makes the 90 + 15 seconds pass at once).
 * `BENCH_UI_SESSIONS` lowers the number of sessions of (4) (default 1000).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { KIOSK_LANGUAGES } from '../../common/i18n/languages';
import { startHttpHost, type HttpHost } from '../../host/http-host';
import { openKioskRuntime, type KioskRuntime } from '../../host/kiosk-runtime';
import { PROJECT_ROOT, RENDERER_DIST } from '../../host/project-paths';
import { launchChromium } from '../support/browser';
import { percentiles } from './percentiles';

const NOW = new Date('2026-11-24T10:30:00+01:00'); // a Tuesday morning, as the search bench
const VIEWPORT = { width: 1280, height: 1024 };
const TAP_RUNS = 40;
const TAP_WARM_UP = 3;
const COLD_RUNS = 5;
const HEAP_BASELINE_SESSION = 50;
/** Idle time (90 s) + countdown (15 s) + one more second: the kiosk's idle reset has happened. */
const IDLE_RESET_MS = 106_000;

const round1 = (value: number): number => Math.round(value * 10) / 10;


const median = (samples: number[]): number => percentiles(samples).p50;

/** `npm run build:renderer`; its output goes to stderr (stdout ends with the bench's JSON). */
function buildRenderer(): number {
  const started = performance.now();
  const result = spawnSync('npm', ['run', 'build:renderer', '--silent'], { cwd: PROJECT_ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(`npm run build:renderer failed (exit code ${result.status ?? result.signal})`);
  if (!existsSync(join(RENDERER_DIST, 'index.html'))) throw new Error(`no ${RENDERER_DIST}index.html after the build`);
  return round1((performance.now() - started) / 1000);
}

const gzipKb = (files: string[]): number =>
  round1(files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0) / 1024);

/**
 * What a kiosk loads to show the French welcome screen: the entry script and its modulepreloads
 * named by index.html, without the map (loaded with the first results) and the catalogues of
 * other languages (loaded when one is chosen), should a build ever list them there.
 */
function javascriptSizes() {
  const html = readFileSync(join(RENDERER_DIST, 'index.html'), 'utf8');
  const referenced = [
    ...[...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1] as string),
    ...[...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((match) => match[1] as string),
  ];
  const lazy = new RegExp(`^(map-view|${KIOSK_LANGUAGES.join('|')})-[\\w-]+\\.js$`);
  const entry = [...new Set(referenced)].filter((src) => !lazy.test(src.split('/').at(-1) as string));
  if (entry.length === 0) throw new Error('index.html names no module script');
  const assets = join(RENDERER_DIST, 'assets');
  const allJs = readdirSync(assets).filter((name) => name.endsWith('.js'));
  const mapJs = allJs.filter((name) => /^map-view-[\w-]+\.js$/.test(name));
  return {
    rendererJsGzipKb: gzipKb(entry.map((src) => resolve(RENDERER_DIST, src))),
    rendererJsFiles: entry.map((src) => src.split('/').at(-1) as string),
    mapJsGzipKb: gzipKb(mapJs.map((name) => join(assets, name))),
    allJsGzipKb: gzipKb(allJs.map((name) => join(assets, name))),
  };
}

/**
 * Waits for an element without holding on to it: page.waitForSelector returns an ElementHandle,
 * and each one left undisposed keeps its (soon detached) screen alive in the page's heap — 1 300
 * DOM nodes and ~300 KB per session here, which would be the bench's leak, not the kiosk's.
 */
function appears(page: Page, selector: string): Promise<void> {
  return page.locator(selector).first().waitFor({ state: 'attached' });
}

/** A context of its own, touch enabled; errors the page logs are collected in `errors`. */
async function openPage(browser: Browser, errors: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT, hasTouch: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { context, page };
}

/** Navigation start → welcome screen with its needs, in a fresh context each time (cold cache). */
async function coldStart(browser: Browser, url: string, errors: string[]) {
  const samples: number[] = [];
  const ends: Record<string, number[]> = {};
  const durations: Record<string, number[]> = {};
  const domContentLoaded: number[] = [];
  for (let run = 0; run < COLD_RUNS; run++) {
    const { context, page } = await openPage(browser, errors);
    try {
      // 'commit': the polling starts before the document is parsed, so no frame is missed.
      await page.goto(url, { waitUntil: 'commit' });
      const ready = await page.waitForFunction(
        () => (document.querySelector('[data-screen="welcome"] [data-category]') ? performance.now() : false),
        undefined,
        { polling: 'raf', timeout: 30_000 },
      );
      samples.push((await ready.jsonValue()) as number);
      // Where the time went: when each script, style and API answer arrived.
      const timings = await page.evaluate(() => ({
        domContentLoaded: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd ?? 0,
        resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({ name: new URL(entry.name).pathname, end: entry.responseEnd, duration: entry.duration })),
      }));
      domContentLoaded.push(timings.domContentLoaded);
      for (const { name, end, duration } of timings.resources) {
        const key = name.startsWith('/api/') ? name : name.replace(/-[\w-]{8}\.(js|css)$/, '.$1');
        (ends[key] ??= []).push(end);
        (durations[key] ??= []).push(duration);
      }
    } finally {
      await context.close();
    }
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: median(samples),
    max: round1(sorted.at(-1) ?? 0),
    runs: samples.map(round1),
    domContentLoadedP50: median(domContentLoaded),
    /** p50 of when each request's answer had fully arrived (from navigation start), and of its duration. */
    requestsP50: Object.fromEntries(
      Object.entries(ends).map(([name, samples]) => [name, { loadedAt: median(samples), duration: median(durations[name] ?? []) }]),
    ),
  };
}

declare global {
  interface Window {
    __benchTap?: Promise<{ ms: number; clickMs: number; searchMs: number; cards: number }>;
  }
}

/**
 * In the page: the leaf tile's pointerdown (capture) → the first place card in a painted frame
 * (MutationObserver, then two animation frames), and the /api/search request's own duration.
 */
function installTapProbe(leaf: string): void {
  if (document.querySelector('[data-testid="place-card"]')) throw new Error('a place card is on screen before the tap');
  performance.clearResourceTimings();
  window.__benchTap = new Promise((resolvePromise, reject) => {
    let down = -1;
    let click = -1;
    // No named function in here: tsx would wrap it in a helper the page does not have.
    const tapped = new AbortController();
    document.addEventListener(
      'click',
      (event) => {
        if (down >= 0 && event.target instanceof Element && event.target.closest(`[data-category="${leaf}"]`)) click = performance.now();
      },
      { capture: true, signal: tapped.signal },
    );
    document.addEventListener(
      'pointerdown',
      (event) => {
        if (!(event.target instanceof Element) || !event.target.closest(`[data-category="${leaf}"]`)) return;
        down = performance.now();
      },
      { capture: true, signal: tapped.signal },
    );
    const timeout = window.setTimeout(() => {
      observer.disconnect();
      reject(new Error(`no place card 10 s after tapping ${leaf}`));
    }, 10_000);
    const observer = new MutationObserver(() => {
      if (down < 0 || !document.querySelector('[data-testid="place-card"]')) return;
      observer.disconnect();
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const painted = performance.now();
          window.clearTimeout(timeout);
          tapped.abort();
          const search = performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('/api/search') && entry.startTime >= down);
          resolvePromise({
            ms: painted - down,
            clickMs: click - down,
            searchMs: search.at(-1)?.duration ?? -1,
            cards: document.querySelectorAll('[data-testid="place-card"]').length,
          });
        }),
      );
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

/** Welcome → need → (leaf tile → results → back) × runs: each run is one tap. */
async function tapToFirstResult(browser: Browser, url: string, need: string, leaf: string, errors: string[]) {
  const { context, page } = await openPage(browser, errors);
  try {
    await page.goto(url);
    await page.locator(`[data-screen="welcome"] [data-category="${need}"]`).first().tap();
    await appears(page, '[data-screen="needs"]');
    const samples: number[] = [];
    const searches: number[] = [];
    const clicks: number[] = [];
    let cards = 0;
    for (let run = 0; run < TAP_WARM_UP + TAP_RUNS; run++) {
      await page.evaluate(installTapProbe, leaf);
      await page.locator(`[data-screen="needs"] [data-category="${leaf}"]`).first().tap();
      const measured = await page.evaluate(() => window.__benchTap as NonNullable<Window['__benchTap']>);
      if (run >= TAP_WARM_UP) {
        samples.push(measured.ms);
        searches.push(measured.searchMs);
        clicks.push(measured.clickMs);
      }
      cards = measured.cards;
      await page.locator('[data-testid="nav-back"]').first().tap();
      await appears(page, '[data-screen="needs"]');
    }
    // Beside the figure: the touch's pointerdown → click (the gesture, driven by Playwright over
    // CDP) and the /api/search request as the page saw it.
    return { leaf, ...percentiles(samples), pointerdownToClick: percentiles(clicks), searchRequest: percentiles(searches), cards };
  } finally {
    await context.close();
  }
}

/** The page's JS heap after two full garbage collections, in MB. */
async function heapMb(page: Page, cdp: Awaited<ReturnType<BrowserContext['newCDPSession']>>): Promise<{ heapMb: number; nodes: number; listeners: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const counters = await cdp.send('Memory.getDOMCounters');
  return { heapMb: Math.round((usedSize / 1024 / 1024) * 100) / 100, nodes: counters.nodes, listeners: counters.jsEventListeners };
}

/** One page, many people: need → show all → first place → walk away (idle reset) → welcome. */
async function heapGrowth(browser: Browser, url: string, sessions: number, errors: string[]) {
  const { context, page } = await openPage(browser, errors);
  try {
    await page.clock.install();
    await page.goto(url);
    await appears(page, '[data-screen="welcome"]');
    const cdp = await context.newCDPSession(page);
    const baselineAt = Math.min(HEAP_BASELINE_SESSION, sessions);
    let baseline = null;
    const curve: Array<{ session: number; heapMb: number; nodes: number; listeners: number }> = [];
    const started = performance.now();
    for (let session = 1; session <= sessions; session++) {
      await page.locator('[data-screen="welcome"] [data-category="food"]').first().tap();
      await page.locator('[data-testid="show-all"]').tap();
      await appears(page, '[data-testid="place-card"]');
      await page.locator('[data-testid="place-card"]').first().tap();
      await appears(page, '[data-screen="place"][data-place]'); // loaded, not "loading…"
      await page.clock.runFor(IDLE_RESET_MS);
      await appears(page, '[data-screen="welcome"]');
      if (session === baselineAt) {
        baseline = await heapMb(page, cdp);
        curve.push({ session, ...baseline });
      } else if (session % 100 === 0 || session === sessions) {
        curve.push({ session, ...(await heapMb(page, cdp)) });
      }
      if (session % 100 === 0 || session === sessions) {
        const seconds = (performance.now() - started) / 1000;
        console.error(`bench: ui: ${session}/${sessions} sessions, ${Math.round(seconds)} s, heap ${curve.at(-1)?.heapMb} MB`);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const after = curve.at(-1);
    if (!baseline || !after) throw new Error('no heap measured');
    return {
      sessions,
      baselineSession: baselineAt,
      heapBaselineMb: baseline.heapMb,
      heapAfterMb: after.heapMb,
      heapGrowthRatio: Math.round((after.heapMb / baseline.heapMb) * 1000) / 1000,
      domNodes: { baseline: baseline.nodes, after: after.nodes },
      eventListeners: { baseline: baseline.listeners, after: after.listeners },
      curve,
      seconds: Math.round(seconds),
      msPerSession: round1((seconds * 1000) / sessions),
    };
  } finally {
    await context.close();
  }
}

export async function uiBench(mirrorFile: string) {
  if (!existsSync(mirrorFile)) throw new Error(`no mirror at ${mirrorFile}`);
  console.error('bench: ui: building the renderer…');
  const buildSeconds = buildRenderer();
  const sizes = javascriptSizes();
  const sessions = Number(process.env.BENCH_UI_SESSIONS ?? 1000);

  const dir = mkdtempSync(join(tmpdir(), 'bench-ui-'));
  let runtime: KioskRuntime | undefined;
  let host: HttpHost | undefined;
  let browser: Browser | undefined;
  try {
    const configFile = join(dir, 'kiosk.jsonc');
    writeFileSync(
      configFile,
      JSON.stringify({
        kiosk: { id: 'bench-kiosk', name: 'Bench' },
        location: { latitude: 48.5846, longitude: 7.7507, address: '18 rue de Berne, 67000 Strasbourg', label: 'CAF du Bas-Rhin — Strasbourg' },
        territory: { departments: ['67'] },
        // Never called: the sync schedule is off.
        soliguide: { apiBaseUrl: 'http://127.0.0.1:9', token: { env: 'BENCH_UNUSED_TOKEN' } },
        mirror: { path: resolve(mirrorFile) },
        languages: { enabled: ['fr', 'ar'], default: 'fr' },
      }),
    );
    process.env.BENCH_UNUSED_TOKEN ??= 'unused';
    runtime = openKioskRuntime({ configFile, now: NOW, version: 'bench', scheduleSync: false, logError: () => undefined });
    host = await startHttpHost({ port: 0, staticDir: RENDERER_DIST, dispatch: runtime.dispatch, tiles: runtime.tiles, logError: () => undefined });
    browser = await launchChromium();
    const errors: string[] = [];

    console.error('bench: ui: cold starts…');
    const coldStartMs = await coldStart(browser, host.url, errors);
    console.error('bench: ui: tap → first result…');
    const food = await tapToFirstResult(browser, host.url, 'food', 'food_distribution', errors);
    const shower = await tapToFirstResult(browser, host.url, 'hygiene_and_wellness', 'shower', errors);
    console.error(`bench: ui: ${sessions} sessions with idle resets…`);
    const heap = await heapGrowth(browser, host.url, sessions, errors);
    return {
      buildSeconds,
      ...sizes,
      coldStartMs,
      tapToFirstResult: { food, shower, p95: Math.max(food.p95, shower.p95) },
      heap,
      pageErrors: { count: errors.length, first: errors.slice(0, 3) },
    };
  } finally {
    await browser?.close().catch(() => undefined);
    await host?.close().catch(() => undefined);
    await runtime?.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
