/**
 * The Electron build as it ships (dist/electron/, `npm run build` must have run, as `npm test`
 * does), run in plain Node since the Electron binary cannot be downloaded here:
 * - main.js with a stand-in for the `electron` module only (tests/support/electron-stub/): every
 *   bundled package must initialise, the runtime must open from the files copied beside the
 *   bundle, and the IPC handlers it registers must answer as the kiosk page would call them;
 * - the sync and quality workers started as the kiosk starts them, their answers compared with
 *   the same work done by the sources.
 * This caught a main process that could not load at all (CommonJS requires inside an ES bundle).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKioskConfig } from '../../kiosk-config/load-config';
import { ensureDemoMirror } from '../../sync/demo/demo-mirror';
import { generateDirectory } from '../../sync/generator/generate-directory';
import { openMirror } from '../../sync/mirror-database';
import { DEFAULT_ESSENTIAL_CATEGORIES, qualityIndex } from '../../sync/quality/quality-index';
import type { WorkerPassRequest } from '../../sync/run-sync-in-worker';
import type { StoredPlace } from '../stand-in/stand-in-server';
import { snapshotOf, startHarness, TOKEN } from '../support/sync-harness';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = join(ROOT, 'dist/electron/');
const STUB = join(ROOT, 'tests/support/electron-stub/register.mjs');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bundled-app-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a bundled worker as the kiosk does (a worker thread with its request) and returns its one answer. */
async function askWorker(file: string, workerData: unknown): Promise<{ result?: unknown; crash?: string }> {
  const worker = new Worker(join(BUNDLE, file), { workerData });
  try {
    for (;;) {
      const [message] = (await once(worker, 'message')) as [{ progress?: string; result?: unknown; crash?: string }];
      if (message.progress === undefined) return message;
    }
  } finally {
    await worker.terminate();
  }
}

describe('the bundled Electron main process', () => {
  it('loads, opens the demo runtime from the files beside it and answers the page over IPC', { timeout: 120_000 }, async () => {
    const userData = join(dir, 'user-data');
    const child = spawn(process.execPath, ['--import', STUB, join(BUNDLE, 'main.js')], {
      cwd: dir,
      env: { ...process.env, ELECTRON_STUB_USER_DATA: userData },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(stderr).not.toMatch(/Error|could not start/);
    expect(code, stdout + stderr).toBe(0);
    const lines = stdout.split('\n');
    // The shell's own steps, in order, up to the window loading the app's page.
    const steps = ['app.requestSingleInstanceLock()', 'app.enableSandbox()', 'Menu.setApplicationMenu()', 'app.whenReady()', 'ipcMain.handle(kiosk:search)', 'window.loadURL(app://kiosk/index.html)'];
    const at = steps.map((step) => lines.indexOf(`electron-stub: ${step}`));
    expect(at.every((index) => index >= 0), `${JSON.stringify(at)}\n${stdout}`).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(stdout).not.toContain('app.exit');

    const answer = (method: string) => JSON.parse(lines.find((line) => line.startsWith(`electron-stub: ipc ${method} `))?.slice(`electron-stub: ipc ${method} `.length) ?? 'null');
    const { config } = loadKioskConfig();
    const status = answer('status');
    expect(status).toMatchObject({ ok: true, value: { kiosk: { id: config.kiosk.id, label: config.location.label } } });
    // The demo mirror was written into the app's user data, through the migrations beside the bundle.
    const mirror = openMirror(join(userData, 'demo-mirror.sqlite'), { readonly: true });
    try {
      const places = mirror.prepare('SELECT count(*) FROM places').pluck().get() as number;
      expect(places).toBeGreaterThan(0);
      expect(status.value.data.placeCount).toBe(places);
    } finally {
      mirror.close();
    }
    const search = answer('search');
    expect(search.ok).toBe(true);
    expect(search.value.items.length).toBeGreaterThan(0);
  });
});

describe('the bundled workers', () => {
  it('sync-worker.js runs a full pass from the stand-in into the same mirror as the sources', { timeout: 120_000 }, async () => {
    const now = new Date('2026-11-22T04:30:00Z');
    const directory = generateDirectory({ count: 150, seed: 45, departments: ['67'], now });
    const harness = await startHarness({ places: directory.places as StoredPlace[], translations: directory.translations, departments: ['67'] }, () => now);
    try {
      const fromSource = await harness.sync('full', { pageSize: 40 });
      expect(fromSource).toMatchObject({ ok: true });
      const mirrorPath = join(dir, 'bundled-sync.sqlite');
      const request: WorkerPassRequest = { kind: 'full', mirrorPath, apiBaseUrl: harness.standIn.url, token: TOKEN, languages: ['fr', 'en', 'ar'], now: now.toISOString(), pageSize: 40 };
      const answer = await askWorker('sync-worker.js', request);
      expect(answer.crash).toBeUndefined();
      expect(answer.result).toMatchObject({ ok: true, places: fromSource.places, quarantined: 0 });
      expect(fromSource.places).toBeGreaterThan(50);
      expect(snapshotOf(mirrorPath)).toEqual(harness.snapshot());
    } finally {
      await harness.close();
    }
  });

  it('quality-worker.js answers as the source computes', { timeout: 60_000 }, async () => {
    const mirrorPath = join(dir, 'quality.sqlite');
    const now = new Date('2026-03-10T09:00:00Z');
    ensureDemoMirror(mirrorPath, { departments: ['67'] }, now);
    const options = { now, origin: { latitude: 48.5846, longitude: 7.7507 }, radiusMetres: 3000, essentialCategories: DEFAULT_ESSENTIAL_CATEGORIES };
    const answer = await askWorker('quality-worker.js', { mirrorPath, options });
    const mirror = openMirror(mirrorPath, { readonly: true });
    try {
      const expected = qualityIndex(mirror, options);
      expect(expected.territory.placeCount).toBeGreaterThan(0);
      expect(answer).toEqual({ result: expected });
    } finally {
      mirror.close();
    }
  });
});
