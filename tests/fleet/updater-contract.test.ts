/**
 * The contract between our fleet updates and the real electron-updater 6.8.10, in plain Node:
 * `startFleetUpdates` drives a real updater against a static feed on 127.0.0.1
 * (tests/support/update-feed.ts), by the route electron-builder's own updater tests take — an
 * `AppAdapter` standing in for Electron's `app`, and an `HttpExecutor` over node:http standing in
 * for Electron's `net` (it hands the response to builder-util-runtime's `doDownload`, where the
 * sha512 is checked, exactly as `ElectronHttpExecutor` does).
 *
 * Linux uses `DebUpdater`: it is the package our kiosks run (electron-builder.yml's deb with cage),
 * and it needs nothing from the environment — `AppImageUpdater` stays inactive without the
 * `APPIMAGE` variable and diffs against the running AppImage file. A Windows pair uses
 * `NsisUpdater` for the one check Linux packages do not have: the installer's publisher, through
 * its `verifyUpdateCodeSignature` hook (PowerShell's Get-AuthenticodeSignature does not exist here).
 *
 * Installing cannot happen here: every updater's `quitAndInstall` — and nothing else — is
 * replaced by a spy, so the tests see whether and how it is called.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { URL } from 'node:url';
import { serializeToYaml } from 'builder-util';
import { configureRequestOptions, configureRequestUrl, HttpExecutor, type DownloadOptions } from 'builder-util-runtime';
import { DebUpdater, NsisUpdater, type AppUpdater, type UpdateDownloadedEvent } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { rolloutBucket } from '../../common/fleet/update-policy';
import { startFleetUpdates, type FleetUpdates, type FleetUpdateOptions } from '../../electron/fleet-updater';
import { publishRelease, setStagingPercentage, startUpdateFeed, type FeedFault, type UpdateFeed } from '../support/update-feed';

/** 13:00 and 03:30 in Paris, with the default window 03:00–05:00. */
const NOON = new Date('2026-01-15T12:00:00Z');
const NIGHT = new Date('2026-01-16T02:30:00Z');
const DEB_1_1_0 = '/borne-soliguide-1.1.0-linux-amd64.deb';
/** What `npm run dist` embeds from electron-builder.yml; the kiosk config's feedUrl must win over it. */
const BUILT_IN_FEED = 'https://updates.example.invalid/borne-soliguide';

/** Electron's `app` as electron-updater sees it, over temporary directories. */
class TestAppAdapter implements AppAdapter {
  readonly name = 'borne-soliguide';
  readonly isPackaged = true;
  readonly quitHandlers: ((exitCode: number) => void)[] = [];
  constructor(
    readonly version: string,
    private readonly root: string,
  ) {}
  get appUpdateConfigPath(): string {
    return join(this.root, 'resources', 'app-update.yml');
  }
  get userDataPath(): string {
    return join(this.root, 'user-data');
  }
  get baseCachePath(): string {
    return join(this.root, 'cache');
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  relaunch(): void {
    throw new Error('relaunch: nothing may restart in a test');
  }
  quit(): void {
    throw new Error('quit: nothing may quit in a test');
  }
  onQuit(handler: (exitCode: number) => void): void {
    this.quitHandlers.push(handler);
  }
}

/** Electron's `net` replaced by node:http; a short socket timeout so a hung feed fails fast. */
class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  override createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    return request(options, callback);
  }
  override addErrorAndTimeoutHandlers(request: ClientRequest, reject: (error: Error) => void): void {
    super.addErrorAndTimeoutHandlers(request, reject, 1_000);
  }
  /** `ElectronHttpExecutor.download`, line for line: the body goes through `doDownload`'s sha512 check. */
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        // fs's close() calls back with undefined, not null, on success.
        { destination, options, onCancel, callback: (error) => (error ? reject(error) : resolve(destination)), responseHandler: null },
        0,
      );
    });
  }
}

interface Kiosk {
  updater: AppUpdater;
  app: TestAppAdapter;
  downloaded: UpdateDownloadedEvent[];
  quitAndInstall: MockInstance<AppUpdater['quitAndInstall']>;
}

