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
import { effectiveSchedules, effectiveScreenSettings, type ScheduleSettings, type ScreenSettings } from '../common/fleet/remote-settings';
import { heartbeatReportFromStatus, type HeartbeatBody } from '../common/fleet/heartbeat';
import { RemoteSettingsClient, remoteSettingsPathFor } from './fleet/remote-settings';
import { Heartbeat, diskFreeBytes } from './fleet/heartbeat';
import { StaffAuth } from './staff/staff-auth';
import { openUsageStore, usagePathFor, type UsageStore } from '../sync/usage/usage-store';
import { lastDays, usageBetween } from '../sync/usage/usage-counters';
import { notePrinterReading } from '../sync/usage/printer-events';
import { UsageRecorder } from '../sync/usage/usage-recorder';
import { DEFAULT_ESSENTIAL_CATEGORIES, type QualityIndex } from '../sync/quality/quality-index';
import { qualityIndexInWorker } from '../sync/quality/quality-in-worker';
import { mirrorStamp } from '../sync/read/search-points';
import { wallClock } from '../common/opening/zoned-time';
import { remoteSettingsView } from './staff/remote-settings-view';
import type { SyncControl } from './staff/staff-handlers';

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
  /** Fetch remote settings and send the heartbeat when the config asks for them. Default true. */
  fleet?: boolean;
}

