import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readShellOptions } from '../../electron/shell-options';
import { findElectronBinary } from '../../host/find-programs';

describe('Electron shell options', () => {
  it('reads --config and --now in both spellings among Chromium switches', () => {
    expect(readShellOptions(['/opt/electron', '.', '--enable-logging', '--config', 'k.jsonc', '--now=2026-01-01T00:00:00Z'])).toEqual({
      configFile: 'k.jsonc',
      now: '2026-01-01T00:00:00Z',
    });
    expect(readShellOptions(['electron', '.'])).toEqual({ configFile: undefined, now: undefined });
  });
});

describe('finding the Electron binary without downloading it', () => {
  it('reports it missing when path.txt or the binary is absent, found when both exist', () => {
    const root = mkdtempSync(join(tmpdir(), 'electron-pkg-'));
    try {
      const pkg = join(root, 'node_modules', 'electron');
      mkdirSync(join(pkg, 'dist'), { recursive: true });
      expect(findElectronBinary(root, {})).toBeNull();
      writeFileSync(join(pkg, 'path.txt'), 'electron');
      expect(findElectronBinary(root, {})).toBeNull();
      writeFileSync(join(pkg, 'dist', 'electron'), '');
      expect(findElectronBinary(root, {})).toBe(join(pkg, 'dist', 'electron'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
