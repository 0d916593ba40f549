/**
 * Fleet updates in the Electron main process: electron-updater reads the generic feed
 * (`updates.feedUrl`), downloads in the background and verifies the sha512 (and, on Windows, the
 * Authenticode publisher); the rules of common/fleet/update-policy.ts decide the rest — staged
 * rollout by kiosk id, never an older version, install only inside the maintenance window while
 * nobody uses the kiosk, never on quit.
 *
 * electron-updater is given the same updater object the contract test drives
 * (tests/fleet/updater-contract.test.ts): the kiosk leaves `updater` out and gets electron-updater's
 * `autoUpdater`, loaded only when a feed is configured.
 */
import { createRequire } from 'node:module';
import type { AppUpdater, UpdateDownloadedEvent, UpdateInfo } from 'electron-updater';
import type { KioskConfig } from '../kiosk-config/config-schema';
import { installDecision, isNewer, rolloutBucket, withinRollout } from '../common/fleet/update-policy';

export interface FleetLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface FleetUpdateOptions {
  kioskId: KioskConfig['kiosk']['id'];
  updates: KioskConfig['updates'];
  /** Read at each decision: remote settings may move it. */
  maintenanceWindow: KioskConfig['maintenanceWindow'] | (() => KioskConfig['maintenanceWindow']);
  /**
   * Minutes without input before installing, read at each decision; default updates.idleMinutes.
   * main.ts raises it above the session's idle reset, so that nobody reading is cut off.
   */
  idleMinutes?: () => number;
  /** The maintenance window's zone; Europe/Paris unless said otherwise. */
  timeZone?: string;
  logger: FleetLogger;
  /** Seconds since the last input: Electron's `powerMonitor.getSystemIdleTime`, given by main.ts. */
  idleSeconds: () => number;
  /** An updater built by the caller (tests); by default electron-updater's `autoUpdater`. */
  updater?: AppUpdater;
  now?: () => Date;
}

export type FleetUpdateState = 'idle' | 'checking' | 'downloading' | 'downloaded' | 'installing' | 'error';

export interface FleetUpdateStatus {
  state: FleetUpdateState;
  /** The version found on the feed (being downloaded, downloaded, or refused). */
  available: string | null;
  error: string | null;
  /** ISO instant of the last check started. */
  lastCheckAt: string | null;
}

export interface FleetUpdates {
  status(): FleetUpdateStatus;
  /** Checks now (or joins the check under way), downloads if there is something, and settles. */
  checkNow(): Promise<FleetUpdateStatus>;
  stop(): void;
}

const INSTALL_POLL_MS = 60_000;

/**
 * electron-updater requires `electron` while it loads, which only Electron's CommonJS loader
 * provides: it is required at run time from the packaged node_modules, not bundled.
 */
function loadAutoUpdater(): AppUpdater {
  const requireAtRunTime = createRequire(import.meta.url);
  return (requireAtRunTime('electron-updater') as typeof import('electron-updater')).autoUpdater;
}

/** electron-updater's error codes (builder-util-runtime `newError`), in words for the log and the status. */
function describeError(error: Error & { code?: string }, version: string | null): string {
  const update = version === null ? 'the update' : `update ${version}`;
  switch (error.code) {
    case 'ERR_CHECKSUM_MISMATCH':
      return `${update} refused: the downloaded file does not match the sha512 of the feed (corrupted or tampered); nothing installed`;
    case 'ERR_UPDATER_INVALID_SIGNATURE':
      return `${update} refused: the installer is not signed by the expected publisher; nothing installed`;
    case 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND':
      return `update feed has no file for this channel: ${error.message.split('\n')[0]}`;
    default:
      return `update check or download failed: ${error.message.split('\n')[0]}`;
  }
}

/** The feed may carry `stagingPercentage` as a number or as text; anything else is NaN (nobody). */
function stagingPercentageOf(info: UpdateInfo): number | undefined {
  const raw: unknown = info.stagingPercentage;
  return raw === undefined || raw === null ? undefined : Number(raw);
}

function configure(updater: AppUpdater, options: FleetUpdateOptions, feedUrl: string): void {
  const { logger, updates } = options;
  const running = updater.currentVersion.version;
  updater.logger = logger;
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = false;
  // We ship no NSIS web installer: its separately downloaded package is not code-signed.
  updater.disableWebInstaller = true;
  updater.allowPrerelease = updates.channel === 'beta';
  updater.channel = updates.channel === 'beta' ? 'beta' : 'latest';
  // The channel setter turns allowDowngrade on (electron-updater AppUpdater.js, `set channel`).
  updater.allowDowngrade = false;
  updater.setFeedURL({ provider: 'generic', url: feedUrl });

  // Not newer = not an update, before anything is downloaded (electron-updater asks this first).
  const supportedByDefault = updater.isUpdateSupported;
  updater.isUpdateSupported = async (info) => {
    if (!isNewer(info.version, running)) {
      logger.warn(`update feed offers ${info.version}, not newer than the running ${running}: ignored (downgrades are never installed)`);
      return false;
    }
    return supportedByDefault(info);
  };

  const bucket = rolloutBucket(options.kioskId);
  updater.isUserWithinRollout = (info) => {
    const percentage = stagingPercentageOf(info);
    const inside = withinRollout(bucket, percentage);
    if (percentage !== undefined) {
      logger.info(`staged rollout of ${info.version} at ${percentage} %: kiosk ${options.kioskId} (bucket ${bucket}) is ${inside ? 'in' : 'not in yet'}`);
    }
    return inside;
  };
}

