/** Runs one sync pass in a worker thread (see sync-worker.ts) and resolves to its summary. */
import type { SyncSummary } from './run-sync';
import type { GeodataSettings } from './geodata/refresh-geodata';
import { runInWorker } from './worker-thread';

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

export function runSyncInWorker(request: WorkerPassRequest, onProgress?: (marker: string) => void): Promise<SyncSummary> {
  return runInWorker<SyncSummary>('sync-worker', new URL('./sync-worker.ts', import.meta.url), request, onProgress);
}
