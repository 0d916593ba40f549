/**
 * The update policy (common/fleet/update-policy.ts): the maintenance window on Paris's wall clock
 * (midnight and DST nights included), the rollout bucket of a kiosk id, semver precedence checked
 * against the very `semver` electron-updater decides with, and the install decision.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  fnv1a32,
  inMaintenanceWindow,
  installDecision,
  isNewer,
  rolloutBucket,
  withinRollout,
  type InstallSituation,
} from '../../common/fleet/update-policy';
import { seeded } from '../support/seeded';

const NIGHT = { start: '03:00', end: '05:00' };
const ACROSS_MIDNIGHT = { start: '23:00', end: '02:00' };

describe('maintenance window, Europe/Paris wall clock', () => {
  // Paris is UTC+1 in winter, UTC+2 in summer (from 29 March to 25 October 2026).
  it.each([
    ['2026-01-15T02:00:00Z', NIGHT, true, '03:00 in winter: the start is inside'],
    ['2026-01-15T03:59:00Z', NIGHT, true, '04:59 in winter'],
    ['2026-01-15T04:00:00Z', NIGHT, false, '05:00: the end is outside'],
    ['2026-01-15T01:59:00Z', NIGHT, false, '02:59 in winter'],
    ['2026-07-15T01:30:00Z', NIGHT, true, '03:30 in summer (01:30 UTC)'],
    ['2026-07-15T03:30:00Z', NIGHT, false, '05:30 in summer, though 03:30 UTC'],
    ['2026-01-15T22:00:00Z', ACROSS_MIDNIGHT, true, '23:00, a window across midnight'],
    ['2026-01-16T00:59:00Z', ACROSS_MIDNIGHT, true, '01:59 after midnight'],
    ['2026-01-16T01:00:00Z', ACROSS_MIDNIGHT, false, '02:00, its end'],
    ['2026-01-15T21:59:00Z', ACROSS_MIDNIGHT, false, '22:59, before it'],
    ['2026-01-15T11:00:00Z', ACROSS_MIDNIGHT, false, 'noon'],
    ['2026-03-29T01:00:00Z', NIGHT, true, '03:00 right after the clocks go forward'],
    ['2026-03-29T00:59:00Z', { start: '02:00', end: '03:00' }, false, '01:59 just before the spring gap: 02:00–03:00 never comes'],
    ['2026-03-29T01:00:00Z', { start: '02:00', end: '03:00' }, false, '03:00 just after the spring gap'],
    ['2026-10-25T00:30:00Z', { start: '02:00', end: '03:00' }, true, '02:30 summer time, the first of the two on the autumn night'],
    ['2026-10-25T01:30:00Z', { start: '02:00', end: '03:00' }, true, '02:30 winter time, the second'],
    ['2026-01-15T11:00:00Z', { start: '04:00', end: '04:00' }, true, 'noon, with start = end meaning the whole day'],
    ['2026-01-15T03:00:00Z', { start: '04:00', end: '04:00' }, true, '04:00, with start = end'],
  ])('%s is %s of %o inside: %s', (instant, window, inside) => {
    expect(inMaintenanceWindow(new Date(instant), window)).toBe(inside);
  });

  it('follows the time zone it is given (03:30 in La Réunion is 00:30 in Paris)', () => {
    const instant = new Date('2026-01-15T23:30:00Z');
    expect(inMaintenanceWindow(instant, NIGHT, 'Indian/Reunion')).toBe(true);
    expect(inMaintenanceWindow(instant, NIGHT, 'Europe/Paris')).toBe(false);
  });

  it('refuses a time that is not HH:MM, naming it', () => {
    expect(() => inMaintenanceWindow(new Date(), { start: '3:00', end: '05:00' })).toThrow(/"3:00"/);
  });
});

/** A plausible fleet: agencies × departments × towns × a few kiosks each (2 016 ids). */
function fleet(): string[] {
  const ids: string[] = [];
  for (const agency of ['caf', 'france-travail', 'ccas', 'mairie'])
    for (const department of ['67', '68', '75', '93', '13', '974'])
      for (const town of ['centre', 'nord', 'sud', 'est', 'ouest', 'gare', 'port'])
        for (let kiosk = 1; kiosk <= 12; kiosk += 1) ids.push(`${agency}-${department}-${town}-${String(kiosk).padStart(2, '0')}`);
  return ids;
}

describe('rollout bucket of a kiosk id', () => {
  it('is FNV-1a underneath (published test vectors of the FNV authors)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('is a whole number 0–99, the same every time for the same id', () => {
    for (const id of fleet()) {
      const bucket = rolloutBucket(id);
      expect(Number.isInteger(bucket) && bucket >= 0 && bucket <= 99, `${id} → ${bucket}`).toBe(true);
      expect(rolloutBucket(id)).toBe(bucket);
    }
  });

  it('spreads a fleet evenly: each tenth of the buckets holds 7–13 % of the kiosks', () => {
    const ids = fleet();
    const perTenth = Array.from({ length: 10 }, () => 0);
    for (const id of ids) perTenth[Math.floor(rolloutBucket(id) / 10)]! += 1;
    for (const count of perTenth) {
      expect(count / ids.length).toBeGreaterThan(0.07);
      expect(count / ids.length).toBeLessThan(0.13);
    }
  });

  it('scatters ids that differ only in their last digits (caf-67-strasbourg-01 … -99)', () => {
    const buckets = new Set(Array.from({ length: 99 }, (_, n) => rolloutBucket(`caf-67-strasbourg-${String(n + 1).padStart(2, '0')}`)));
    // 99 ids thrown at random into 100 buckets land in about 63 distinct ones.
    expect(buckets.size).toBeGreaterThan(50);
  });
});

