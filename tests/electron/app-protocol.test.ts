import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../electron/app-protocol';
import { tileWriter, openTileStore } from '../../sync/geodata/tile-store';
import { openTileReader, plainTile } from '../../sync/geodata/tile-reader';
import { encodeTilePng } from '../stand-in/geo/tile-image';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'app-protocol-'));
  mkdirSync(join(root, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><div id="app"></div>');
  writeFileSync(join(root, 'renderer', 'assets', 'main-1.js'), 'export {}');
  writeFileSync(join(root, 'secret.txt'), 'secret');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the app:// protocol handler', () => {
  const handler = () => createAppProtocolHandler(join(root, 'renderer'));

  it('serves the renderer with its content type and the CSP', async () => {
    const response = await handler()(new Request('app://kiosk/assets/main-1.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await response.text()).toBe('export {}');
  });

  it('answers app routes with index.html', async () => {
    expect(await (await handler()(new Request('app://kiosk/results/food'))).text()).toContain('id="app"');
  });

  it('serves nothing outside the renderer folder or for another host', async () => {
    expect((await handler()(new Request('app://kiosk/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await handler()(new Request('app://other/index.html'))).status).toBe(404);
  });

  it('serves the stored map tiles at app://kiosk/tiles/…, a plain tile outside the stored area', async () => {
    const file = join(root, 'tiles.mbtiles');
    const store = openTileStore(file);
    const tile = { z: 14, x: 8544, y: 5624 };
    tileWriter(store).write({ tile, data: encodeTilePng(14, 8544, 5624), source: 't', fetchedAt: new Date(), etag: null, lastModified: null });
    store.close();
    const reader = openTileReader(file);
    const withTiles = createAppProtocolHandler(join(root, 'renderer'), reader);
    const stored = await withTiles(new Request('app://kiosk/tiles/14/8544/5624'));
    expect(stored.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await stored.arrayBuffer()).equals(encodeTilePng(14, 8544, 5624))).toBe(true);
    const outside = await withTiles(new Request('app://kiosk/tiles/14/1/1'));
    expect(Buffer.from(await outside.arrayBuffer()).equals(plainTile())).toBe(true);
    expect((await withTiles(new Request('app://kiosk/tiles/14/1'))).status).toBe(404);
    reader.close();
  });
});
