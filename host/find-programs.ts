/** Finding the programs the shells run, without triggering any download. */
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * The Electron binary, if installed. Read from node_modules/electron/path.txt rather than by
 * requiring the electron package: since Electron 45 that downloads the binary when it is missing.
 */
export function findElectronBinary(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const packageDir = join(projectRoot, 'node_modules', 'electron');
  let relative: string;
  try {
    relative = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  const binary = join(env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist'), relative);
  return existsSync(binary) ? binary : null;
}

export function findOnPath(names: readonly string[], env: NodeJS.ProcessEnv = process.env): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/** The system Chromium (Debian: `chromium`). BORNE_CHROMIUM overrides. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.BORNE_CHROMIUM) return existsSync(env.BORNE_CHROMIUM) ? env.BORNE_CHROMIUM : null;
  return findOnPath(['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'], env);
}

export const CHROMIUM_INSTALL_HINT = 'apt-get install -y chromium';

export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}
