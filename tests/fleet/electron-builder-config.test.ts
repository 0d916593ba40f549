/**
 * electron-builder.yml, read and checked offline by electron-builder's own code (app-builder-lib
 * 26.17.0: the loader and js-yaml it parses the file with, its JSON-schema validation, its publish
 * channel resolution and its file matcher), then held to what the fleet needs: the Linux and
 * Windows targets the updater handles, a generic feed with a file per channel, the fuses, and an
 * app that contains the whole build (`npm run build` must have run, as `npm test` does).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppInfo } from 'app-builder-lib/out/appInfo';
import type { Configuration } from 'app-builder-lib/out/configuration';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { getPublishConfigs } from 'app-builder-lib/out/publish/PublishManager';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(ROOT, 'electron-builder.yml', null);
});

/** Target names whether written as "deb" or { target: "deb" }. */
function targetNames(platform: { target?: unknown } | null | undefined): string[] {
  const targets = [platform?.target ?? []].flat() as (string | { target: string })[];
  return targets.map((target) => (typeof target === 'string' ? target : target.target));
}

describe('electron-builder.yml', () => {
  it("passes electron-builder 26.17.0's own schema validation", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the same validation refuses a misspelt option, so the check above is live', async () => {
    const misspelt = { ...config, nsis: { ...config.nsis, oneClik: true } } as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/nsis/);
  });

  it('builds AppImage and deb for Linux, NSIS for Windows: the packages electron-updater updates', () => {
    expect(targetNames(config.linux).sort()).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.win)).toEqual(['nsis']);
  });

  it('publishes to a generic feed, writes the update files of every channel, names artifacts by version', () => {
    const publish = [config.publish].flat();
    expect(publish).toHaveLength(1);
    expect(publish[0]).toMatchObject({ provider: 'generic' });
    expect(config.generateUpdatesFilesForAllChannels).toBe(true);
    expect(config.artifactName).toContain('${version}');
  });

  it.each([
    ['1.2.0', 'latest'],
    ['1.2.0-beta.1', 'beta'],
  ])("publishes %s to the %s channel (electron-builder's own resolution)", async (version, channel) => {
    const appInfo = new AppInfo({ metadata: { name: 'borne-soliguide', version }, config } as never, null, config.linux);
    const linuxPackager = { config, platformSpecificBuildOptions: config.linux ?? {}, info: { config, appInfo }, appInfo, expandMacro: (text: string) => text };
    const [resolved] = (await getPublishConfigs(linuxPackager as never, null, null, false)) ?? [];
    // updateInfoBuilder.js computeChannelNames: no channel means "latest".
    expect((resolved as { channel?: string | null } | undefined)?.channel ?? 'latest').toBe(channel);
  });

  it('flips the Electron fuses a kiosk relies on', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});

describe('what goes into the app, after npm run build', () => {
  function filesUnder(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  }

  const built = (): string[] => [...filesUnder(join(ROOT, 'dist')), join(ROOT, 'package.json')];
  const patterns = (): string[] => [config.files].flat().flatMap((set) => (typeof set === 'string' ? [set] : (set?.filter ?? [])));
  const included = (pattern: string | string[]) => {
    const filter = new FileMatcher(ROOT, '/', (text: string) => text, pattern).createFilter();
    return (file: string): boolean => filter(file, statSync(file));
  };

  it('every pattern of `files` matches built files', () => {
    const files = built();
    for (const pattern of patterns().filter((pattern) => !pattern.startsWith('!'))) {
      expect(files.filter(included(pattern)), pattern).not.toEqual([]);
    }
  });

  it('the app holds the whole build (main, preload, sync worker, migrations, renderer) but no source map', () => {
    const isIncluded = included(patterns());
    const files = built();
    expect(files.map((file) => relative(ROOT, file))).toEqual(expect.arrayContaining(['dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/electron/sync-worker.js', 'dist/electron/quality-worker.js', 'dist/renderer/index.html']));
    for (const file of files) expect(isIncluded(file), relative(ROOT, file)).toBe(!file.endsWith('.map'));
  });

});
