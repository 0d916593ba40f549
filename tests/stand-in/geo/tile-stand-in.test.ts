import { get } from 'node:http';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FaultSyntaxError } from './geo-faults';
import { decodeTilePng, encodeTilePng, TILE_SIZE } from './tile-image';
import { BLOCKED_AGENT_TEXT, parseTileFaults, startTileStandIn, WMTS_LAYER, type TileStandIn } from './tile-stand-in';

const UA = { 'User-Agent': 'BorneSoliguide/0.1 (+https://soliguide.fr; kiosk tests)' };
const LAST_MODIFIED = new Date('2026-09-01T08:00:00Z');

let tiles: TileStandIn;
beforeAll(async () => {
  tiles = await startTileStandIn({ lastModified: LAST_MODIFIED });
});
afterEach(() => tiles.setFaults({}));
afterAll(() => tiles.close());

const xyz = (z: number, x: number, y: number): string => `${tiles.url}/tiles/${z}/${x}/${y}.png`;

function wmts(overrides: Record<string, string | null> = {}): string {
  const params: Record<string, string | null> = {
    SERVICE: 'WMTS',
    REQUEST: 'GetTile',
    VERSION: '1.0.0',
    LAYER: WMTS_LAYER,
    STYLE: 'normal',
    TILEMATRIXSET: 'PM',
    FORMAT: 'image/png',
    TILEMATRIX: '12',
    TILEROW: '1409',
    TILECOL: '2074',
    ...overrides,
  };
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
  return `${tiles.url}/wmts?${query}`;
}

async function tileOf(response: Response): Promise<ReturnType<typeof decodeTilePng>> {
  return decodeTilePng(Buffer.from(await response.arrayBuffer()));
}

const fetchTile = (url: string, headers: Record<string, string> = {}): Promise<Response> => fetch(url, { headers: { ...UA, ...headers } });

