/** Serving the built renderer from a folder, with no way out of it. */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
  /** Vite names assets by content hash: they never change under the same name. */
  immutable: boolean;
}

/**
 * Resolves a URL path inside `root`. Paths without an extension are app routes and get
 * index.html; anything escaping the root, or missing, is null.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const wanted = extname(decoded) === '' ? '/index.html' : decoded;
  const full = normalize(join(root, wanted));
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    if (!(await stat(full)).isFile()) return null;
    return {
      body: await readFile(full),
      contentType: CONTENT_TYPES[extname(full)] ?? 'application/octet-stream',
      immutable: decoded.startsWith('/assets/'),
    };
  } catch {
    return null;
  }
}
