/**
 * The OS layer of deploy/ (a systemd unit and its install script for Linux kiosks, the Shell
 * Launcher script for Windows) checked against what it depends on: the names and paths of the
 * app, the packages and their dependencies, derived from electron-builder.yml by
 * electron-builder's own packager code (so a rename of productName or executableName, or a
 * change of electron-builder's layout or defaults, breaks here and not on a kiosk), and the tools
 * that know these formats: systemd-analyze, bash, ShellCheck. The files themselves are not run:
 * they change the machine they run on.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// The package index first: app-builder-lib's modules import each other in a cycle that only
// resolves when loading starts there.
import { LinuxPackager, WinPackager, type Packager } from 'app-builder-lib';
import type { Configuration } from 'app-builder-lib/out/configuration';
import FpmTarget from 'app-builder-lib/out/targets/FpmTarget';
import { installPrefix } from 'app-builder-lib/out/targets/LinuxTargetHelper';
import { getWindowsInstallationDirName } from 'app-builder-lib/out/targets/targetUtil';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { Arch } from 'builder-util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const deploy = (path: string) => join(root, 'deploy', path);
const UNIT_FILE = 'borne-soliguide.service';
const unitText = readFileSync(deploy(`linux/${UNIT_FILE}`), 'utf8');
const installScriptPath = deploy('linux/install-kiosk.sh');
const installScript = readFileSync(installScriptPath, 'utf8');
const shellLauncherScript = readFileSync(deploy('windows/set-shell-launcher.ps1'), 'utf8');

/** A missing tool fails the check that needs it, with the command that installs it (.ci/run). */
function requireTool(name: string): void {
  if (spawnSync('sh', ['-c', `command -v ${name}`]).status !== 0) {
    throw new Error(`${name} is not installed, so this check cannot run: apt-get install -y systemd shellcheck`);
  }
}

/** A version that cannot be mistaken for another part of a name, shown as <version> in examples. */
const SAMPLE_VERSION = '98.76.54';

interface ExpectedApp {
  config: Configuration;
  /** The AppImage's file name on a kiosk, without a version (see the unit). */
  appImageFileName: string;
  /** Where the deb installs the executable. */
  deb: string;
  /** Release file names, <version> for the version. */
  appImageArtifact: string;
  debArtifact: string;
  windowsUnderProgramFiles: string;
}

/** Names and paths of the app and its packages, as electron-builder computes them. */
async function expectedApp(): Promise<ExpectedApp> {
  const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
  const metadata = { ...JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')), version: SAMPLE_VERSION };
  // The packagers' constructors read the configuration and package.json, nothing else of a build.
  const info = { config, metadata } as unknown as Packager;
  const linux = new LinuxPackager(info);
  const windows = new WinPackager(info);
  // NSIS: $PROGRAMFILES64\<APP_FILENAME>\<PRODUCT_FILENAME>.exe, the folder named as in
  // NsisTarget's `getWindowsInstallationDirName(appInfo, !oneClick || isPerMachine)`.
  const nsis = config.nsis ?? {};
  const folder = getWindowsInstallationDirName(windows.appInfo, nsis.oneClick === false || nsis.perMachine === true);
  const artifact = (ext: string, options: Configuration['deb'] | Configuration['appImage']) =>
    linux.expandArtifactNamePattern(options, ext, Arch.x64).replace(SAMPLE_VERSION, '<version>');
  return {
    config,
    appImageFileName: `${linux.executableName}.AppImage`,
    deb: `${installPrefix}/${linux.appInfo.sanitizedProductName}/${linux.executableName}`,
    appImageArtifact: artifact('AppImage', config.appImage),
    debArtifact: artifact('deb', config.deb),
    windowsUnderProgramFiles: `${folder}\\${windows.appInfo.productFilename}.exe`,
  };
}

/** A unit file's `Key=value` lines by section; a key may repeat (After=, Environment=). */
function parseUnit(text: string): (section: string, key: string) => string[] {
  const entries: { section: string; key: string; value: string }[] = [];
  let section = '';
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) section = header[1] as string;
    else {
      const at = line.indexOf('=');
      entries.push({ section, key: line.slice(0, at), value: line.slice(at + 1) });
    }
  }
  return (s, k) => entries.filter((e) => e.section === s && e.key === k).map((e) => e.value);
}

