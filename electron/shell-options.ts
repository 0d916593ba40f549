/**
 * Our options among Electron's command line, which also carries Chromium switches and the app
 * path: only `--config <file>` / `--config=<file>` and `--now <ISO>` / `--now=<ISO>` are ours.
 */
export interface ShellOptions {
  configFile: string | undefined;
  now: string | undefined;
}

export function readShellOptions(argv: readonly string[]): ShellOptions {
  const value = (name: string): string | undefined => {
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i] as string;
      if (arg === `--${name}`) return argv[i + 1];
      if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
    }
    return undefined;
  };
  return { configFile: value('config'), now: value('now') };
}
