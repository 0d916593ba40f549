/**
 * Everything a shell needs, whatever the shell: the validated config, the mirror (the demo one
 * generated when the config asks for it), and the dispatcher over the handler table. Used by the
 * HTTP host, the Chromium shell launcher and the Electron main process.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createDispatcher, type KioskDispatch } from '../common/contract/dispatch';
import { loadKioskConfig, type LoadedConfig } from '../kiosk-config/load-config';
import { ensureDemoMirror } from '../sync/demo/demo-mirror';
import { openMirror, type MirrorDatabase } from '../sync/mirror-database';
import { syncPassInWorker } from '../sync/sync-from-config';
import { SyncScheduler } from '../sync/sync-scheduler';
import { lastSuccess } from '../sync/sync-runs';
import { createKioskHandlers } from './kiosk-handlers';
import { systemSpeaker, type SpeakerSource } from './read-aloud/system-speaker';
import { openTileReader, type TileReader } from '../sync/geodata/tile-reader';
import { tilesPathFor } from '../sync/geodata/tile-store';

export interface RuntimeOptions {
  /** Config file; the embedded demo config when absent. */
  configFile?: string;
  /** Fixed clock (ISO instant) for tests and demos. */
  now?: Date;
  version: string;
  /** Where the demo mirror goes instead of the config's mirror.path (Electron: the user data folder). */
  demoMirrorPath?: string;
  logError?: (message: string, error: unknown) => void;
  validateResponses?: boolean;
  /** Run the sync schedule (real configurations only; the demo never syncs). Default true. */
  scheduleSync?: boolean;
  /** Offline text-to-speech for read-aloud; default: espeak-ng from the PATH, if installed. */
  speaker?: SpeakerSource;
}

export interface KioskRuntime {
  loaded: LoadedConfig;
  mirror: MirrorDatabase;
  mirrorPath: string;
  dispatch: KioskDispatch;
  now: () => Date;
  scheduler: SyncScheduler | null;
  /** Stored map tiles, for the shells' `/tiles/…` routes. */
  tiles: TileReader;
  /** Waits for a running sync pass to finish its write, then closes the mirror. */
  close: () => Promise<void>;
}

export function defaultLogError(message: string, error: unknown): void {
  console.error(`[kiosk] ${message}:`, error);
}

/** Throws KioskConfigError for a bad config file; other errors are bugs or broken mirrors. */
export function openKioskRuntime(options: RuntimeOptions): KioskRuntime {
  const loaded = loadKioskConfig(options.configFile);
  const fixed = options.now;
  const now = fixed ? () => new Date(fixed.getTime()) : () => new Date();
  const { config } = loaded;
  const mirrorPath = config.demo && options.demoMirrorPath ? options.demoMirrorPath : loaded.mirrorPath;
  if (config.demo) {
    ensureDemoMirror(mirrorPath, { departments: config.territory.departments }, now());
  }
  mkdirSync(dirname(mirrorPath), { recursive: true });
  const mirror = openMirror(mirrorPath);
  const tiles = openTileReader(tilesPathFor(mirrorPath));
  const handlers = createKioskHandlers({
    config,
    mirror,
    now,
    version: options.version,
    speaker: options.speaker ?? systemSpeaker(options.logError ?? defaultLogError),
    tiles,
  });
  const dispatch = createDispatcher(handlers, {
    logError: options.logError ?? defaultLogError,
    validateResponses: options.validateResponses ?? false,
  });
  let scheduler: SyncScheduler | null = null;
  if (!config.demo && options.scheduleSync !== false) {
    scheduler = new SyncScheduler(
      {
        kioskId: config.kiosk.id,
        fullAfter: config.sync.fullAfter,
        lightEveryMinutes: config.sync.lightEveryMinutes,
        randomOffsetMinutes: config.sync.randomOffsetMinutes,
      },
      {
        runPass: (kind) => syncPassInWorker(kind, loaded, fixed ?? null, options.version),
        lastFullSuccess: () => lastSuccess(mirror, 'full'),
        now,
        log: (line) => console.log(`[kiosk] ${line}`),
      },
    );
    scheduler.start();
  }
  return {
    loaded,
    mirror,
    mirrorPath,
    dispatch,
    now,
    scheduler,
    tiles,
    close: async () => {
      await scheduler?.stop();
      tiles.close();
      mirror.close();
    },
  };
}
