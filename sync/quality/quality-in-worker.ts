/** The quality index computed in a worker thread (see quality-worker.ts), off the kiosk's main thread. */
import { runInWorker } from '../worker-thread';
import type { QualityIndex, QualityOptions } from './quality-index';

/** Crosses into the worker by structured clone (a Date stays a Date). */
export interface QualityWorkerRequest {
  mirrorPath: string;
  options: QualityOptions;
}

export function qualityIndexInWorker(mirrorPath: string, options: QualityOptions): Promise<QualityIndex> {
  const request: QualityWorkerRequest = { mirrorPath, options };
  return runInWorker<QualityIndex>('quality-worker', new URL('./quality-worker.ts', import.meta.url), request);
}
