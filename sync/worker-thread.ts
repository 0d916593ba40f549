/**
 * Runs one of our modules in a worker thread for one answer: long SQLite work (a sync pass, the
 * quality index) must not freeze the kiosk's main thread, where every UI call is answered.
 *
 * The worker is the bundled `<name>.js` beside the bundle (Electron, see electron/build-electron.ts),
 * or else its TypeScript source loaded through tsx's register API (development, tests): Node 20
 * does not apply `--import` hooks in workers.
 *
 * The protocol: the worker posts any number of `{ progress }`, then one `{ result }` or one
 * `{ crash }` (an error's stack).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export type WorkerMessage<T> = { progress: string } | { result: T } | { crash: string };

function startWorker(name: string, source: URL, workerData: unknown): Worker {
  const bundled = fileURLToPath(new URL(`./${name}.js`, import.meta.url));
  if (existsSync(bundled)) return new Worker(bundled, { workerData });
  // require.resolve finds the CommonJS build of the API; its ESM twin is the one that registers hooks.
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/**
 * Starts the worker `name` (its source at `source`) with `workerData` and resolves to its result;
 * rejects, naming the worker, when it crashes, fails to start or stops before answering.
 */
export function runInWorker<T>(name: string, source: URL, workerData: unknown, onProgress?: (marker: string) => void): Promise<T> {
  const worker = startWorker(name, source, workerData);
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      action();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage<T>) => {
      if ('progress' in message) onProgress?.(message.progress);
      else if ('result' in message) settle(() => resolve(message.result));
      else settle(() => reject(new Error(`${name} crashed: ${message.crash}`)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`${name} stopped (exit code ${code}) before answering`))));
  });
}

/** The worker side: posts the result of `work`, or its error as a crash. */
export function answerFromWorker<T>(post: (message: WorkerMessage<T>) => void, work: () => T | Promise<T>): void {
  Promise.resolve()
    .then(work)
    .then(
      (result) => post({ result }),
      (error: unknown) => post({ crash: (error as Error).stack ?? String(error) }),
    );
}
