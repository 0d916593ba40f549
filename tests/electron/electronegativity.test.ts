/**
 * The security audit of the Electron shell: @doyensec/electronegativity over what ships, the
 * bundles dist/electron/main.js and preload.cjs. Every finding must be explained by a reviewed
 * entry of electronegativity-allow-list.json, and every entry must still match the findings it
 * was written for, so a fixed problem takes its excuse with it.
 *
 * Why the bundles and not electron/*.ts: the main bundle holds all the code the main process
 * runs (host/, sync/, the libraries), and the tool follows no imports. Findings are carried back
 * through the bundles' source maps to the source line (`electron/main.ts:34`), so the allow-list
 * names source files and survives rebuilds.
 *
 * Offline by construction: the tool's start-up fetches translations from an S3 bucket
 * (dist/locales/i18n.js, a 1 s timeout, then "Could not retrieve updated translations") and its
 * AvailableSecurityFixesGlobalCheck downloads Electron's release list. We put the offline half
 * of the first in its place, exclude the second, and fail if anything opens a socket anyway.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module, SourceMap, type SourceMapPayload } from 'node:module';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

const root = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLES = [join(root, 'dist/electron/main.js'), join(root, 'dist/electron/preload.cjs')];
/** Checks that reach the network: Electron's release list (we pin the version instead). */
const NETWORK_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const ELECTRON_VERSION: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron;

/** One finding, located in the source it came from; `file` is null for app-wide ones. */
interface Finding {
  check: string;
  file: string | null;
  line: number | null;
  /** The source line for a located finding; the tool's description for an app-wide one. */
  evidence: string;
  description: string;
  manualReview: boolean;
}

const allowListSchema = z.strictObject({
  about: z.string(),
  entries: z.array(
    z.strictObject({
      check: z.string().regex(/^[A-Z_]+$/),
      file: z.string().min(1).optional(),
      match: z.string().min(1),
      count: z.number().int().min(2).optional(),
      reason: z.string().min(40),
    }),
  ),
});
type AllowEntry = z.infer<typeof allowListSchema>['entries'][number];

interface RawIssue {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
  manualReview: boolean;
}
interface Audit {
  findings: Finding[];
  parseErrors: string[];
  connections: string[];
}

// The tool is CommonJS; its own require()s must see our replacement of locales/i18n.js.
const toolRequire = createRequire(createRequire(import.meta.url).resolve('@doyensec/electronegativity/package.json'));

/** Its i18n start-up without the download: the same configuration, the bundled en-US catalogue. */
function installOfflineTranslations(): void {
  const path = toolRequire.resolve('./dist/locales/i18n.js');
  const i18n = toolRequire('i18n');
  const offline = new Module(path);
  offline.filename = path;
  offline.loaded = true;
  offline.exports = async () => {
    i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: dirname(path), updateFiles: false, objectNotation: true, retryInDefaultLocale: true, register: globalThis });
    i18n.setLocale('en-US');
  };
  toolRequire.cache[path] = offline;
}

/** Any socket the tool opens is refused and recorded (the test then fails): the audit is offline. */
async function withoutNetwork<T>(work: () => Promise<T>): Promise<{ result: T; connections: string[] }> {
  const connect = Socket.prototype.connect;
  const connections: string[] = [];
  Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
    const target = (Array.isArray(args[0]) ? args[0][0] : args[0]) as { host?: string; port?: number; path?: string };
    connections.push(target.path ?? `${target.host}:${target.port}`);
    return this.destroy(new Error('the electronegativity audit may not use the network'));
  } as typeof connect;
  try {
    return { result: await work(), connections };
  } finally {
    Socket.prototype.connect = connect;
  }
}

/** `file:line` and the line's text in the original source, through the bundle's source map. */
function locate(bundle: string, line: number, column: number): Pick<Finding, 'file' | 'line' | 'evidence'> {
  const payload = JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as SourceMapPayload & { sourcesContent: string[] };
  const entry = new SourceMap(payload).findEntry(line - 1, column);
  if (!('originalSource' in entry)) throw new Error(`${relative(root, bundle)}:${line}:${column} has no source-map entry`);
  const index = payload.sources.indexOf(entry.originalSource);
  const text = payload.sourcesContent[index]?.split('\n')[entry.originalLine];
  if (text === undefined) throw new Error(`no source text for ${entry.originalSource}:${entry.originalLine + 1}`);
  const file = /^[a-z]+:/.test(entry.originalSource) ? entry.originalSource : relative(root, resolve(dirname(bundle), entry.originalSource));
  return { file, line: entry.originalLine + 1, evidence: text.trim() };
}

/** Scans the bundles together (the global checks need all of them) and maps findings to sources. */
async function audit(bundles: string[]): Promise<Audit> {
  // The tool scans .js/.ts/.html/.json only: a .cjs preload would be skipped without a word.
  const scanDir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  const bundleOf = new Map<string, string>();
  for (const bundle of bundles) {
    const copy = join(scanDir, `${basename(bundle).replace(/\.[cm]?js$/, '')}.js`);
    copyFileSync(bundle, copy);
    bundleOf.set(copy, bundle);
  }
  try {
    installOfflineTranslations();
    const run = toolRequire('./dist/runner.js') as (options: object) => Promise<{ issues: RawIssue[]; errors: { file: string; message: string }[] }>;
    const { result, connections } = await withoutNetwork(() =>
      run({ input: scanDir, excludeFromScan: NETWORK_CHECKS, electronVersionOverride: ELECTRON_VERSION, parserPlugins: [] }),
    );
    const findings = result.issues.map((issue): Finding => {
      const bundle = bundleOf.get(issue.file);
      const where = bundle ? locate(bundle, issue.location.line, issue.location.column) : { file: null, line: null, evidence: issue.description };
      return { check: issue.id, ...where, description: issue.description, manualReview: issue.manualReview };
    });
    const parseErrors = result.errors.map((error) => `${basename(bundleOf.get(error.file) ?? error.file)}: ${error.message}`);
    return { findings, parseErrors, connections };
  } finally {
    rmSync(scanDir, { recursive: true, force: true });
  }
}

