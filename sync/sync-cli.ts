/**
 * `npm run sync -- --config <file> [--full|--light]`: one pass, progress on stderr, and as the
 * last stdout line a JSON summary {"ok","kind","places","added","updated","hidden","quarantined",
 * "ms","error"}. Exit code 0 when the pass succeeded, 1 when it failed, 2 for bad usage or config.
 *
 * `--hold-at <marker>` (crash tests) stops the pass dead at that progress marker — e.g. "page LIEU 3",
 * "publish: rows copied" (inside the publishing transaction) — so that a test can kill it exactly there.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { KioskConfigError, loadKioskConfig } from '../kiosk-config/load-config';
import { NothingToSyncError, syncPass } from './sync-from-config';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        config: { type: 'string' },
        full: { type: 'boolean' },
        light: { type: 'boolean' },
        'page-size': { type: 'string' },
        'hold-at': { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: npm run sync -- --config <file> [--full|--light]`);
    return 2;
  }
  if (!values.config || (values.full && values.light)) {
    console.error('usage: npm run sync -- --config <file> [--full|--light]   (--full is the default)');
    return 2;
  }
  const loaded = loadKioskConfig(values.config);
  mkdirSync(dirname(loaded.mirrorPath), { recursive: true });
  const pageSize = values['page-size'] ? Number(values['page-size']) : undefined;
  const holdAt = values['hold-at'];
  const summary = await syncPass(values.light ? 'light' : 'full', loaded, () => new Date(), {
    onProgress: (marker) => {
      console.error(`sync: ${marker}`);
      if (marker === holdAt) {
        console.error(`sync: holding at ${marker}`);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); // blocks this thread for good
      }
    },
    ...(pageSize ? { pageSize } : {}),
  });
  console.log(JSON.stringify(summary));
  return summary.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof KioskConfigError || error instanceof NothingToSyncError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