/** How often the printer is read for its history when nothing else reads it. */
const PRINTER_WATCH_MS = 30_000;
/** Days of usage counters the heartbeat carries (today included): a day missed while offline is sent again. */
const HEARTBEAT_USAGE_DAYS = 7;

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
  /** Signed settings from the fleet admin; null when the config names none. */
  remoteSettings: RemoteSettingsClient | null;
  heartbeat: Heartbeat | null;
  /** The schedules in force: the config's, or the remote settings' (the updater reads the window). */
  schedules: () => ScheduleSettings;
  /** The screen settings in force, likewise (the updater reads the idle time). */
  screen: () => ScreenSettings;
  /** The Electron shell tells the heartbeat and staff where updates stand. */
  reportUpdates: (status: () => NonNullable<HeartbeatBody['updates']>) => void;
  /** Anonymous usage counters and the printer's history (usage.sqlite beside the mirror). */
  usage: UsageStore;
  /** The data quality index of the mirror now (computed again when the mirror or the day changes). */
  quality: () => Promise<QualityIndex>;
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
  const log = (line: string): void => console.log(`[kiosk] ${line}`);
  const usage = openUsageStore(usagePathFor(mirrorPath));
  const today = (): string => wallClock(now(), config.location.timeZone).day;
  const recorder = new UsageRecorder(usage, today, now);
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
    log,
    onFinished: (job) => {
      if (job.state === 'printed' && job.kind !== 'test') recorder.count(job.kind);
    },
    onPrinterState: (state) => {
      try {
        notePrinterReading(usage, now(), state);
      } catch (error) {
        logError('the printer history could not be written', error);
      }
    },
    ...options.printing,
  });
  // The printer's history: read every half minute even when nobody prints or asks.
  const printerWatch = setInterval(() => {
    recorder.tidy();
    printing.printerState(true).catch(() => undefined);
  }, PRINTER_WATCH_MS);
  printerWatch.unref();
  const fleet = options.fleet !== false;

  // Remote settings: the last good signed document, then a fetch on schedule. The screen reads
  // them per status answer (the renderer applies them between sessions); schedules on change.
  const screenBase: ScreenSettings = {
    featuredCategories: config.screen.featuredCategories ?? null,
    announcement: config.screen.announcement ?? null,
    idleTimeoutSeconds: config.idleTimeoutSeconds,
  };
  const scheduleBase: ScheduleSettings = { sync: { ...config.sync }, maintenanceWindow: { ...config.maintenanceWindow } };
  let scheduler: SyncScheduler | null = null;
  let remoteSettings: RemoteSettingsClient | null = null;
  /** The screen settings in force (the status gives them; the updater reads the idle time). */
  const screen = (): ScreenSettings => effectiveScreenSettings(screenBase, remoteSettings?.current() ?? null, now());
  /** The schedules in force, read when needed: a document's expiry counts at once. */
  const schedules = (): ScheduleSettings => effectiveSchedules(scheduleBase, remoteSettings?.current() ?? null, now());
  /** The sync times the scheduler was given. */
  let syncTimes = scheduleBase.sync;
  if (fleet && config.remoteSettings) {
    try {
      remoteSettings = new RemoteSettingsClient({
        url: config.remoteSettings.url,
        publicKey: config.remoteSettings.publicKey,
        everyMinutes: config.remoteSettings.everyMinutes,
        kioskId: config.kiosk.id,
        storePath: remoteSettingsPathFor(mirrorPath),
        now,
        log,
        onChange: (document) => {
          const next = effectiveSchedules(scheduleBase, document, now()).sync;
          if (JSON.stringify(next) === JSON.stringify(syncTimes)) return;
          syncTimes = next;
          scheduler?.reschedule({ kioskId: config.kiosk.id, ...next });
          log(`sync schedule now: full after ${next.fullAfter}, light every ${next.lightEveryMinutes} min`);
        },
      });
      remoteSettings.start();
    } catch (error) {
      logError('remote settings are off: the configured public key cannot be used', error);
      remoteSettings = null;
    }
  }

  const staffAuth = new StaffAuth({
    pinHash: config.staff.pinHash ?? null,
    // Staff mode ends on idle like a person's session (plus a margin for the screen's own reset).
    idleSeconds: () => screen().idleTimeoutSeconds + config.idleCountdownSeconds + 30,
    log,
  });
  // Computed in a worker (about a second at national scale), again when the mirror or the day
  // changes; a failed computation is not kept, the next call tries again.
  let qualityMemo: { key: string; index: Promise<QualityIndex> } | null = null;
  const quality = (): Promise<QualityIndex> => {
    const key = `${mirrorStamp(mirror)}|${today()}`;
    if (qualityMemo?.key !== key) {
      const index: Promise<QualityIndex> = qualityIndexInWorker(mirrorPath, {
        now: now(),
        origin: { latitude: config.location.latitude, longitude: config.location.longitude },
        radiusMetres: config.quality.radiusMetres,
        essentialCategories: config.quality.essentialCategories ?? DEFAULT_ESSENTIAL_CATEGORIES,
      }).catch((error: unknown) => {
        if (qualityMemo?.index === index) qualityMemo = null;
        throw error;
      });
      qualityMemo = { key, index };
    }
    return qualityMemo.index;
  };
  let updates: (() => NonNullable<HeartbeatBody['updates']>) | null = null;
  const syncControl: SyncControl = {
    trigger: (kind) => {
      if (!scheduler || scheduler.isRunning()) return 'running';
      void scheduler.trigger(kind);
      return 'started';
    },
    running: () => scheduler?.isRunning() ?? false,
    nextRuns: () => scheduler?.nextRuns() ?? [],
  };
  const handlers = createKioskHandlers({
    config,
    mirror,
    now,
    version: options.version,
    speaker: options.speaker ?? systemSpeaker(logError),
    tiles,
    printing,
    screen,
    staff: {
      usage: recorder,
      auth: staffAuth,
      sync: !config.demo && options.scheduleSync !== false ? syncControl : null,
      remoteSettings: () => remoteSettingsView(config.remoteSettings ?? null, remoteSettings),
      updates: () => (updates ? updates() : null),
      quality,
      exportDirectory: loaded.exportDirectory,
    },
  });
  const dispatch = createDispatcher(handlers, {
    logError,
    validateResponses: options.validateResponses ?? false,
    authorizeStaff: (token) => staffAuth.authorize(token),
  });
  if (!config.demo && options.scheduleSync !== false) {
    scheduler = new SyncScheduler(
      { kioskId: config.kiosk.id, ...syncTimes },
      {
        runPass: (kind) => syncPassInWorker(kind, loaded, fixed ?? null, options.version),
        lastFullSuccess: () => lastSuccess(mirror, 'full'),
        now,
        log,
      },
    );
    scheduler.start();
  }

  // Health, nothing about people: what the status says of the data, the sync and the printer,
  // the quality index's scores and the usage counters (sums per day).
  let heartbeat: Heartbeat | null = null;
  if (fleet && config.heartbeat) {
    heartbeat = new Heartbeat({
      url: config.heartbeat.url,
      token: loaded.secrets.heartbeatToken,
      everyMinutes: config.heartbeat.everyMinutes,
      collect: async () => {
        // Health first: a quality index that cannot be computed leaves it out, not the heartbeat.
        const index = await quality().catch((error: unknown) => {
          logError('the heartbeat goes without the quality index', error);
          return null;
        });
        return heartbeatReportFromStatus(await handlers.status({}), {
          uptimeSeconds: process.uptime(),
          diskFreeBytes: await diskFreeBytes(dirname(mirrorPath)),
          ...(updates ? { updates: updates() } : {}),
          ...(index ? { quality: index } : {}),
          usage: usageBetween(usage, ...lastDays(today(), HEARTBEAT_USAGE_DAYS)),
        });
      },
      now,
      log,
    });
    heartbeat.start();
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
    remoteSettings,
    heartbeat,
    schedules,
    screen,
    reportUpdates: (status) => {
      updates = status;
    },
    usage,
    quality,
    close: async () => {
      clearInterval(printerWatch);
      await Promise.all([remoteSettings?.stop(), heartbeat?.stop()]);
      await scheduler?.stop();
      await printing.close();
      tiles.close();
      usage.close();
      mirror.close();
    },
  };
}
