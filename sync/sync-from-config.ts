/** A sync pass for a loaded kiosk configuration: the API client and options from the config. */
import type { LoadedConfig } from '../kiosk-config/load-config';
import { createSoliguideClient } from './soliguide/api-client';
import { runSync, type SyncOptions, type SyncSummary } from './run-sync';
import { runSyncInWorker } from './run-sync-in-worker';

export class NothingToSyncError extends Error {
  constructor() {
    super('this configuration runs the demo: its mirror is generated locally and has nothing to sync');
    this.name = 'NothingToSyncError';
  }
}

/** What a pass needs from the configuration; throws for the demo, which has nothing to sync. */
function passSettings(loaded: LoadedConfig) {
  const { config, secrets } = loaded;
  if (config.demo || !config.soliguide || secrets.soliguideToken === null) throw new NothingToSyncError();
  return {
    mirrorPath: loaded.mirrorPath,
    apiBaseUrl: config.soliguide.apiBaseUrl,
    token: secrets.soliguideToken,
    languages: [...config.languages.enabled],
    departments: [...config.territory.departments],
  };
}

export function syncOptionsFor(loaded: LoadedConfig, now: () => Date, overrides: Partial<SyncOptions> = {}): SyncOptions {
  const { apiBaseUrl, token, ...settings } = passSettings(loaded);
  return { ...settings, client: createSoliguideClient({ baseUrl: apiBaseUrl, token }), now, ...overrides };
}

export function syncPass(kind: 'full' | 'light', loaded: LoadedConfig, now: () => Date, overrides: Partial<SyncOptions> = {}): Promise<SyncSummary> {
  return runSync(kind, syncOptionsFor(loaded, now, overrides));
}

/** The same pass in a worker thread: what the kiosk's scheduler runs, so the UI never waits on it. */
export function syncPassInWorker(kind: 'full' | 'light', loaded: LoadedConfig, fixedNow: Date | null): Promise<SyncSummary> {
  return runSyncInWorker({ kind, ...passSettings(loaded), now: fixedNow === null ? null : fixedNow.toISOString() });
}