export async function startFleetUpdates(options: FleetUpdateOptions): Promise<FleetUpdates> {
  const { logger, updates } = options;
  const now = options.now ?? (() => new Date());
  const current: FleetUpdateStatus = { state: 'idle', available: null, error: null, lastCheckAt: null };
  const status = (): FleetUpdateStatus => ({ ...current });
  const update = (changes: Partial<FleetUpdateStatus>): void => {
    Object.assign(current, changes);
  };
  if (updates.feedUrl === undefined) {
    logger.info('fleet updates off: no update feed configured (updates.feedUrl)');
    return { status, checkNow: () => Promise.resolve(status()), stop: () => undefined };
  }

  const updater = options.updater ?? loadAutoUpdater();
  configure(updater, options, updates.feedUrl);
  const running = updater.currentVersion.version;

  /** The verified download waiting for the window; cleared when the feed stops offering it. */
  let pending: { version: string } | null = null;
  let installPoll: ReturnType<typeof setInterval> | null = null;
  let lastReason: string | null = null;
  let inFlight: Promise<void> | null = null;
  let cancelDownload: (() => void) | null = null;

  function stopInstallPoll(): void {
    if (installPoll !== null) clearInterval(installPoll);
    installPoll = null;
  }

  function considerInstall(): void {
    const decision = installDecision({
      now: now(),
      window: typeof options.maintenanceWindow === 'function' ? options.maintenanceWindow() : options.maintenanceWindow,
      timeZone: options.timeZone,
      idleSeconds: options.idleSeconds(),
      idleMinutes: options.idleMinutes?.() ?? updates.idleMinutes,
      downloaded: pending,
      running,
    });
    if (!decision.install) {
      if (pending === null) stopInstallPoll();
      else if (decision.reason !== lastReason) logger.info(`update ${pending.version} waits: ${decision.reason}`);
      lastReason = decision.reason;
      return;
    }
    stopInstallPoll();
    pending = null;
    lastReason = null;
    update({ state: 'installing' });
    logger.info(`installing update: ${decision.reason}`);
    // Silent, and start the kiosk again after. Should it not quit, the next check finds the
    // cached download again (verified anew) and this is retried.
    updater.quitAndInstall(true, true);
  }

  const listeners = {
    'checking-for-update': () => update({ state: 'checking', error: null }),
    'update-available': (info: UpdateInfo) => {
      update({ state: 'downloading', available: info.version });
      logger.info(`update ${info.version} found, downloading`);
    },
    'update-not-available': () => {
      // Also how an admin halts a rollout: lowering stagingPercentage drops a waiting download.
      if (pending !== null) logger.warn(`update ${pending.version} no longer offered to this kiosk: not installed`);
      pending = null;
      stopInstallPoll();
      update({ state: 'idle', available: null });
    },
    'update-downloaded': (event: UpdateDownloadedEvent) => {
      pending = { version: event.version };
      update({ state: 'downloaded', available: event.version, error: null });
      logger.info(`update ${event.version} downloaded and verified`);
      installPoll ??= setInterval(considerInstall, INSTALL_POLL_MS);
      considerInstall();
    },
    error: (error: Error) => {
      const message = describeError(error, current.available);
      update({ state: 'error', error: message });
      logger.error(message);
    },
  } as const;
  for (const [event, listener] of Object.entries(listeners)) updater.on(event as keyof typeof listeners, listener);

  async function check(): Promise<void> {
    update({ lastCheckAt: now().toISOString() });
    try {
      const result = await updater.checkForUpdates();
      cancelDownload = result?.cancellationToken ? () => result.cancellationToken?.cancel() : null;
      await result?.downloadPromise;
    } catch {
      // electron-updater has emitted 'error' for it already (checkForUpdates and downloadUpdate
      // both dispatch before rejecting): the listener above logged it and set the status.
    } finally {
      cancelDownload = null;
    }
  }

  function checkNow(): Promise<FleetUpdateStatus> {
    inFlight ??= check().finally(() => (inFlight = null));
    return inFlight.then(status);
  }

  const checkTimer = setInterval(() => void checkNow(), updates.checkEveryMinutes * 60_000);
  logger.info(
    `fleet updates on: ${updates.feedUrl}, channel ${updates.channel}, every ${updates.checkEveryMinutes} min, running ${running}`,
  );
  void checkNow();

  return {
    status,
    checkNow,
    stop() {
      clearInterval(checkTimer);
      stopInstallPoll();
      cancelDownload?.();
      for (const [event, listener] of Object.entries(listeners)) updater.off(event as keyof typeof listeners, listener);
    },
  };
}