/** A command line split the way systemd splits ExecStart: on spaces, double quotes grouping. */
const commandWords = (line: string) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => (m[1] ?? m[2]) as string);

let expected: ExpectedApp;
beforeAll(async () => {
  expected = await expectedApp();
});

const unit = parseUnit(unitText);
const [stateDirectory] = unit('Service', 'StateDirectory');
/** Where install-kiosk.sh puts the AppImage and the unit runs it: app/ in the unit's StateDirectory. */
const appImagePath = () => `/var/lib/${stateDirectory}/app/${expected.appImageFileName}`;

/** The deb's ExecStart: the line install-kiosk.sh --deb writes in a drop-in. */
const debExecStartLine = /^ExecStart=(\/usr\/bin\/cage .*)$/m.exec(installScript)?.[1] ?? '';

describe('the Linux kiosk unit', () => {
  const [execStart, ...otherExecStarts] = unit('Service', 'ExecStart');
  const words = commandWords(execStart ?? '');
  const separator = words.indexOf('--');

  it('has one ExecStart: cage, then after -- the AppImage in the StateDirectory, with the kiosk configuration', () => {
    expect(otherExecStarts).toEqual([]);
    expect(words[0]).toBe('/usr/bin/cage');
    expect(separator).toBeGreaterThan(0);
    expect(stateDirectory).toBe('borne-soliguide');
    expect(words[separator + 1]).toBe(appImagePath());
    expect(words.slice(separator + 2).join(' ')).toContain('--config /etc/borne-soliguide/kiosk.jsonc');
  });

  it('has the AppImage runtime extract the app instead of mounting it with FUSE (setuid fusermount)', () => {
    expect(unit('Service', 'Environment')).toContain('APPIMAGE_EXTRACT_AND_RUN=1');
    expect(unit('Service', 'NoNewPrivileges')).toEqual(['yes']);
  });

  it("runs the deb instead through install-kiosk.sh --deb's drop-in (shown in its header): from where the deb installs it, with the same arguments", () => {
    const debWords = commandWords(debExecStartLine);
    const debSeparator = debWords.indexOf('--');
    expect(debWords[debSeparator + 1]).toBe(expected.deb);
    expect(debWords.slice(0, debSeparator + 1)).toEqual(words.slice(0, separator + 1));
    expect(debWords.slice(debSeparator + 2)).toEqual(words.slice(separator + 2));
    expect(unitText).toContain(`#   ExecStart=${debExecStartLine}\n`);
  });

  it('does not give cage -s, which would allow switching to another virtual console', () => {
    const cageOptions = words.slice(1, separator);
    expect(cageOptions.filter((option) => /^-[a-z]*s/.test(option))).toEqual([]);
  });

  it('runs as the unprivileged kiosk user in a login session on tty1, restarted whatever the exit', () => {
    expect(unit('Service', 'User')).toEqual(['kiosk']);
    expect(unit('Service', 'PAMName')).toEqual(['login']);
    expect(unit('Service', 'TTYPath')).toEqual(['/dev/tty1']);
    expect(unit('Unit', 'Conflicts')).toContain('getty@tty1.service');
    expect(unit('Service', 'Restart')).toEqual(['always']);
  });

  describe('with systemd-analyze', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'deploy-unit-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    /** systemd-analyze verify's output on the unit, and on the deb's drop-in if given. */
    function verify(dropIn?: string): { output: string; status: number | null } {
      requireTool('systemd-analyze');
      // verify insists that ExecStart's program exists: cage stands in for the one the kiosk
      // installs (Debian's cage package puts it in /usr/bin/cage). It exits 0 on unknown keys and
      // unparsable values, so any output fails the test, not only the exit status.
      const cage = join(dir, 'cage');
      writeFileSync(cage, '#!/bin/sh\n');
      chmodSync(cage, 0o755);
      const withCage = (text: string) => text.replace(/^ExecStart=\/usr\/bin\/cage /gm, `ExecStart=${cage} `);
      writeFileSync(join(dir, UNIT_FILE), withCage(unitText));
      rmSync(join(dir, `${UNIT_FILE}.d`), { recursive: true, force: true });
      if (dropIn !== undefined) {
        mkdirSync(join(dir, `${UNIT_FILE}.d`));
        writeFileSync(join(dir, `${UNIT_FILE}.d`, '10-deb.conf'), withCage(dropIn));
      }
      const result = spawnSync('systemd-analyze', ['verify', '--man=no', join(dir, UNIT_FILE)], { encoding: 'utf8' });
      return { output: `${result.stdout}${result.stderr}`, status: result.status };
    }

    it('passes systemd-analyze verify without a warning', () => {
      expect(verify()).toEqual({ output: '', status: 0 });
    });

    it("passes it too with the deb's drop-in that install-kiosk.sh --deb writes", () => {
      const dropIn = /<<'EOF'\n(# Borne Soliguide kiosk \(deploy\/linux\/install-kiosk\.sh --deb\)[^]*?)\nEOF\n/.exec(installScript)?.[1];
      expect(dropIn).toContain('ExecStart=\n');
      expect(verify(`${dropIn}\n`)).toEqual({ output: '', status: 0 });
    });
  });
});

