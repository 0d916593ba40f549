/**
 * Bundles the Electron main process (ESM) and the preload (CommonJS, as sandboxed preloads must
 * be) into dist/electron/, and copies beside the bundle the files the bundled modules read at
 * run time through `new URL('./…', import.meta.url)`: same relative paths as in the sources.
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = `${root}dist/electron/`;

/** Gives a bundled ES module the `require` its bundled CommonJS packages call (see buildElectron). */
export const ESM_REQUIRE_BANNER = "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);";

/** Files read at run time, relative to the module that reads them = relative to the bundle. */
const RUNTIME_FILES: [from: string, to: string][] = [
  ['sync/migrations', 'migrations'],
  ['sync/demo/demo-taxonomy.json', 'demo-taxonomy.json'],
  ['kiosk-config/examples/demo.jsonc', 'examples/demo.jsonc'],
];

export async function buildElectron(): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // ES builds first: jsonc-parser's `main` is a UMD file whose require('./impl/…') calls esbuild
  // cannot see, so they would stay as requires of files that are not beside the bundle.
  const common: BuildOptions = { bundle: true, platform: 'node', target: 'node20', mainFields: ['module', 'main'], sourcemap: true, logLevel: 'warning' };
  // CommonJS packages bundled into an ES module (postcss, under sanitize-html, for one)
  // still call require('path') and the like: esbuild's shim throws "Dynamic require of … is not
  // supported" unless the module defines `require`, at load, before any of our code runs.
  const esm: BuildOptions = { ...common, format: 'esm', banner: { js: ESM_REQUIRE_BANNER } };
  await build({
    ...esm,
    entryPoints: [`${root}electron/main.ts`],
    outfile: `${out}main.js`,
    external: ['electron', 'better-sqlite3'],
  });
  // The sync and the quality index run in worker threads (sync/worker-thread.ts looks for these files beside the bundle).
  for (const worker of ['sync/sync-worker', 'sync/quality/quality-worker']) {
    await build({
      ...esm,
      entryPoints: [`${root}${worker}.ts`],
      outfile: `${out}${basename(worker)}.js`,
      external: ['better-sqlite3'],
    });
  }
  await build({
    ...common,
    entryPoints: [`${root}electron/preload.ts`],
    outfile: `${out}preload.cjs`,
    format: 'cjs',
    external: ['electron'],
  });
  for (const [from, to] of RUNTIME_FILES) cpSync(`${root}${from}`, `${out}${to}`, { recursive: true });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildElectron();
}