/** A GET without any User-Agent header (fetch always sends one). */
function getWithoutAgent(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('tile images', () => {
  it('encode their id exactly and decode back', () => {
    for (const [z, x, y, version] of [
      [0, 0, 0, 1],
      [12, 2074, 1409, 1],
      [19, 2 ** 19 - 1, 265_432, 7],
      [24, 0xff_ffff, 0xab_cdef, 300],
    ] as const) {
      expect(decodeTilePng(encodeTilePng(z, x, y, version))).toEqual({ z, x, y, version: version & 255 });
    }
  });

  it('are 256×256 RGBA, map-like (beige ground, white streets) and tinted by version', () => {
    const image = PNG.sync.read(encodeTilePng(12, 2074, 1409));
    expect([image.width, image.height]).toEqual([TILE_SIZE, TILE_SIZE]);
    const pixel = (px: number, py: number): number[] => Array.from(image.data.subarray((py * TILE_SIZE + px) * 4, (py * TILE_SIZE + px) * 4 + 4));
    expect(pixel(0, 0)).toEqual([12, 1, 0xa5, 255]);
    const street = pixel(32, 100);
    expect(street[3]).toBe(255);
    expect(Math.min(...street.slice(0, 3))).toBeGreaterThan(235);
    const other = PNG.sync.read(encodeTilePng(12, 2074, 1409, 2));
    expect(Array.from(other.data.subarray((100 * TILE_SIZE + 32) * 4, (100 * TILE_SIZE + 32) * 4 + 3))).not.toEqual(street.slice(0, 3));
  });

  it('are deterministic', () => {
    expect(encodeTilePng(5, 16, 11, 3).equals(encodeTilePng(5, 16, 11, 3))).toBe(true);
    expect(encodeTilePng(5, 16, 11, 3).equals(encodeTilePng(5, 16, 11, 4))).toBe(false);
  });

  it('decode to null when the PNG is not one of ours', () => {
    const plain = new PNG({ width: TILE_SIZE, height: TILE_SIZE, fill: true });
    plain.data.fill(255);
    expect(decodeTilePng(PNG.sync.write(plain))).toBeNull();
    expect(decodeTilePng(Buffer.from('<html>not a png</html>'))).toBeNull();
    expect(() => encodeTilePng(1, -1, 0)).toThrow(RangeError);
  });
});

describe('XYZ tiles', () => {
  it('serves the PNG of the tile asked, with cache headers', async () => {
    const response = await fetchTile(xyz(12, 2074, 1409));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{40}"$/);
    expect(response.headers.get('last-modified')).toBe(LAST_MODIFIED.toUTCString());
    expect(response.headers.get('cache-control')).toBe('max-age=86400');
    expect(await tileOf(response)).toEqual({ z: 12, x: 2074, y: 1409, version: 1 });
    expect(tiles.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers 404 text outside the grid, beyond maxZoom and on unknown paths', async () => {
    for (const url of [xyz(3, 8, 0), xyz(3, 0, 8), xyz(20, 0, 0), `${tiles.url}/tiles/3/1.png`, `${tiles.url}/favicon.ico`]) {
      const response = await fetchTile(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      await response.text();
    }
  });

  it('honours a lower maxZoom', async () => {
    const shallow = await startTileStandIn({ maxZoom: 5 });
    try {
      expect((await fetch(`${shallow.url}/tiles/5/1/1.png`, { headers: UA })).status).toBe(200);
      expect((await fetch(`${shallow.url}/tiles/6/1/1.png`, { headers: UA })).status).toBe(404);
    } finally {
      await shallow.close();
    }
  });
});

describe('WMTS GetTile', () => {
  it('serves the tile at TILEMATRIX/TILECOL/TILEROW, parameter names in any case', async () => {
    expect(await tileOf(await fetchTile(wmts()))).toEqual({ z: 12, x: 2074, y: 1409, version: 1 });
    const lower = wmts().replace(/([?&])([A-Z]+)=/g, (_, sep: string, name: string) => `${sep}${name.toLowerCase()}=`);
    const response = await fetchTile(lower);
    expect(response.status).toBe(200);
    expect(await tileOf(response)).toEqual({ z: 12, x: 2074, y: 1409, version: 1 });
  });

  async function exception(url: string): Promise<{ status: number; code: string | undefined; locator: string | undefined; type: string | null }> {
    const response = await fetchTile(url);
    const xml = await response.text();
    expect(xml).toContain('<ExceptionReport xmlns="http://www.opengis.net/ows/1.1"');
    return {
      status: response.status,
      code: /exceptionCode="([^"]+)"/.exec(xml)?.[1],
      locator: /locator="([^"]+)"/.exec(xml)?.[1],
      type: response.headers.get('content-type'),
    };
  }

  it('answers an OGC ExceptionReport for a wrong or missing parameter', async () => {
    expect(await exception(wmts({ LAYER: 'ORTHOIMAGERY.ORTHOPHOTOS' }))).toEqual({ status: 400, code: 'InvalidParameterValue', locator: 'LAYER', type: 'text/xml; charset=UTF-8' });
    expect(await exception(wmts({ TILEMATRIXSET: 'LAMB93' }))).toMatchObject({ status: 400, code: 'InvalidParameterValue', locator: 'TILEMATRIXSET' });
    expect(await exception(wmts({ TILEMATRIXSET: null }))).toMatchObject({ status: 400, code: 'MissingParameterValue', locator: 'TILEMATRIXSET' });
    expect(await exception(wmts({ TILEROW: null }))).toMatchObject({ status: 400, code: 'MissingParameterValue', locator: 'TILEROW' });
    expect(await exception(wmts({ TILECOL: 'abc' }))).toMatchObject({ status: 400, code: 'InvalidParameterValue', locator: 'TILECOL' });
    expect(await exception(wmts({ TILEMATRIX: '22' }))).toMatchObject({ status: 400, code: 'InvalidParameterValue', locator: 'TILEMATRIX' });
    expect(await exception(wmts({ REQUEST: 'GetFeatureInfo' }))).toMatchObject({ status: 501, code: 'OperationNotSupported' });
  });

  it('answers TileOutOfRange for a row or column outside the matrix', async () => {
    expect(await exception(wmts({ TILEMATRIX: '3', TILEROW: '8', TILECOL: '0' }))).toMatchObject({ status: 400, code: 'TileOutOfRange', locator: 'TILEROW' });
    expect(await exception(wmts({ TILEMATRIX: '3', TILEROW: '0', TILECOL: '8' }))).toMatchObject({ status: 400, code: 'TileOutOfRange', locator: 'TILECOL' });
  });
});

