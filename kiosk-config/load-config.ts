/**
 * Reads a kiosk's configuration file (JSON with comments), validates it, resolves its paths and
 * reads the Soliguide token from where the file says. Secrets are returned apart from the config
 * so that nothing passing the config around can leak them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { kioskConfigSchema, type KioskConfig } from './config-schema';
import { describeIssue, formatProblem, type ConfigProblem } from './describe-problem';

/** The embedded demo configuration, used when no `--config` is given. */
export const DEMO_CONFIG_FILE = fileURLToPath(new URL('./examples/demo.jsonc', import.meta.url));

export interface KioskSecrets {
  /** The Soliguide API token; null in demo mode. Never sent to the renderer or written to logs. */
  soliguideToken: string | null;
  /** The heartbeat endpoint's bearer token; null when the heartbeat is off or sends none. Same care. */
  heartbeatToken: string | null;
}

export interface LoadedConfig {
  file: string;
  config: KioskConfig;
  /** `mirror.path` resolved against the config file's folder. */
  mirrorPath: string;
  /** `staff.exportDirectory` resolved likewise; default `exports/` beside the mirror. */
  exportDirectory: string;
  secrets: KioskSecrets;
}

export class KioskConfigError extends Error {
  readonly file: string;
  readonly problems: ConfigProblem[];

  constructor(file: string, problems: ConfigProblem[]) {
    super(
      `The kiosk configuration ${file} cannot be used:\n` +
        problems.map((p) => `  - ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'KioskConfigError';
    this.file = file;
    this.problems = problems;
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

function parseText(file: string, text: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    throw new KioskConfigError(
      file,
      errors.slice(0, 5).map((e) => ({
        field: '',
        kind: 'syntax' as const,
        expected: `not valid JSON at ${lineAndColumn(text, e.offset)}: ${printParseErrorCode(e.error)}`,
      })),
    );
  }
  return value;
}

type TokenSource = NonNullable<KioskConfig['soliguide']>['token'];

/** Reads a token from where `source` says; `field` names the config entry, `what` the token, in messages. */
function readToken(file: string, source: TokenSource, field: string, what: string, env: NodeJS.ProcessEnv): string {
  if ('env' in source) {
    const token = env[source.env]?.trim();
    if (!token) {
      throw new KioskConfigError(file, [
        {
          field: `${field}.env`,
          kind: 'token',
          expected: `the environment variable ${source.env} is not set or empty; set it to ${what}, or use { "file": "<path>" }`,
        },
      ]);
    }
    return token;
  }
  const tokenFile = isAbsolute(source.file) ? source.file : resolve(dirname(file), source.file);
  if (!existsSync(tokenFile)) {
    throw new KioskConfigError(file, [
      {
        field: `${field}.file`,
        kind: 'token',
        expected: `the token file ${tokenFile} does not exist; write ${what} into it (one line, readable only by the kiosk's user: chmod 600), or point ${field}.file at the right file`,
      },
    ]);
  }
  const token = readFileSync(tokenFile, 'utf8').trim();
  if (!token) {
    throw new KioskConfigError(file, [
      {
        field: `${field}.file`,
        kind: 'token',
        expected: `the token file ${tokenFile} is empty; write ${what} into it`,
      },
    ]);
  }
  return token;
}

/** Validates an already-parsed configuration; `file` names it in messages and anchors relative paths. */
export function validateConfig(file: string, raw: unknown, env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const parsed = kioskConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue) => describeIssue(kioskConfigSchema, raw, issue));
    throw new KioskConfigError(file, problems);
  }
  const config = parsed.data;
  const mirrorPath = isAbsolute(config.mirror.path) ? config.mirror.path : resolve(dirname(file), config.mirror.path);
  const soliguideToken =
    config.demo || !config.soliguide
      ? null
      : readToken(file, config.soliguide.token, 'soliguide.token', 'the API token Solinum gave you', env);
  const heartbeatToken = config.heartbeat?.token
    ? readToken(file, config.heartbeat.token, 'heartbeat.token', "the heartbeat endpoint's bearer token", env)
    : null;
  const exportDirectory = config.staff.exportDirectory
    ? resolve(dirname(file), config.staff.exportDirectory)
    : join(dirname(mirrorPath), 'exports');
  return { file, config, mirrorPath, exportDirectory, secrets: { soliguideToken, heartbeatToken } };
}

export function loadKioskConfig(file: string = DEMO_CONFIG_FILE, env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const absolute = resolve(file);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new KioskConfigError(absolute, [
      { field: '', kind: 'syntax', expected: `the file ${reason}; check the path given to --config` },
    ]);
  }
  return validateConfig(absolute, parseText(absolute, text), env);
}
