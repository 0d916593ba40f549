/**
 * The `app://kiosk/` origin the Electron window loads the renderer from (no `file://`): a
 * handler for `protocol.handle`, written against the web `Request`/`Response` so tests call it
 * directly.
 */
import { readStaticFile } from '../host/static-files';
import { CONTENT_SECURITY_POLICY } from '../host/http-host';
import { TILE_CACHE_CONTROL, type TileReader } from '../sync/geodata/tile-reader';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://kiosk';

export function createAppProtocolHandler(rendererDir: string, tiles: TileReader | null = null): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'kiosk' || request.method !== 'GET') return new Response('Not found', { status: 404 });
    if (url.pathname.startsWith('/tiles/')) {
      // The offline map: stored tiles, or a plain one outside the stored area; never the network.
      const tile = tiles?.tile(url.pathname) ?? null;
      if (!tile) return new Response('Not found', { status: 404 });
      return new Response(new Uint8Array(tile.body), {
        status: 200,
        headers: { 'Content-Type': tile.contentType, 'Cache-Control': TILE_CACHE_CONTROL, 'X-Content-Type-Options': 'nosniff' },
      });
    }
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: {
        'Content-Type': file.contentType,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
}