const temporary: string[] = [];
const started: FleetUpdates[] = [];
let feedDir: string;
let feed: UpdateFeed;
let clock: { now: Date; idleSeconds: number };
let log: string[];

function temporaryDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** A kiosk as `npm run dist` packages it: resources/app-update.yml as electron-builder writes it. */
function newKiosk(platform: 'linux' | 'windows', running: string, verifySignature?: (publishers: string[], file: string) => Promise<string | null>): Kiosk {
  const root = temporaryDir('kiosk-');
  const app = new TestAppAdapter(running, root);
  mkdirSync(join(root, 'resources'));
  const appUpdateConfig = {
    provider: 'generic',
    url: BUILT_IN_FEED,
    updaterCacheDirName: 'borne-soliguide-updater',
    ...(platform === 'windows' ? { publisherName: ['Borne Soliguide contributors'] } : {}),
  };
  writeFileSync(app.appUpdateConfigPath, serializeToYaml(appUpdateConfig));
  let updater: AppUpdater;
  if (platform === 'windows') {
    const nsis = new NsisUpdater(null, app);
    nsis.verifyUpdateCodeSignature = verifySignature ?? (() => Promise.resolve(null));
    // electron-builder's own test switch: read latest.yml as on Windows (and skip the
    // differential download, which needs the installed app's blockmap).
    Object.assign(nsis, { _testOnlyOptions: { platform: 'win32' } });
    updater = nsis;
  } else {
    updater = new DebUpdater(null, app);
  }
  // Set before startFleetUpdates: setFeedURL hands the executor to the provider.
  Object.assign(updater, { httpExecutor: new NodeHttpExecutor() });
  const downloaded: UpdateDownloadedEvent[] = [];
  updater.on('update-downloaded', (event) => downloaded.push(event));
  const quitAndInstall = vi.spyOn(updater, 'quitAndInstall').mockImplementation(() => undefined);
  return { updater, app, downloaded, quitAndInstall };
}

async function start(kiosk: Kiosk, changes: { kioskId?: string; channel?: 'stable' | 'beta'; feedUrl?: string } = {}): Promise<FleetUpdates> {
  const options: FleetUpdateOptions = {
    kioskId: changes.kioskId ?? 'caf-67-strasbourg-01',
    updates: { feedUrl: changes.feedUrl ?? feed.url, channel: changes.channel ?? 'stable', checkEveryMinutes: 240, idleMinutes: 10 },
    maintenanceWindow: { start: '03:00', end: '05:00' },
    logger: { info: (line) => log.push(`info ${line}`), warn: (line) => log.push(`warn ${line}`), error: (line) => log.push(`error ${line}`) },
    idleSeconds: () => clock.idleSeconds,
    now: () => clock.now,
    updater: kiosk.updater,
  };
  const fleet = await startFleetUpdates(options);
  started.push(fleet);
  return fleet;
}

const sha512 = (bytes: Buffer): string => createHash('sha512').update(bytes).digest('base64');

/** Lets the install poll run once: only intervals are faked, the HTTP below runs for real. */
function oneMinuteLater(): void {
  vi.advanceTimersByTime(60_000);
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  feedDir = temporaryDir('feed-');
  feed = await startUpdateFeed(feedDir);
  clock = { now: NOON, idleSeconds: 3600 };
  log = [];
});