describe('staged rollout', () => {
  const buckets = Array.from({ length: 100 }, (_, bucket) => bucket);

  it('without stagingPercentage, every kiosk takes the release', () => {
    expect(buckets.every((bucket) => withinRollout(bucket, undefined))).toBe(true);
  });

  it('n % lets in exactly n of the 100 buckets, 0 % none and 100 % all', () => {
    for (let percentage = 0; percentage <= 100; percentage += 1) {
      expect(buckets.filter((bucket) => withinRollout(bucket, percentage))).toHaveLength(percentage);
    }
  });

  it('raising the percentage only adds kiosks: whoever is in at 10 % is in at 50 % and 100 %', () => {
    for (const bucket of buckets) {
      for (let low = 0; low <= 100; low += 5) {
        for (let high = low; high <= 100; high += 5) {
          if (withinRollout(bucket, low)) expect(withinRollout(bucket, high)).toBe(true);
        }
      }
    }
  });

  it('a stagingPercentage that is not a number lets nobody in', () => {
    expect(buckets.some((bucket) => withinRollout(bucket, Number.NaN))).toBe(false);
  });

  it('10 % of a real fleet is about a tenth of its kiosks', () => {
    const ids = fleet();
    const share = ids.filter((id) => withinRollout(rolloutBucket(id), 10)).length / ids.length;
    expect(share).toBeGreaterThan(0.07);
    expect(share).toBeLessThan(0.13);
  });
});

describe('isNewer: semantic versioning precedence', () => {
  // The example chain of semver.org §11, lowest first.
  const chain = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0'];

  it('orders the semver.org example chain', () => {
    for (let low = 0; low < chain.length; low += 1) {
      for (let high = 0; high < chain.length; high += 1) {
        expect(isNewer(chain[high] as string, chain[low] as string), `${chain[high]} > ${chain[low]}`).toBe(high > low);
      }
    }
  });

  it.each([
    ['1.10.0', '1.9.0', true],
    ['1.0.10', '1.0.9', true],
    ['2.0.0', '1.99.99', true],
    ['1.2.0-beta.1', '1.1.0', true],
    ['1.2.0', '1.2.0-beta.3', true],
    ['1.2.0-beta.3', '1.2.0', false],
    ['1.1.0', '1.2.0-beta.1', false],
    ['1.1.0', '1.1.0', false],
    ['1.0.0', '1.1.0', false],
    ['1.1.0+build.7', '1.1.0+build.3', false],
  ])('%s newer than %s: %s', (candidate, running, newer) => {
    expect(isNewer(candidate, running)).toBe(newer);
  });

  it.each(['latest', '1.2', '01.2.3', '1.2.3-', '1.2.3-beta..1', 'v1.2.3', ''])('"%s" is never newer, nor anything newer than it', (bad) => {
    expect(isNewer(bad, '1.0.0')).toBe(false);
    expect(isNewer('9.9.9', bad)).toBe(false);
  });

  it('agrees with the semver package electron-updater itself compares with', () => {
    const requireFromUpdater = createRequire(createRequire(import.meta.url).resolve('electron-updater'));
    const semver = requireFromUpdater('semver') as { gt(a: string, b: string): boolean };
    const random = seeded(20260115);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const prereleases = ['', '-alpha', '-alpha.1', '-beta', '-beta.2', '-beta.11', '-rc.1', '-rc.1.x', '-0', '-1a', '-x-y'];
    const version = (): string => `${pick([0, 1, 2, 10])}.${pick([0, 1, 9, 10])}.${pick([0, 1, 2])}${pick(prereleases)}`;
    for (let round = 0; round < 5000; round += 1) {
      const [a, b] = [version(), version()];
      expect(isNewer(a, b), `${a} > ${b}`).toBe(semver.gt(a, b));
    }
  });
});

describe('install decision', () => {
  // 03:30 in Paris on a winter night.
  const ready: InstallSituation = {
    now: new Date('2026-01-16T02:30:00Z'),
    window: NIGHT,
    idleSeconds: 15 * 60,
    idleMinutes: 10,
    downloaded: { version: '1.1.0' },
    running: '1.0.0',
  };

  it('installs a newer download inside the window when nobody has touched the kiosk for idleMinutes', () => {
    expect(installDecision(ready)).toMatchObject({ install: true });
    expect(installDecision({ ...ready, idleSeconds: 10 * 60 }).install).toBe(true);
  });

  it.each<[string, Partial<InstallSituation>, RegExp]>([
    ['nothing is downloaded', { downloaded: null }, /no update/],
    ['the download is older than the running version', { downloaded: { version: '0.9.0' } }, /not newer/],
    ['the download is the running version', { downloaded: { version: '1.0.0' } }, /not newer/],
    ['it is noon', { now: new Date('2026-01-16T11:00:00Z') }, /maintenance window/],
    ['someone touched the screen 2 minutes ago', { idleSeconds: 120 }, /in use/],
    ['the last touch was 9 min 59 s ago', { idleSeconds: 599 }, /in use/],
  ])('does not install when %s', (_, change, reason) => {
    const decision = installDecision({ ...ready, ...change });
    expect(decision.install).toBe(false);
    expect(decision.reason).toMatch(reason);
  });

  it('uses the time zone it is given', () => {
    // 02:30 UTC is 03:30 in Paris but 06:30 in La Réunion.
    expect(installDecision({ ...ready, timeZone: 'Indian/Reunion' }).install).toBe(false);
  });
});
