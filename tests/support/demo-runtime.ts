/** A kiosk runtime on the demo config with its mirror in a temporary folder. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { openKioskRuntime, type KioskRuntime, type RuntimeOptions } from '../../host/kiosk-runtime';
import { DEMO_CONFIG_FILE } from '../../kiosk-config/load-config';

export const FIXED_NOW = new Date('2026-11-24T10:30:00+01:00');

export interface DemoRuntimeOptions {
  /** Top-level fields replacing the demo config's (e.g. `printer`). */
  config?: Record<string, unknown>;
  printing?: RuntimeOptions['printing'];
}

export function openDemoRuntime(options: DemoRuntimeOptions = {}): { runtime: KioskRuntime; dispose: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-demo-'));
  let configFile: string | undefined;
  if (options.config) {
    const demo = parseJsonc(readFileSync(DEMO_CONFIG_FILE, 'utf8')) as Record<string, unknown>;
    configFile = join(dir, 'kiosk.json');
    writeFileSync(configFile, JSON.stringify({ ...demo, $schema: undefined, mirror: { path: 'demo.sqlite' }, ...options.config }));
  }
  const runtime = openKioskRuntime({
    configFile,
    now: FIXED_NOW,
    version: '0.0.0-test',
    demoMirrorPath: join(dir, 'demo.sqlite'),
    validateResponses: true,
    logError: () => undefined,
    printing: options.printing,
  });
  return {
    runtime,
    dispose: async () => {
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