afterEach(async () => {
  for (const fleet of started.splice(0)) fleet.stop();
  await feed.close();
  vi.useRealTimers();
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('an update on the feed', () => {
  it('is found, downloaded from the configured feed and verified against the published sha512', async () => {
    const release = publishRelease(feedDir, { version: '1.1.0', platform: 'linux' });
    const kiosk = newKiosk('linux', '1.0.0');
    const fleet = await start(kiosk);
    const status = await fleet.checkNow();
    expect(status).toEqual({ state: 'downloaded', available: '1.1.0', error: null, lastCheckAt: NOON.toISOString() });
    expect(feed.requests).toEqual(['/latest-linux.yml', DEB_1_1_0]);
    expect(kiosk.downloaded.map((event) => event.version)).toEqual(['1.1.0']);
    expect(sha512(readFileSync(kiosk.downloaded[0]?.downloadedFile ?? ''))).toBe(release.sha512);
  });

  it('is never installed on quit: nothing is left for the app to run when it quits', async () => {
    publishRelease(feedDir, { version: '1.1.0', platform: 'linux' });
    const kiosk = newKiosk('linux', '1.0.0');
    expect((await (await start(kiosk)).checkNow()).state).toBe('downloaded');
    expect(kiosk.app.quitHandlers).toHaveLength(0);
  });

  it('older than the running version is not offered', async () => {
    publishRelease(feedDir, { version: '1.0.0', platform: 'linux' });
    const kiosk = newKiosk('linux', '1.1.0');
    const status = await (await start(kiosk)).checkNow();
    expect(status).toMatchObject({ state: 'idle', available: null, error: null });
    expect(feed.requests).toEqual(['/latest-linux.yml']);
    expect(log.some((line) => line.startsWith('warn') && line.includes('1.0.0'))).toBe(true);
  });

  it('older, for a beta kiosk moved back to stable, is not offered either', async () => {
    publishRelease(feedDir, { version: '1.1.0', platform: 'linux' });
    const kiosk = newKiosk('linux', '1.2.0-beta.1');
    const status = await (await start(kiosk, { channel: 'stable' })).checkNow();
    expect(status).toMatchObject({ state: 'idle', available: null });
    expect(kiosk.downloaded).toEqual([]);
    // electron-updater's channel setter turns allowDowngrade on; it must be off again.
    expect(kiosk.updater.allowDowngrade).toBe(false);
  });

  it('older is refused by our own check too, were electron-updater told to allow downgrades', async () => {
    publishRelease(feedDir, { version: '1.0.0', platform: 'linux' });
    const kiosk = newKiosk('linux', '1.1.0');
    const fleet = await start(kiosk);
    await fleet.checkNow();
    kiosk.updater.allowDowngrade = true;
    expect(await fleet.checkNow()).toMatchObject({ state: 'idle', available: null });
    expect(feed.requests).not.toContain('/borne-soliguide-1.0.0-linux-amd64.deb');
  });
});

describe('channels', () => {
  it('a beta kiosk takes the beta; a stable kiosk never sees it', async () => {
    // Published as electron-builder would: 1.1.0 to latest, beta and alpha; then the beta to beta and alpha.
    publishRelease(feedDir, { version: '1.1.0', platform: 'linux' });
    publishRelease(feedDir, { version: '1.2.0-beta.1', platform: 'linux' });
    const stable = await (await start(newKiosk('linux', '1.0.0'), { channel: 'stable' })).checkNow();
    expect(stable).toMatchObject({ state: 'downloaded', available: '1.1.0' });
    const beta = await (await start(newKiosk('linux', '1.0.0'), { channel: 'beta' })).checkNow();
    expect(beta).toMatchObject({ state: 'downloaded', available: '1.2.0-beta.1' });
    expect(feed.requests.filter((path) => path.endsWith('.yml'))).toEqual(['/latest-linux.yml', '/beta-linux.yml']);
  });
});

describe('staged rollout by kiosk id', () => {
  const candidates = Array.from({ length: 99 }, (_, n) => `caf-67-strasbourg-${String(n + 1).padStart(2, '0')}`);
  const early = candidates.find((id) => rolloutBucket(id) < 10) as string;
  const late = candidates.find((id) => rolloutBucket(id) >= 90) as string;

  // Three kiosks each, each with a fresh userData directory, hence a fresh random `.updaterId`:
  // electron-updater's own rule would let `late` in at 90 %+ and `early` in at 10 % by chance.
  it('staged out: a kiosk whose bucket is not below stagingPercentage downloads nothing, every time', async () => {
    expect(late).toBeDefined();
    publishRelease(feedDir, { version: '1.1.0', platform: 'linux', stagingPercentage: rolloutBucket(late) });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const status = await (await start(newKiosk('linux', '1.0.0'), { kioskId: late })).checkNow();
      expect(status).toMatchObject({ state: 'idle', available: null });
    }
    expect(feed.requests).not.toContain(DEB_1_1_0);
  });

  it('staged in: a kiosk whose bucket is below stagingPercentage takes it, every time', async () => {
    expect(early).toBeDefined();
    publishRelease(feedDir, { version: '1.1.0', platform: 'linux', stagingPercentage: 10 });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const status = await (await start(newKiosk('linux', '1.0.0'), { kioskId: early })).checkNow();
      expect(status).toMatchObject({ state: 'downloaded', available: '1.1.0' });
    }
  });

  it('halted: lowering stagingPercentage to 0 before the night drops a waiting download', async () => {
    const release = publishRelease(feedDir, { version: '1.1.0', platform: 'linux', stagingPercentage: 10 });
    const kiosk = newKiosk('linux', '1.0.0');
    const fleet = await start(kiosk, { kioskId: early });
    expect((await fleet.checkNow()).state).toBe('downloaded');
    setStagingPercentage(feedDir, release, 0);
    expect(await fleet.checkNow()).toMatchObject({ state: 'idle', available: null });
    clock.now = NIGHT;
    oneMinuteLater();
    expect(kiosk.quitAndInstall).not.toHaveBeenCalled();
  });
});