describe('conditional GETs', () => {
  it('answers 304 to a matching If-None-Match (weak or strong), 200 otherwise', async () => {
    const first = await fetchTile(xyz(10, 518, 352));
    const etag = first.headers.get('etag') ?? '';
    await first.arrayBuffer();
    const again = await fetchTile(xyz(10, 518, 352), { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
    expect((await fetchTile(xyz(10, 518, 352), { 'If-None-Match': `"other", W/${etag}` })).status).toBe(304);
    const changed = await fetchTile(xyz(10, 518, 352), { 'If-None-Match': '"other"' });
    expect(changed.status).toBe(200);
    await changed.arrayBuffer();
  });

  it('answers 304 to If-Modified-Since at or after Last-Modified, unless If-None-Match says otherwise', async () => {
    const at = LAST_MODIFIED.toUTCString();
    expect((await fetchTile(xyz(10, 518, 353), { 'If-Modified-Since': at })).status).toBe(304);
    expect((await fetchTile(xyz(10, 518, 353), { 'If-Modified-Since': new Date(LAST_MODIFIED.getTime() + 3600_000).toUTCString() })).status).toBe(304);
    const older = await fetchTile(xyz(10, 518, 353), { 'If-Modified-Since': new Date(LAST_MODIFIED.getTime() - 1000).toUTCString() });
    expect(older.status).toBe(200);
    await older.arrayBuffer();
    const mismatch = await fetchTile(xyz(10, 518, 353), { 'If-Modified-Since': at, 'If-None-Match': '"other"' });
    expect(mismatch.status).toBe(200);
    await mismatch.arrayBuffer();
  });

  it('setVersion redraws every tile: new bytes, new ETag, later Last-Modified', async () => {
    const server = await startTileStandIn({ lastModified: LAST_MODIFIED });
    try {
      const before = await fetch(`${server.url}/tiles/4/8/5.png`, { headers: UA });
      const [etag, lastModified] = [before.headers.get('etag') ?? '', before.headers.get('last-modified') ?? ''];
      await before.arrayBuffer();
      server.setVersion(2);
      const stale = await fetch(`${server.url}/tiles/4/8/5.png`, { headers: { ...UA, 'If-None-Match': etag } });
      expect(stale.status).toBe(200);
      expect(stale.headers.get('etag')).not.toBe(etag);
      expect(Date.parse(stale.headers.get('last-modified') ?? '')).toBeGreaterThan(Date.parse(lastModified));
      expect(await tileOf(stale)).toEqual({ z: 4, x: 8, y: 5, version: 2 });
      const since = await fetch(`${server.url}/tiles/4/8/6.png`, { headers: { ...UA, 'If-Modified-Since': lastModified } });
      expect(since.status).toBe(200);
      await since.arrayBuffer();
      // Twice in the same second: Last-Modified still moves.
      const second = Date.parse(stale.headers.get('last-modified') ?? '');
      server.setVersion(3);
      const third = await fetch(`${server.url}/tiles/4/8/5.png`, { headers: UA });
      expect(Date.parse(third.headers.get('last-modified') ?? '')).toBeGreaterThan(second);
      await third.arrayBuffer();
    } finally {
      await server.close();
    }
  });
});

describe('the usage policy', () => {
  it('refuses a request without User-Agent, with an empty one, or with a library default', async () => {
    const missing = await getWithoutAgent(xyz(3, 1, 1));
    expect(missing).toEqual({ status: 403, body: `${BLOCKED_AGENT_TEXT}\n` });
    // Node's own fetch sends `User-Agent: node`.
    const bare = await fetch(xyz(3, 1, 1));
    expect(bare.status).toBe(403);
    expect(await bare.text()).toContain('Access blocked: set a User-Agent');
    for (const agent of ['', 'node', 'Undici', 'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)', 'axios/1.7.2', 'python-requests/2.32.3']) {
      const response = await fetch(xyz(3, 1, 1), { headers: { 'User-Agent': agent } });
      expect(response.status, agent).toBe(403);
      await response.text();
    }
    expect(tiles.requests.at(-1)?.userAgent).toBe('python-requests/2.32.3');
  });

  it('serves an application that says who it is', async () => {
    for (const agent of ['BorneSoliguide/0.1', 'nodekiosk/2.0 (+mailto:it@example.org)']) {
      const response = await fetch(xyz(3, 1, 1), { headers: { 'User-Agent': agent } });
      expect(response.status, agent).toBe(200);
      await response.arrayBuffer();
    }
  });

  it('lets anyone in with requireUserAgent: false', async () => {
    const open = await startTileStandIn({ requireUserAgent: false });
    try {
      expect((await getWithoutAgent(`${open.url}/tiles/1/1/1.png`)).status).toBe(200);
    } finally {
      await open.close();
    }
  });

  it('answers 429 Retry-After: 1 past requestsPerSecond within a second, then serves again', async () => {
    const limited = await startTileStandIn({ requestsPerSecond: 5 });
    try {
      const responses = await Promise.all(Array.from({ length: 7 }, (_, index) => fetch(`${limited.url}/tiles/3/${index}/1.png`, { headers: UA })));
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(5);
      const refused = responses.filter((response) => response.status === 429);
      expect(refused).toHaveLength(2);
      for (const response of refused) {
        expect(response.headers.get('retry-after')).toBe('1');
        expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      }
      await Promise.all(responses.map((response) => response.arrayBuffer()));
      await new Promise((resolve) => setTimeout(resolve, 1050));
      const later = await fetch(`${limited.url}/tiles/3/0/1.png`, { headers: UA });
      expect(later.status).toBe(200);
      await later.arrayBuffer();
    } finally {
      await limited.close();
    }
  });
});

describe('faults', () => {
  const withFault = (url: string, fault: string): Promise<Response> => fetchTile(url, { 'X-Stand-In-Fault': fault });

  it('parses the syntax and names a wrong spec', () => {
    expect(parseTileFaults('latency=200; status=503@tile=12/2074/1409; reset@tile=1/0/0; hang; truncate; captive-portal; fail-every=4:502')).toEqual({
      latency: { ms: 200, at: 'any' },
      status: { status: 503, at: { z: 12, x: 2074, y: 1409 } },
      reset: { z: 1, x: 0, y: 0 },
      hang: 'any',
      truncate: 'any',
      captivePortal: 'any',
      failEvery: { n: 4, status: 502, at: 'any' },
    });
    expect(parseTileFaults('fail-every=2')).toEqual({ failEvery: { n: 2, status: 500, at: 'any' } });
    expect(() => parseTileFaults('explode')).toThrow(FaultSyntaxError);
    expect(() => parseTileFaults('status=abc')).toThrow(/status must be/);
    expect(() => parseTileFaults('reset@tile=1/2')).toThrow(/z\/x\/y/);
    expect(() => parseTileFaults('reset@end=1,2')).toThrow(/@tile/);
    expect(() => parseTileFaults('hang=3')).toThrow(/takes no value/);
  });

  it('answers 400 to a bad X-Stand-In-Fault header', async () => {
    const response = await withFault(xyz(1, 0, 0), 'explode');
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/X-Stand-In-Fault: .*unknown name/);
  });

  it('latency: the tile comes late but whole', async () => {
    const started = performance.now();
    const response = await withFault(xyz(2, 1, 1), 'latency=250');
    expect(await tileOf(response)).toEqual({ z: 2, x: 1, y: 1, version: 1 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('status=500: an HTML error page; 503: a proxy page', async () => {
    const error = await withFault(xyz(2, 1, 1), 'status=500');
    expect(error.status).toBe(500);
    expect(error.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await error.text()).toContain('Internal Server Error');
    const proxy = await withFault(xyz(2, 1, 1), 'status=503');
    expect(proxy.status).toBe(503);
    expect(await proxy.text()).toContain('<center>nginx</center>');
  });

  it('reset: the fetch fails; the log says no status', async () => {
    await expect(withFault(xyz(2, 1, 1), 'reset')).rejects.toThrow();
    expect(tiles.requests.at(-1)).toMatchObject({ status: 0, tile: { z: 2, x: 1, y: 1 } });
  });

  it('hang: no answer until the client gives up', async () => {
    await expect(fetch(xyz(2, 1, 1), { headers: { ...UA, 'X-Stand-In-Fault': 'hang' }, signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect(tiles.requests.at(-1)?.status).toBe(0);
  });

  it('hang: close() ends the hanging request', async () => {
    const server = await startTileStandIn({ faults: { hang: 'any' } });
    const pending = fetch(`${server.url}/tiles/1/0/0.png`, { headers: UA });
    const outcome = pending.then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    await server.close();
    expect(await outcome).toBe('failed');
  });

  it('truncate: the headers promise a whole PNG, half comes, the body fails', async () => {
    const response = await withFault(xyz(2, 1, 1), 'truncate');
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(100);
    await expect(response.arrayBuffer()).rejects.toThrow();
  });

  it('captive-portal: 200 text/html, a login page and no tile', async () => {
    const response = await withFault(xyz(2, 1, 1), 'captive-portal');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.toString('utf8')).toContain('<form');
    expect(decodeTilePng(body)).toBeNull();
  });

  it('fail-every=3:503: every third request fails', async () => {
    tiles.setFaults({ failEvery: { n: 3, status: 503, at: 'any' } });
    const statuses: number[] = [];
    for (let index = 0; index < 6; index += 1) {
      const response = await fetchTile(xyz(2, index % 4, 1));
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 503, 200, 200, 503]);
  });

  it('none: the header drops the server faults', async () => {
    tiles.setFaults({ status: { status: 500, at: 'any' } });
    expect((await fetchTile(xyz(2, 1, 1))).status).toBe(500);
    const response = await withFault(xyz(2, 1, 1), 'none');
    expect(response.status).toBe(200);
    await response.arrayBuffer();
  });

  it('@tile restricts a fault to one tile, on XYZ and WMTS alike', async () => {
    tiles.setFaults(parseTileFaults('status=500@tile=12/2074/1409'));
    expect((await fetchTile(xyz(12, 2074, 1409))).status).toBe(500);
    expect((await fetchTile(wmts())).status).toBe(500);
    const neighbour = await fetchTile(xyz(12, 2075, 1409));
    expect(neighbour.status).toBe(200);
    await neighbour.arrayBuffer();
    const header = await withFault(xyz(12, 2075, 1409), 'captive-portal@tile=12/2075/1409');
    expect(header.headers.get('content-type')).toMatch(/^text\/html/);
    await header.text();
  });
});

describe('the request log', () => {
  it('records method, path, agent, validators, status, time and tile', async () => {
    const before = performance.now();
    const response = await fetchTile(wmts({ TILEMATRIX: '5', TILEROW: '11', TILECOL: '16' }), { 'If-None-Match': '"x"', 'If-Modified-Since': 'Tue, 01 Sep 2026 08:00:00 GMT' });
    await response.arrayBuffer();
    const entry = tiles.requests.at(-1);
    expect(entry).toMatchObject({
      method: 'GET',
      userAgent: UA['User-Agent'],
      ifNoneMatch: '"x"',
      ifModifiedSince: 'Tue, 01 Sep 2026 08:00:00 GMT',
      status: 200,
      tile: { z: 5, x: 16, y: 11 },
    });
    expect(entry?.path).toMatch(/^\/wmts\?SERVICE=WMTS&/);
    expect(entry?.at).toBeGreaterThanOrEqual(before);
    await (await fetchTile(`${tiles.url}/nothing`)).text();
    expect(tiles.requests.at(-1)).toMatchObject({ path: '/nothing', status: 404, tile: null, ifNoneMatch: null });
  });
});