const explains = (entry: AllowEntry, finding: Finding): boolean =>
  entry.check === finding.check && (entry.file ?? null) === finding.file && finding.evidence.includes(entry.match);

function describeFinding(finding: Finding): string {
  const where = finding.file ? `${finding.file}:${finding.line}  \`${finding.evidence}\`` : '(whole app)';
  return `${finding.check}  ${where}  — ${finding.description}${finding.manualReview ? ' [manual review]' : ''}`;
}

/** The build is ~1 s but rewrites dist/electron: only when a source of the bundles is newer. */
function bundlesAreStale(): boolean {
  if (!BUNDLES.every(existsSync)) return true;
  const built = Math.min(...BUNDLES.map((bundle) => statSync(bundle).mtimeMs));
  const sources = BUNDLES.flatMap((bundle) => {
    const map = JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as SourceMapPayload;
    return map.sources.filter((source) => !/^[a-z]+:/.test(source)).map((source) => resolve(dirname(bundle), source));
  });
  const electronDir = join(root, 'electron');
  sources.push(...readdirSync(electronDir).map((name) => join(electronDir, name)));
  return sources.some((source) => !existsSync(source) || statSync(source).mtimeMs > built);
}

describe('the electronegativity audit of the Electron bundles', () => {
  let result: Audit;
  const allowList = allowListSchema.parse(JSON.parse(readFileSync(join(root, 'tests/electron/electronegativity-allow-list.json'), 'utf8')));

  beforeAll(async () => {
    if (bundlesAreStale()) execFileSync('npm', ['run', 'build:electron', '--silent'], { cwd: root, stdio: 'inherit' });
    result = await audit(BUNDLES);
  });

  it('runs offline and parses both bundles', () => {
    expect(result.connections).toEqual([]);
    expect(result.parseErrors).toEqual([]);
  });

  it('finds nothing that the reviewed allow-list does not explain', () => {
    const unexplained = result.findings.filter((finding) => !allowList.entries.some((entry) => explains(entry, finding)));
    if (unexplained.length > 0) {
      console.error(`Unexplained electronegativity findings (fix them, or add a reviewed entry to the allow-list):\n${unexplained.map(describeFinding).join('\n')}`);
    }
    expect(unexplained.map(describeFinding)).toEqual([]);
  });

  it('has no stale allow-list entry: each matches as many findings as it says', () => {
    const miscounted = allowList.entries
      .map((entry) => ({ entry, matched: result.findings.filter((finding) => explains(entry, finding)).length }))
      .filter(({ entry, matched }) => matched !== (entry.count ?? 1))
      .map(({ entry, matched }) => `${entry.check} ${entry.file ?? '(whole app)'} "${entry.match}": expects ${entry.count ?? 1}, matches ${matched}`);
    expect(miscounted).toEqual([]);
  });
});

describe('the audit machinery', () => {
  let fixture: string;
  beforeAll(() => {
    fixture = mkdtempSync(join(tmpdir(), 'electronegativity-fixture-'));
  });
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));

  it('flags a window without context isolation and an openExternal in a .cjs preload, at their source lines', async () => {
    const main = "import { BrowserWindow } from 'electron';\nexport const window = new BrowserWindow({ webPreferences: { contextIsolation: false } });\n";
    const preload = "import { shell } from 'electron';\nconst target = String(location.hash);\nvoid shell.openExternal(target);\n";
    writeFileSync(join(fixture, 'main.ts'), main);
    writeFileSync(join(fixture, 'preload.ts'), preload);
    const common = { bundle: true, platform: 'node', sourcemap: true, external: ['electron'], logLevel: 'warning' } satisfies BuildOptions;
    await build({ ...common, entryPoints: [join(fixture, 'main.ts')], outfile: join(fixture, 'out/main.js'), format: 'esm' });
    await build({ ...common, entryPoints: [join(fixture, 'preload.ts')], outfile: join(fixture, 'out/preload.cjs'), format: 'cjs' });

    const { findings, connections } = await audit([join(fixture, 'out/main.js'), join(fixture, 'out/preload.cjs')]);

    const lineOf = (text: string, fragment: string) => text.split('\n').findIndex((line) => line.includes(fragment)) + 1;
    expect(connections).toEqual([]);
    expect(findings).toContainEqual(expect.objectContaining({ check: 'CONTEXT_ISOLATION_JS_CHECK', file: relative(root, join(fixture, 'main.ts')), line: lineOf(main, 'contextIsolation') }));
    expect(findings).toContainEqual(expect.objectContaining({ check: 'OPEN_EXTERNAL_JS_CHECK', file: relative(root, join(fixture, 'preload.ts')), line: lineOf(preload, 'openExternal') }));
  });
});
