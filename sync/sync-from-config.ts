/** A sync pass for a loaded kiosk configuration: the API client and options from the config. */
import type { LoadedConfig } from '../kiosk-config/load-config';
import { createSoliguideClient } from './soliguide/api-client';
import { runSync, type SyncOptions, type SyncSummary } from './run-sync';

export class NothingToSyncError extends Error {
  constructor() {
    super('this configuration runs the demo: its mirror is generated locally and has nothing to sync');
    this.name = 'NothingToSyncError';
  }
}

export function syncOptionsFor(loaded: LoadedConfig, now: () => Date, overrides: Partial<SyncOptions> = {}): SyncOptions {
  const { config, secrets } = loaded;
  if (config.demo || !config.soliguide || secrets.soliguideToken === null) throw new NothingToSyncError();
  return {
    mirrorPath: loaded.mirrorPath,
    client: createSoliguideClient({ baseUrl: config.soliguide.apiBaseUrl, token: secrets.soliguideToken }),
    languages: config.languages.enabled,
    now,
    ...overrides,
  };
}

export function syncPass(kind: 'full' | 'light', loaded: LoadedConfig, now: () => Date, overrides: Partial<SyncOptions> = {}): Promise<SyncSummary> {
  return runSync(kind, syncOptionsFor(loaded, now, overrides));
}
