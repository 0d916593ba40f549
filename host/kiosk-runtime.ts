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
import { CupsSpooler } from './printing/cups-spooler';
import { PrintService, type PrintServiceOptions } from './printing/print-service';
import type { Spooler } from './printing/spooler';

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
  /** Default: CUPS, to the config's printer. A function is given the config's printer name (Electron on Windows). */
  spooler?: Spooler | ((printer: string | null) => Spooler);
  /** Tests shorten the print service's waits and read the PDFs it makes. */
  printing?: Pick<PrintServiceOptions, 'timing' | 'onRendered' | 'onSpooled'>;
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
  /** The shell gives it its document renderer once the print page is served. */
  printing: PrintService;
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
  const logError = options.logError ?? defaultLogError;
  const printing = new PrintService({
    spooler:
      typeof options.spooler === 'function'
        ? options.spooler(config.printer.name ?? null)
        : (options.spooler ?? new CupsSpooler({ printer: config.printer.name ?? null })),
    settings: {
      paper: config.printer.paper,
      dpi: config.printer.dpi,
      ticketsPerSession: config.printer.ticketsPerSession,
      jobsPerHour: config.printer.jobsPerHour,
    },
    log: (line) => console.log(`[kiosk] ${line}`),
    ...options.printing,
  });
  const handlers = createKioskHandlers({
    config,
    mirror,
    now,
    version: options.version,
    speaker: options.speaker ?? systemSpeaker(logError),
    tiles,
    printing,
  });
  const dispatch = createDispatcher(handlers, {
    logError,
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
    printing,
    close: async () => {
      await scheduler?.stop();
      await printing.close();
      tiles.close();
      mirror.close();
    },
  };
}
