/** A kiosk runtime on the demo config with its mirror in a temporary folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKioskRuntime, type KioskRuntime } from '../../host/kiosk-runtime';

export const FIXED_NOW = new Date('2026-11-24T10:30:00+01:00');

export function openDemoRuntime(): { runtime: KioskRuntime; dispose: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-demo-'));
  const runtime = openKioskRuntime({
    now: FIXED_NOW,
    version: '0.0.0-test',
    demoMirrorPath: join(dir, 'demo.sqlite'),
    validateResponses: true,
    logError: () => undefined,
  });
  return {
    runtime,
    dispose: async () => {
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