describe('install-kiosk.sh', () => {
  it('installs the AppImage where the unit runs it, checks for the deb where the deb installs it, and installs the unit from beside itself', () => {
    expect(installScript).toContain(`readonly APP=${appImagePath()}\n`);
    expect(installScript).toContain(`readonly DEB_APP="${expected.deb}"\n`);
    expect(installScript).toContain(`readonly UNIT=${UNIT_FILE}\n`);
  });

  it('names the release files as electron-builder names them for x64', () => {
    expect(installScript).toContain(`path/to/${expected.appImageArtifact}`);
    expect(installScript).toContain(`apt install ./${expected.debArtifact}`);
  });

  it("installs, for the AppImage, the same packages as the deb's dependencies", () => {
    const packages = /^readonly APP_PACKAGES=\(([^)]*)\)$/m.exec(installScript)?.[1]?.split(' ');
    expect(packages).toEqual(expected.config.deb?.depends);
  });

  it('is valid bash', () => {
    const result = spawnSync('bash', ['-n', installScriptPath], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('passes ShellCheck', () => {
    requireTool('shellcheck');
    const result = spawnSync('shellcheck', ['--shell=bash', '--severity=style', installScriptPath], { encoding: 'utf8' });
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('the deb', () => {
  it("depends on electron-builder's default libraries, which its own list replaces, and on cups-client and cage", () => {
    const defaults = (FpmTarget.prototype as unknown as { getDefaultDepends(target: string): string[] }).getDefaultDepends('deb');
    const depends = expected.config.deb?.depends ?? [];
    expect(defaults.length).toBeGreaterThan(0);
    expect(depends.slice(0, defaults.length)).toEqual(defaults);
    expect(depends).toEqual(expect.arrayContaining(['cups-client', 'cage']));
  });
});

describe('set-shell-launcher.ps1', () => {
  it('makes the shell the executable the per-machine NSIS installer installs', () => {
    expect(shellLauncherScript).toContain(`Join-Path $env:ProgramFiles '${expected.windowsUnderProgramFiles}'`);
  });

  it("calls only WESL_UserSetting's documented methods", () => {
    const documented = ['SetCustomShell', 'GetCustomShell', 'RemoveCustomShell', 'SetDefaultShell', 'GetDefaultShell', 'SetEnabled', 'IsEnabled'];
    const called = [...shellLauncherScript.matchAll(/Invoke-ShellLauncher\s+(\w+)\s+@/g)].map((m) => m[1]);
    expect(called.length).toBeGreaterThan(0);
    expect(called.filter((method) => !documented.includes(method as string))).toEqual([]);
  });
});
