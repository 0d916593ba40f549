/**
 * A stand-in for the fleet's static update host, for the updater contract tests: real HTTP on
 * 127.0.0.1 (ephemeral port) serving a directory, plus fault injection per path — 404, 500, a
 * connection closed without an answer, a connection that never answers, and "wrong bytes" (the
 * file with every byte flipped: same size, so only the sha512 can catch it).
 *
 * `publishRelease` writes what `npm run dist` + copying release/ would put there: a fake artifact
 * with its real sha512 and size, and the channel files in electron-builder's format
 * (app-builder-lib/out/publish/updateInfoBuilder.js `createUpdateInfo`, serialised by
 * builder-util's `serializeToYaml`, the function electron-builder itself uses).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import type { UpdateInfo } from 'builder-util-runtime';
import { serializeToYaml } from 'builder-util';

export type FeedFault = 'not-found' | 'server-error' | 'close' | 'hang' | 'wrong-bytes';

export interface UpdateFeed {
  /** Base URL, e.g. http://127.0.0.1:41234/ — what `updates.feedUrl` would hold. */
  url: string;
  /** Paths asked for, in order, without the query string (the channel file gets `?noCache=`). */
  requests: string[];
  /** Sets (or with null clears) the fault answered for one path, e.g. "/latest-linux.yml". */
  fault(path: string, fault: FeedFault | null): void;
  /** Stops listening and drops every connection, hung ones included. */
  close(): Promise<void>;
}

function answerFile(response: ServerResponse, bytes: Buffer): void {
  response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length });
  response.end(bytes);
}

export async function startUpdateFeed(directory: string): Promise<UpdateFeed> {
  const faults = new Map<string, FeedFault>();
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://feed').pathname);
    requests.push(path);
    const file = normalize(join(directory, path));
    let bytes: Buffer;
    try {
      if (!file.startsWith(directory + sep)) throw new Error('outside the feed');
      bytes = readFileSync(file);
    } catch {
      response.writeHead(404).end('not found');
      return;
    }
    switch (faults.get(path)) {
      case 'not-found':
        response.writeHead(404).end('not found');
        return;
      case 'server-error':
        response.writeHead(500).end('internal server error');
        return;
      case 'close':
        request.socket.destroy();
        return;
      case 'hang':
        return;
      case 'wrong-bytes':
        answerFile(response, Buffer.from(bytes.map((byte) => byte ^ 0xff)));
        return;
      case undefined:
        answerFile(response, bytes);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    fault(path, fault) {
      if (fault === null) faults.delete(path);
      else faults.set(path, fault);
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

export type ReleasePlatform = 'linux' | 'windows';

export interface PublishedRelease {
  version: string;
  /** The artifact's file name in the feed. */
  artifact: string;
  bytes: Buffer;
  sha512: string;
  /** The channel files written, e.g. ["latest-linux.yml", "alpha-linux.yml", "beta-linux.yml"]. */
  channelFiles: string[];
  info: UpdateInfo;
}

/**
 * electron-builder's `computeChannelNames` with `generateUpdatesFilesForAllChannels` and no
 * explicit publish channel: the channel comes from the version's prerelease tag, and a release
 * also goes to every less stable channel (a stable one to beta and alpha).
 */
function channelsOf(version: string): string[] {
  const tag = /^\d+\.\d+\.\d+-([0-9A-Za-z-]+)/.exec(version)?.[1];
  if (tag === undefined) return ['latest', 'alpha', 'beta'];
  return tag === 'beta' ? ['beta', 'alpha'] : [tag];
}

/** `latest-linux.yml` on x64 Linux (electron-builder's getUpdateInfoFileName), `latest.yml` on Windows. */
export function channelFileName(channel: string, platform: ReleasePlatform): string {
  if (platform === 'windows') return `${channel}.yml`;
  return process.arch === 'x64' ? `${channel}-linux.yml` : `${channel}-linux-${process.arch}.yml`;
}

/** Artifact names follow electron-builder.yml's `${name}-${version}-${os}-${arch}.${ext}`. */
function artifactName(version: string, platform: ReleasePlatform): string {
  return platform === 'windows' ? `borne-soliguide-${version}-win-x64.exe` : `borne-soliguide-${version}-linux-amd64.deb`;
}

export interface ReleaseOptions {
  version: string;
  platform: ReleasePlatform;
  stagingPercentage?: number;
}

/**
 * Publishes a release into the feed directory. Linux: the .deb entry as FpmTarget describes it
 * ({ url, sha512, size }); a real latest-linux.yml also lists the AppImage, which DebUpdater skips.
 * Windows: the NSIS entry, `isAdminRightsRequired` because electron-builder.yml's installer is
 * per-machine and one-click.
 */
export function publishRelease(directory: string, options: ReleaseOptions): PublishedRelease {
  const { version, platform } = options;
  const artifact = artifactName(version, platform);
  const bytes = Buffer.from(`fake ${platform} package of Borne Soliguide ${version}\n`.repeat(2000));
  writeFileSync(join(directory, artifact), bytes);
  const sha512 = createHash('sha512').update(bytes).digest('base64');
  const file = { url: artifact, sha512, size: bytes.length, ...(platform === 'windows' ? { isAdminRightsRequired: true } : {}) };
  const info: UpdateInfo = {
    version,
    files: [file],
    path: artifact,
    sha512,
    releaseDate: new Date().toISOString(),
    ...(options.stagingPercentage === undefined ? {} : { stagingPercentage: options.stagingPercentage }),
  };
  const channelFiles = channelsOf(version).map((channel) => channelFileName(channel, platform));
  writeChannelFiles(directory, channelFiles, info);
  return { version, artifact, bytes, sha512, channelFiles, info };
}

function writeChannelFiles(directory: string, channelFiles: readonly string[], info: UpdateInfo): void {
  for (const channelFile of channelFiles) writeFileSync(join(directory, channelFile), serializeToYaml(info, false, true));
}

/**
 * What the admin does to widen, narrow or halt a rollout: set `stagingPercentage` in every channel
 * file that carries the release (a stable release is in beta*.yml too).
 */
export function setStagingPercentage(directory: string, release: PublishedRelease, percentage: number): void {
  writeChannelFiles(directory, release.channelFiles, { ...release.info, stagingPercentage: percentage });
}
