import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { faultsForRequest, FaultSyntaxError, parseFaultSpec } from './faults';
import type { StandIn } from './stand-in-server';
import type { JsonObject } from './stored-shapes';
import { getPath, madePlace, postJson, search, startWith } from './stand-in-test-support';

const PAGED = (page: number): unknown => ({ location: { geoType: 'inconnu' }, options: { page, limit: 10, sortBy: 'lieu_id', sortValue: 1 } });
const IDENTITY = { 'Accept-Encoding': 'identity' };

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startWith({ places: Array.from({ length: 45 }, (_, index) => madePlace(index + 1)) });
});
afterEach(() => standIn.setFaults({}));
afterAll(() => standIn.close());

describe('the fault syntax', () => {
  it('reads every fault, with and without @page', () => {
    expect(
      parseFaultSpec('latency=250; status=500@page=3; truncate@page=2; malformed; drip=4000@page=1; wrong-types=2@page=4; reset@page=5; hang@page=6; auth=403; fail-every=4:503'),
    ).toEqual({
      latencyMs: 250,
      statusAtPage: { page: 3, status: 500 },
      truncateAtPage: 2,
      malformedAtPage: 'any',
      slowDripAtPage: { page: 1, bytesPerSecond: 4000 },
      wrongTypeRecordAtPage: { page: 4, count: 2 },
      resetAtPage: 5,
      hangAtPage: 6,
      authStatus: 403,
      failEveryNthRequest: { n: 4, status: 503 },
    });
    expect(parseFaultSpec('fail-every=2')).toEqual({ failEveryNthRequest: { n: 2, status: 500 } });
  });

  it('names the faulty part of a wrong spec', () => {
    expect(() => parseFaultSpec('explode')).toThrow(FaultSyntaxError);
    expect(() => parseFaultSpec('status=abc@page=2')).toThrow(/status=abc@page=2.*status must be/);
    expect(() => parseFaultSpec('auth=500')).toThrow(/401 or 403/);
    expect(() => parseFaultSpec('truncate@page=x')).toThrow(/page/);
  });

  it('lets a request header override the server faults, or drop them with none', () => {
    const server = { latencyMs: 100, truncateAtPage: 2 };
    expect(faultsForRequest(server, 'truncate@page=3')).toEqual({ latencyMs: 100, truncateAtPage: 3 });
    expect(faultsForRequest(server, 'none; malformed')).toEqual({ malformedAtPage: 'any' });
  });
});

