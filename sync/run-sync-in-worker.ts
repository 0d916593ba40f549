/** Runs one sync pass in a worker thread (see sync-worker.ts) and resolves to its summary. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SyncSummary } from './run-sync';
import type { GeodataSettings } from './geodata/refresh-geodata';

export interface WorkerPassRequest {
  kind: 'full' | 'light';
  mirrorPath: string;
  apiBaseUrl: string;
  /** Stays in Node: a worker thread of the same process. */
  token: string;
  languages: string[];
  departments?: string[];
  now: string | null;
  pageSize?: number;
  timeoutMs?: number;
  geodata?: GeodataSettings;
}

/**
 * The bundled worker beside a bundle (Electron), or else the TypeScript source loaded through
 * tsx's register API (development, tests): Node 20 does not apply `--import` hooks in workers.
 */
function createSyncWorker(request: WorkerPassRequest): Worker {
  const bundled = fileURLToPath(new URL('./sync-worker.js', import.meta.url));
  if (existsSync(bundled)) return new Worker(bundled, { workerData: request });
  // require.resolve finds the CommonJS build of the API; its ESM twin is the one that registers hooks.
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const source = new URL('./sync-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: request });
}

export function runSyncInWorker(request: WorkerPassRequest, onProgress?: (marker: string) => void): Promise<SyncSummary> {
  const worker = createSyncWorker(request);
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: { progress?: string; summary?: SyncSummary; crash?: string }) => {
      if (message.progress !== undefined) onProgress?.(message.progress);
      if (message.summary) {
        settled = true;
        resolve(message.summary);
        void worker.terminate();
      }
      if (message.crash) {
        settled = true;
        reject(new Error(`the sync worker crashed: ${message.crash}`));
        void worker.terminate();
      }
    });
    worker.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the sync worker stopped (exit code ${code}) before the end of the pass`));
    });
  });
}