describe('a download that does not verify', () => {
  it('tampered: bytes other than the hashed ones are refused and reported, and nothing is installed', async () => {
    publishRelease(feedDir, { version: '1.1.0', platform: 'linux' });
    feed.fault(DEB_1_1_0, 'wrong-bytes');
    // Night and idle: the refusal is the only thing standing between the file and an install.
    clock.now = NIGHT;
    const kiosk = newKiosk('linux', '1.0.0');
    const fleet = await start(kiosk);
    const status = await fleet.checkNow();
    expect(status).toMatchObject({ state: 'error', available: '1.1.0' });
    expect(status.error).toMatch(/1\.1\.0 refused.*sha512/);
    expect(log).toContain(`error ${status.error}`);
    expect(kiosk.downloaded).toEqual([]);
    oneMinuteLater();
    expect(kiosk.quitAndInstall).not.toHaveBeenCalled();

    feed.fault(DEB_1_1_0, null);
    expect((await fleet.checkNow()).state).toBe('installing');
    expect(kiosk.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  it('Windows: an installer whose publisher checks out is taken; the hook sees the downloaded file', async () => {
    const release = publishRelease(feedDir, { version: '1.1.0', platform: 'windows' });
    const checked: { publishers: string[]; hash: string }[] = [];
    const kiosk = newKiosk('windows', '1.0.0', (publishers, file) => {
      checked.push({ publishers, hash: sha512(readFileSync(file)) });
      return Promise.resolve(null);
    });
    expect(await (await start(kiosk)).checkNow()).toMatchObject({ state: 'downloaded', available: '1.1.0' });
    expect(checked).toEqual([{ publishers: ['Borne Soliguide contributors'], hash: release.sha512 }]);
    expect(feed.requests).toContain('/latest.yml');
  });

  it('Windows: an installer not signed by the publisher is refused and reported', async () => {
    publishRelease(feedDir, { version: '1.1.0', platform: 'windows' });
    clock.now = NIGHT;
    const kiosk = newKiosk('windows', '1.0.0', () => Promise.resolve('not signed by Borne Soliguide contributors'));
    const status = await (await start(kiosk)).checkNow();
    expect(status).toMatchObject({ state: 'error', available: '1.1.0' });
    expect(status.error).toMatch(/1\.1\.0 refused.*not signed/);
    expect(kiosk.downloaded).toEqual([]);
    expect(kiosk.quitAndInstall).not.toHaveBeenCalled();
  });
});

describe('an unreachable feed', () => {
  it.each<[FeedFault, RegExp]>([
    ['server-error', /failed/],
    ['not-found', /no file for this channel/],
    ['close', /failed/],
    ['hang', /failed/],
  ])('channel file answered with %s: an error in the status, nothing downloaded, fine at the next check', async (fault, message) => {
    publishRelease(feedDir, { version: '1.1.0', platform: 'linux' });
    feed.fault('/latest-linux.yml', fault);
    const fleet = await start(newKiosk('linux', '1.0.0'));
    const status = await fleet.checkNow();
    expect(status).toMatchObject({ state: 'error', available: null, lastCheckAt: NOON.toISOString() });
    expect(status.error).toMatch(message);
    expect(feed.requests).not.toContain(DEB_1_1_0);

    feed.fault('/latest-linux.yml', null);
    expect(await fleet.checkNow()).toMatchObject({ state: 'downloaded', available: '1.1.0', error: null });
  });

  it('nothing listening: an error after electron-updater\'s three retries (about 3 s)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const status = await (await start(newKiosk('linux', '1.0.0'), { feedUrl: `http://127.0.0.1:${port}/` })).checkNow();
    expect(status).toMatchObject({ state: 'error', available: null });
    expect(status.error).toMatch(/ECONNREFUSED/);
  });

  it('no feed configured: nothing is asked of anyone', async () => {
    const kiosk = newKiosk('linux', '1.0.0');
    const check = vi.spyOn(kiosk.updater, 'checkForUpdates');
    const fleet = await startFleetUpdates({
      kioskId: 'caf-67-strasbourg-01',
      updates: { channel: 'stable', checkEveryMinutes: 240, idleMinutes: 10 },
      maintenanceWindow: { start: '03:00', end: '05:00' },
      logger: { info: (line) => log.push(line), warn: (line) => log.push(line), error: (line) => log.push(line) },
      idleSeconds: () => 3600,
      updater: kiosk.updater,
    });
    expect(await fleet.checkNow()).toEqual({ state: 'idle', available: null, error: null, lastCheckAt: null });
    vi.advanceTimersByTime(24 * 3_600_000);
    expect(check).not.toHaveBeenCalled();
    expect(feed.requests).toEqual([]);
  });
});

describe('installing a downloaded update', () => {
  it('downloaded at noon: not installed outside the maintenance window', async () => {
    publishRelease(feedDir, { version: '1.1.0', platform: 'linux' });
    const kiosk = newKiosk('linux', '1.0.0');
    const fleet = await start(kiosk);
    expect((await fleet.checkNow()).state).toBe('downloaded');
    oneMinuteLater();
    oneMinuteLater();
    expect(kiosk.quitAndInstall).not.toHaveBeenCalled();
    expect(fleet.status().state).toBe('downloaded');
  });

  it('inside the window, but someone used the kiosk 2 minutes ago: not installed', async () => {
    publishRelease(feedDir, { version: '1.1.0', platform: 'linux' });
    clock = { now: NIGHT, idleSeconds: 120 };
    const kiosk = newKiosk('linux', '1.0.0');
    const fleet = await start(kiosk);
    expect((await fleet.checkNow()).state).toBe('downloaded');
    clock.idleSeconds += 60;
    oneMinuteLater();
    expect(kiosk.quitAndInstall).not.toHaveBeenCalled();
  });

  it('inside the window and idle for idleMinutes: quitAndInstall(silent, run after), at the next minute', async () => {
    publishRelease(feedDir, { version: '1.1.0', platform: 'linux' });
    const kiosk = newKiosk('linux', '1.0.0');
    const fleet = await start(kiosk);
    expect((await fleet.checkNow()).state).toBe('downloaded');
    clock = { now: NIGHT, idleSeconds: 11 * 60 };
    expect(kiosk.quitAndInstall).not.toHaveBeenCalled();
    oneMinuteLater();
    expect(kiosk.quitAndInstall).toHaveBeenCalledExactlyOnceWith(true, true);
    expect(fleet.status().state).toBe('installing');
    oneMinuteLater();
    expect(kiosk.quitAndInstall).toHaveBeenCalledTimes(1);
  });
});
