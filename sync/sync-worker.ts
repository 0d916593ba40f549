/**
 * Worker-thread entry of a sync pass. SQLite transactions of a pass (a page, the publication)
 * take from milliseconds to a second or two; run in the kiosk's main thread they would freeze
 * every UI call meanwhile. In a worker they do not, and readers keep reading (WAL).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runSync, type SyncSummary } from './run-sync';
import { createSoliguideClient } from './soliguide/api-client';
import type { WorkerPassRequest } from './run-sync-in-worker';
import { answerFromWorker } from './worker-thread';

const request = workerData as WorkerPassRequest;
const fixedNow = request.now === null ? null : new Date(request.now);

answerFromWorker<SyncSummary>(
  (message) => parentPort?.postMessage(message),
  () =>
    runSync(request.kind, {
      mirrorPath: request.mirrorPath,
      client: createSoliguideClient({ baseUrl: request.apiBaseUrl, token: request.token, timeoutMs: request.timeoutMs }),
      languages: request.languages,
      departments: request.departments,
      now: () => (fixedNow ? new Date(fixedNow.getTime()) : new Date()),
      pageSize: request.pageSize,
      geodata: request.geodata,
      onProgress: (marker) => parentPort?.postMessage({ progress: marker }),
    }),
);
