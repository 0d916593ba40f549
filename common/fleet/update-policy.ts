/**
 * When a kiosk may take a fleet update: data in, decision out, no clock and no updater here
 * (electron/fleet-updater.ts feeds electron-updater's events and the system idle time in).
 *
 * - Installing restarts the app, so it happens only inside the maintenance window, on the wall
 *   clock of `Europe/Paris` (configurable), and only when nobody has touched the screen for
 *   `updates.idleMinutes`.
 * - A version that is not strictly newer than the running one is never installed, whatever the
 *   feed says: "rollback" means publishing a higher version.
 * - Staged rollouts (`stagingPercentage` in the feed's yml) use a bucket 0–99 derived from the
 *   kiosk's configured id, not electron-updater's random `.updaterId` file: the admin can tell
 *   which kiosks take a release first, and a reinstalled kiosk keeps its place.
 */
import { MINUTES_PER_DAY, wallClock } from '../opening/zoned-time';

export const DEFAULT_UPDATE_TIME_ZONE = 'Europe/Paris';

/** `HH:MM` wall-clock times, as in the kiosk config's `maintenanceWindow`. */
export interface MaintenanceWindow {
  start: string;
  end: string;
}

function minuteOfDay(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`maintenance window time "${time}" is not HH:MM`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * Whether `now` falls in [start, end) on the zone's wall clock. A window whose end is at or
 * before its start crosses midnight (23:00–02:00); start = end is a window of 24 hours. On the
 * night clocks go forward, wall times in the gap (02:00–03:00 in Paris) never occur.
 */
export function inMaintenanceWindow(now: Date, window: MaintenanceWindow, timeZone = DEFAULT_UPDATE_TIME_ZONE): boolean {
  const start = minuteOfDay(window.start);
  const end = minuteOfDay(window.end);
  const length = (end - start + MINUTES_PER_DAY) % MINUTES_PER_DAY || MINUTES_PER_DAY;
  const sinceStart = (wallClock(now, timeZone).minute - start + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return sinceStart < length;
}

/** 32-bit FNV-1a over UTF-16 code units (kiosk ids are ASCII by the config schema). */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * MurmurHash3's finaliser: FNV-1a alone leaves ids that differ only in their last characters
 * ("…-01", "…-02") close in the high bits the bucket is taken from; this spreads them.
 */
function avalanche(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The kiosk's place in staged rollouts, 0–99. It depends on the kiosk id only, not on the
 * version: the same kiosks go first for every release, so the admin knows which agencies to
 * watch (and can warn them), and raising the percentage only ever adds kiosks.
 */
export function rolloutBucket(kioskId: string): number {
  return Math.floor((avalanche(fnv1a32(kioskId)) / 2 ** 32) * 100);
}

/**
 * Whether a kiosk in `bucket` takes a release published at `stagingPercentage`: absent means
 * everyone, n% means buckets 0…n−1. A value that is not a number (NaN) lets nobody in: a typo in
 * the feed holds a release back rather than sending it to the whole fleet.
 */
export function withinRollout(bucket: number, stagingPercentage: number | undefined): boolean {
  if (stagingPercentage === undefined) return true;
  return bucket < stagingPercentage;
}

interface Semver {
  core: [number, number, number];
  prerelease: string[];
}

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

function parseSemver(version: string): Semver | null {
  const match = SEMVER.exec(version);
  if (!match) return null;
  return {
    core: [Number(match[1]), Number(match[2]), Number(match[3])],
    prerelease: match[4] === undefined ? [] : match[4].split('.'),
  };
}

function compareIdentifiers(a: string, b: string): number {
  const aNumeric = /^\d+$/.test(a);
  const bNumeric = /^\d+$/.test(b);
  if (aNumeric && bNumeric) return Number(a) - Number(b);
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Semantic Versioning 2.0.0 §11 precedence; build metadata is ignored. */
function compareSemver(a: Semver, b: Semver): number {
  for (let index = 0; index < 3; index += 1) {
    const difference = (a.core[index] as number) - (b.core[index] as number);
    if (difference !== 0) return difference;
  }
  // A version without prerelease ranks above the same version with one (1.2.0 > 1.2.0-beta.1).
  if (a.prerelease.length === 0 || b.prerelease.length === 0) return b.prerelease.length - a.prerelease.length;
  const shared = Math.min(a.prerelease.length, b.prerelease.length);
  for (let index = 0; index < shared; index += 1) {
    const difference = compareIdentifiers(a.prerelease[index] as string, b.prerelease[index] as string);
    if (difference !== 0) return difference;
  }
  return a.prerelease.length - b.prerelease.length;
}

/** Whether `candidate` ranks strictly above `running`; anything that is not semver is not newer. */
export function isNewer(candidate: string, running: string): boolean {
  const a = parseSemver(candidate);
  const b = parseSemver(running);
  return a !== null && b !== null && compareSemver(a, b) > 0;
}

export interface InstallSituation {
  now: Date;
  window: MaintenanceWindow;
  timeZone?: string;
  /** Seconds since the last touch, key or mouse input anywhere on the machine. */
  idleSeconds: number;
  idleMinutes: number;
  /** The verified download waiting to be installed, if any. */
  downloaded: { version: string } | null;
  running: string;
}

export interface InstallDecision {
  install: boolean;
  /** For the log: why, in words. */
  reason: string;
}

export function installDecision(situation: InstallSituation): InstallDecision {
  const { now, window, timeZone = DEFAULT_UPDATE_TIME_ZONE, idleSeconds, idleMinutes, downloaded, running } = situation;
  if (downloaded === null) return { install: false, reason: 'no update downloaded' };
  if (!isNewer(downloaded.version, running)) {
    return { install: false, reason: `${downloaded.version} is not newer than the running ${running}` };
  }
  if (!inMaintenanceWindow(now, window, timeZone)) {
    return { install: false, reason: `outside the maintenance window ${window.start}–${window.end} (${timeZone})` };
  }
  if (idleSeconds < idleMinutes * 60) {
    return {
      install: false,
      reason: `kiosk in use: last input ${Math.floor(idleSeconds)} s ago, ${idleMinutes} min without input needed`,
    };
  }
  return {
    install: true,
    reason: `${downloaded.version} downloaded, inside the maintenance window ${window.start}–${window.end} (${timeZone}), no input for ${Math.floor(idleSeconds / 60)} min`,
  };
}
