/** Command-line options shared by `npm run host` and `npm start`. */
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CliOptions {
  port: number;
  configFile: string | undefined;
  now: Date | undefined;
  shell: 'auto' | 'electron' | 'chromium';
}

export function parseCliOptions(argv: readonly string[], defaults: { port: number }): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        config: { type: 'string' },
        now: { type: 'string' },
        shell: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const port = values.port === undefined ? defaults.port : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port: got "${values.port}"; expected a port number from 0 to 65535 (0 picks a free one)`);
  }
  let now: Date | undefined;
  if (values.now !== undefined) {
    now = new Date(values.now);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(values.now) || Number.isNaN(now.getTime())) {
      throw new UsageError(`--now: got "${values.now}"; expected an ISO date-time such as 2026-11-24T10:30:00+01:00`);
    }
  }
  const shell = values.shell ?? 'auto';
  if (shell !== 'auto' && shell !== 'electron' && shell !== 'chromium') {
    throw new UsageError(`--shell: got "${shell}"; expected electron or chromium`);
  }
  return { port, configFile: values.config, now, shell };
}
