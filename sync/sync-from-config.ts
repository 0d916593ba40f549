/** A sync pass for a loaded kiosk configuration: the API client and options from the config. */
import type { LoadedConfig } from '../kiosk-config/load-config';
import { createSoliguideClient } from './soliguide/api-client';
import { runSync, type SyncOptions, type SyncSummary } from './run-sync';
import { runSyncInWorker } from './run-sync-in-worker';
import type { GeodataSettings } from './geodata/refresh-geodata';
import { tilesPathFor } from './geodata/tile-store';

export class NothingToSyncError extends Error {
  constructor() {
    super('this configuration runs the demo: its mirror is generated locally and has nothing to sync');
    this.name = 'NothingToSyncError';
  }
}

/**
 * Map tiles and walking routes for this kiosk, from the config; null when it has neither source.
 * The User-Agent names the software, its version and the kiosk, as tile and routing services ask.
 */
export function geodataSettingsFor(loaded: LoadedConfig, mirrorPath: string, version: string): GeodataSettings | null {
  const { config } = loaded;
  if (!config.tiles && !config.routing) return null;
  return {
    origin: { latitude: config.location.latitude, longitude: config.location.longitude },
    userAgent: `BorneSoliguide/${version} (kiosk ${config.kiosk.id}; +https://soliguide.fr)`,
    tiles: config.tiles ? { file: tilesPathFor(mirrorPath), ...config.tiles, rings: config.tiles.rings.map((ring) => ({ ...ring })) } : null,
    routing: config.routing ? { ...config.routing } : null,
  };
}

/** What a pass needs from the configuration; throws for the demo, which has nothing to sync. */
function passSettings(loaded: LoadedConfig, version = 'dev') {
  const { config, secrets } = loaded;
  if (config.demo || !config.soliguide || secrets.soliguideToken === null) throw new NothingToSyncError();
  return {
    mirrorPath: loaded.mirrorPath,
    apiBaseUrl: config.soliguide.apiBaseUrl,
    token: secrets.soliguideToken,
    languages: [...config.languages.enabled],
    departments: [...config.territory.departments],
    geodata: geodataSettingsFor(loaded, loaded.mirrorPath, version) ?? undefined,
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
export function syncPassInWorker(kind: 'full' | 'light', loaded: LoadedConfig, fixedNow: Date | null, version?: string): Promise<SyncSummary> {
  return runSyncInWorker({ kind, ...passSettings(loaded, version), now: fixedNow === null ? null : fixedNow.toISOString() });
}
