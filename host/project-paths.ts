/** Where things are in a source checkout, for the command-line entry points (not for Electron). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const RENDERER_DIST = fileURLToPath(new URL('../dist/renderer/', import.meta.url));

export function projectVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
