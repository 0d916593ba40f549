/**
 * The runtime layers (DESIGN.md "Layers by runtime"), checked on every import of every source
 * file: `common/` imports nothing from Node, the DOM, Electron or the other layers; `renderer/`
 * imports no Node module; only `electron/` imports `electron`. DOM *globals* in `common/` are
 * caught by compiling it with no DOM library (`compileWithoutEnvironment`).
 */
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface LayerViolation {
  file: string;
  line: number;
  specifier: string;
  rule: string;
}

const LAYERS = ['common', 'renderer', 'electron', 'host', 'sync', 'kiosk-config'] as const;
type Layer = (typeof LAYERS)[number];

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
/** Packages that need Node (native or fs-bound): never in the renderer or common code. */
const NODE_ONLY_PACKAGES = new Set(['better-sqlite3', 'node-schedule', 'electron-updater', 'jsonc-parser', 'tsx', 'esbuild']);
/** What environment-free code may import besides itself. */
// qrcode computes module matrices with no DOM or Node API: the QR payloads live in common/.
const COMMON_PACKAGES = new Set(['zod', 'qrcode']);
/** Which other layers each layer may import from. */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  common: [],
  renderer: ['common'],
  sync: ['common', 'kiosk-config'],
  'kiosk-config': ['common'],
  host: ['common', 'sync', 'kiosk-config'],
  electron: ['common', 'sync', 'kiosk-config', 'host'],
};

/** Data folders (JSON, images) any layer may read. */
const DATA_FOLDERS = new Set(['locales', 'assets']);

function layerOf(root: string, file: string): Layer | null {
  const top = relative(root, file).split(sep)[0];
  return (LAYERS as readonly string[]).includes(top ?? '') ? (top as Layer) : null;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function checkImport(root: string, file: string, layer: Layer, specifier: string): string | null {
  const isElectron = specifier === 'electron' || specifier.startsWith('electron/');
  if (isElectron && layer !== 'electron') return 'only electron/ may import electron';
  if (specifier.startsWith('.')) {
    const resolved = resolve(dirname(file), specifier);
    const target = layerOf(root, resolved);
    if (target === null && DATA_FOLDERS.has(relative(root, resolved).split(sep)[0] ?? '')) return null;
    if (target === null) return layer === 'common' || layer === 'renderer' ? `${layer}/ imports outside the layers` : null;
    if (target !== layer && !MAY_IMPORT[layer].includes(target)) return `${layer}/ may not import from ${target}/`;
    return null;
  }
  const isNode = NODE_BUILTINS.has(specifier) || NODE_ONLY_PACKAGES.has(packageName(specifier));
  if (layer === 'renderer' && isNode) return 'renderer/ may not import Node modules';
  if (layer === 'common') {
    if (isNode) return 'common/ may not import Node modules';
    if (!isElectron && !COMMON_PACKAGES.has(packageName(specifier))) {
      return `common/ may only import environment-free packages (${[...COMMON_PACKAGES].join(', ')})`;
    }
  }
  return null;
}

export function checkLayers(root: string): LayerViolation[] {
  const violations: LayerViolation[] = [];
  for (const layer of LAYERS) {
    for (const file of sourceFiles(join(root, layer))) {
      const text = readFileSync(file, 'utf8');
      const info = ts.preProcessFile(text, true, true);
      const lineOf = (pos: number): number => text.slice(0, pos).split('\n').length;
      for (const ref of info.importedFiles) {
        const rule = checkImport(root, file, layer, ref.fileName);
        if (rule) violations.push({ file: relative(root, file), line: lineOf(ref.pos), specifier: ref.fileName, rule });
      }
      if (layer === 'common') {
        for (const ref of [...info.libReferenceDirectives, ...info.typeReferenceDirectives]) {
          violations.push({
            file: relative(root, file),
            line: lineOf(ref.pos),
            specifier: ref.fileName,
            rule: 'common/ may not reference DOM or Node libraries',
          });
        }
      }
    }
  }
  return violations;
}

/** Type-checks `common/` with only the ECMAScript library: any DOM or Node global is an error. */
export function compileWithoutEnvironment(root: string): string[] {
  const files = sourceFiles(join(root, 'common'));
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts'],
    types: [],
    skipLibCheck: true,
    typeRoots: [],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? relative(root, d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}
