import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLayers, compileWithoutEnvironment } from './check-layers';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const temporaryRoots: string[] = [];

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'layers-'));
  temporaryRoots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

afterEach(() => {
  for (const root of temporaryRoots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('runtime layers', () => {
  it('the project as it stands crosses no layer', () => {
    expect(checkLayers(projectRoot)).toEqual([]);
  });

  it('common/ compiles with no DOM and no Node library', () => {
    expect(compileWithoutEnvironment(projectRoot)).toEqual([]);
  });

  it('flags a renderer file importing node:fs', () => {
    const root = tree({ 'renderer/bad.ts': "import fs from 'node:fs';\nexport const x = fs;\n" });
    expect(checkLayers(root)).toEqual([
      { file: join('renderer', 'bad.ts'), line: 1, specifier: 'node:fs', rule: 'renderer/ may not import Node modules' },
    ]);
  });

  it('flags a renderer file importing better-sqlite3 or reaching into sync/', () => {
    const root = tree({
      'renderer/a.ts': "import Database from 'better-sqlite3';\nexport { Database };\n",
      'renderer/b.ts': "export { openMirror } from '../sync/mirror-database';\n",
      'sync/mirror-database.ts': 'export const openMirror = 1;\n',
    });
    expect(checkLayers(root).map((v) => v.rule).sort()).toEqual([
      'renderer/ may not import Node modules',
      'renderer/ may not import from sync/',
    ]);
  });

  it('flags electron imported outside electron/, including a dynamic import', () => {
    const root = tree({
      'host/a.ts': "import { app } from 'electron';\nexport { app };\n",
      'sync/b.ts': "export const load = () => import('electron');\n",
      'electron/ok.ts': "import { app } from 'electron';\nexport { app };\n",
    });
    expect(checkLayers(root).map((v) => `${v.file}: ${v.rule}`).sort()).toEqual([
      `${join('host', 'a.ts')}: only electron/ may import electron`,
      `${join('sync', 'b.ts')}: only electron/ may import electron`,
    ]);
  });

  it('flags common/ importing Node, the DOM library or another layer', () => {
    const root = tree({
      'common/a.ts': "import { readFileSync } from 'fs';\nexport { readFileSync };\n",
      'common/b.ts': '/// <reference lib="dom" />\nexport const b = 1;\n',
      'common/c.ts': "import { x } from '../renderer/x';\nexport { x };\n",
      'renderer/x.ts': 'export const x = 1;\n',
    });
    expect(checkLayers(root).map((v) => `${v.file}: ${v.rule}`).sort()).toEqual([
      `${join('common', 'a.ts')}: common/ may not import Node modules`,
      `${join('common', 'b.ts')}: common/ may not reference DOM or Node libraries`,
      `${join('common', 'c.ts')}: common/ may not import from renderer/`,
    ]);
  });

  it('flags DOM and Node globals used in common/ without any import', () => {
    const root = tree({
      'common/uses-dom.ts': 'export const title = (): string => document.title;\n',
      'common/uses-node.ts': 'export const cwd = (): string => process.cwd();\n',
    });
    const errors = compileWithoutEnvironment(root).join('\n');
    expect(errors).toContain("common/uses-dom.ts: Cannot find name 'document'");
    expect(errors).toContain("common/uses-node.ts: Cannot find name 'process'");
  });
});
