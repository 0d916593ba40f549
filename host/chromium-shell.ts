/**
 * The Chromium shell: the system Chromium in kiosk app mode on the local host. The flags keep
 * it from calling Google's services (the machines of a lobby network often cannot, and should
 * not) and from showing first-run or crash dialogs to the public.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function chromiumKioskArgs(url: string, profileDir: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const args = [
    `--app=${url}`,
    '--kiosk',
    // Without a window manager (bare X, Xvfb) --kiosk cannot go full screen: at least start at the origin.
    '--start-fullscreen',
    '--window-position=0,0',
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--noerrdialogs',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    '--disable-features=Translate,MediaRouter',
    '--disable-session-crashed-bubble',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--disable-gpu',
  ];
  // Chromium refuses to run as root without this; kiosks run as an unprivileged user.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  // Extra switches for tests and special setups, e.g. --remote-debugging-port=9222.
  if (env.BORNE_CHROMIUM_FLAGS) args.push(...env.BORNE_CHROMIUM_FLAGS.split(/\s+/).filter(Boolean));
  return args;
}

export interface ChromiumShell {
  process: ChildProcess;
  exited: Promise<number>;
}

/** Starts Chromium with a throw-away profile: nothing of a session survives the window. */
export function openChromiumShell(binary: string, url: string): ChromiumShell {
  const profileDir = mkdtempSync(join(tmpdir(), 'borne-chromium-'));
  const child = spawn(binary, chromiumKioskArgs(url, profileDir), { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.resume();
  const exited = new Promise<number>((resolve) => {
    child.on('exit', (code) => {
      rmSync(profileDir, { recursive: true, force: true });
      resolve(code ?? 0);
    });
    child.on('error', () => resolve(1));
  });
  return { process: child, exited };
}