describe('what a client sees under each fault', () => {
  it('latency: the answer comes late but whole', async () => {
    const started = performance.now();
    const answer = await search(standIn, PAGED(1), { headers: { 'X-Stand-In-Fault': 'latency=300' } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    expect(answer.places).toHaveLength(10);
  });

  it('status at page 3 of a paged search: pages 1, 2 and 4 fine, page 3 is 500 SEARCH_ERROR', async () => {
    standIn.setFaults({ statusAtPage: { page: 3, status: 500 } });
    const statuses: number[] = [];
    for (let page = 1; page <= 4; page += 1) statuses.push((await postJson(standIn, '/new-search', PAGED(page))).status);
    expect(statuses).toEqual([200, 200, 500, 200]);
    expect((await postJson(standIn, '/new-search', PAGED(3))).json()).toEqual({ message: 'SEARCH_ERROR' });
    expect((await getPath(standIn, '/place/1')).status).toBe(200);
  });

  it('a 502 from the proxy in front: an HTML page', async () => {
    const reply = await postJson(standIn, '/new-search', PAGED(1), { headers: { 'X-Stand-In-Fault': 'status=502' } });
    expect([reply.status, reply.headers.get('content-type')]).toEqual([502, 'text/html']);
    expect(reply.text).toContain('502 Bad Gateway');
  });

  it('a status fault does not hide a real error', async () => {
    const reply = await postJson(standIn, '/new-search', {}, { headers: { 'X-Stand-In-Fault': 'status=503' } });
    expect(reply.status).toBe(400);
  });

  it('truncate: 200, then the body stops half-way, compressed or not', async () => {
    for (const headers of [{ 'X-Stand-In-Fault': 'truncate@page=2' }, { 'X-Stand-In-Fault': 'truncate@page=2', ...IDENTITY }]) {
      expect((await postJson(standIn, '/new-search', PAGED(1), { headers })).status).toBe(200);
      const response = await fetch(`${standIn.url}/new-search`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'JWT paris-token', ...headers },
        body: JSON.stringify(PAGED(2)),
      });
      expect(response.status).toBe(200);
      await expect(response.text()).rejects.toThrow();
    }
  });

  it('malformed: 200 with a JSON content type and a body that does not parse', async () => {
    standIn.setFaults({ malformedAtPage: 1 });
    const reply = await postJson(standIn, '/new-search', PAGED(1));
    expect([reply.status, reply.headers.get('content-type')]).toEqual([200, 'application/json; charset=utf-8']);
    expect(() => reply.json()).toThrow(SyntaxError);
  });

  it('slow drip: the whole body, at the given rate', async () => {
    const plain = await postJson(standIn, '/new-search', PAGED(1), { headers: IDENTITY });
    const bytesPerSecond = Math.ceil(Buffer.byteLength(plain.text) / 0.6);
    const started = performance.now();
    const dripped = await postJson(standIn, '/new-search', PAGED(1), { headers: { ...IDENTITY, 'X-Stand-In-Fault': `drip=${bytesPerSecond}@page=1` } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(450);
    expect(dripped.text).toBe(plain.text);
  });

  it('a client giving up mid-drip leaves the server answering the next requests', async () => {
    for (const headers of [{ 'X-Stand-In-Fault': 'drip=200' }, { 'X-Stand-In-Fault': 'drip=200', ...IDENTITY }]) {
      const call = postJson(standIn, '/new-search', PAGED(1), { headers, signal: AbortSignal.timeout(250) });
      await expect(call).rejects.toThrow(/timeout|aborted/i);
    }
    expect((await search(standIn, PAGED(1))).places).toHaveLength(10);
  });

  it('wrong types: the first records of the page carry a number name, string hours and services', async () => {
    standIn.setFaults({ wrongTypeRecordAtPage: { page: 2, count: 2 } });
    const page = await search(standIn, PAGED(2));
    expect(page.places.map((place) => typeof place.name)).toEqual(['number', 'number', ...Array<string>(8).fill('string')]);
    expect(page.places[0]).toMatchObject({ lieu_id: 11, name: 42, newhours: 'x', services_all: 'x' });
    expect(typeof (await search(standIn, PAGED(1))).places[0]?.name).toBe('string');
    const place = (await getPath(standIn, '/place/1', { headers: { 'X-Stand-In-Fault': 'wrong-types=1' } })).json() as JsonObject;
    expect([place.lieu_id, place.name]).toEqual([1, 42]);
  });

  it('auth: every request refused, a good token notwithstanding', async () => {
    standIn.setFaults({ authStatus: 401 });
    expect((await postJson(standIn, '/new-search', PAGED(1))).json()).toEqual({ message: 'INVALID_TOKEN' });
    expect((await getPath(standIn, '/v2/categories')).status).toBe(401);
    standIn.setFaults({ authStatus: 403 });
    const reply = await getPath(standIn, '/place/1');
    expect([reply.status, reply.json()]).toEqual([403, { message: 'FORBIDDEN_ACCESS' }]);
  });

  it('reset: the connection is dropped without an answer, and the log says so', async () => {
    await expect(postJson(standIn, '/new-search', PAGED(1), { headers: { 'X-Stand-In-Fault': 'reset@page=1' } })).rejects.toThrow();
    expect(standIn.requests.at(-1)).toMatchObject({ method: 'POST', path: '/new-search', status: 0 });
  });

  it('hang: no answer until the client gives up', async () => {
    const call = getPath(standIn, '/v2/categories', { headers: { 'X-Stand-In-Fault': 'hang' }, signal: AbortSignal.timeout(300) });
    await expect(call).rejects.toThrow(/timeout|aborted/i);
  });

  it('a wrong fault header is a 400 that names it', async () => {
    const reply = await getPath(standIn, '/v2/categories', { headers: { 'X-Stand-In-Fault': 'explode' } });
    expect(reply.status).toBe(400);
    expect(reply.json()).toEqual({ message: expect.stringContaining('explode') as unknown });
  });

  it('none in the header drops the server faults for that request only', async () => {
    standIn.setFaults({ statusAtPage: { page: 'any', status: 500 } });
    expect((await getPath(standIn, '/place/1', { headers: { 'X-Stand-In-Fault': 'none' } })).status).toBe(200);
    expect((await getPath(standIn, '/place/1')).status).toBe(500);
  });
});

describe('failing every n-th request', () => {
  it('fails requests 3 and 6 with the given status, whatever they are', async () => {
    const own = await startWith({ places: [madePlace(1)], faults: { failEveryNthRequest: { n: 3, status: 503 } } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) statuses.push((await getPath(own, i % 2 === 0 ? '/place/1' : '/v2/categories')).status);
      expect(statuses).toEqual([200, 200, 503, 200, 200, 503]);
    } finally {
      await own.close();
    }
  });
});
