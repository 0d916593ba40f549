/**
 * Worker-thread entry of the quality index: its queries take about a second at national scale,
 * which the kiosk's main thread must not spend. Reads the mirror on its own read-only connection.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openMirror } from '../mirror-database';
import { answerFromWorker } from '../worker-thread';
import { qualityIndex, type QualityIndex } from './quality-index';
import type { QualityWorkerRequest } from './quality-in-worker';

const request = workerData as QualityWorkerRequest;

answerFromWorker<QualityIndex>(
  (message) => parentPort?.postMessage(message),
  () => {
    const mirror = openMirror(request.mirrorPath, { readonly: true });
    try {
      return qualityIndex(mirror, request.options);
    } finally {
      mirror.close();
    }
  },
);
