import { request as httpRequest, Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StandIn } from './stand-in-server';
import { getPath, PARIS, postJson, startWith, storedPlaces } from './stand-in-test-support';

let standIn: StandIn;
const QUERY = { location: { geoType: 'inconnu' } };

beforeAll(async () => {
  standIn = await startWith({
    places: storedPlaces(),
    accounts: [
      PARIS,
      { token: 'unverified', departments: ['75'], verified: false },
      { token: 'blocked', departments: ['75'], blocked: true },
    ],
  });
});
afterAll(() => standIn.close());

describe('authentication and access (API.md §1.1–1.2)', () => {
  it('serves a partner who sends "Authorization: JWT <token>", as JSON in UTF-8', async () => {
    const reply = await postJson(standIn, '/new-search', QUERY);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('answers 401 INVALID_TOKEN to "Bearer <token>", since the server drops exactly 4 characters', async () => {
    const reply = await postJson(standIn, '/new-search', QUERY, { authorization: `Bearer ${PARIS.token}` });
    expect([reply.status, reply.json()]).toEqual([401, { message: 'INVALID_TOKEN' }]);
  });

  it('answers 401 INVALID_TOKEN to an unknown token, even an empty one after "JWT "', async () => {
    expect((await postJson(standIn, '/new-search', QUERY, { token: 'nope' })).json()).toEqual({ message: 'INVALID_TOKEN' });
    const empty = await getPath(standIn, '/v2/categories', { authorization: 'JWT ' });
    expect([empty.status, empty.json()]).toEqual([401, { message: 'INVALID_TOKEN' }]);
  });

  it('answers 401 USER_NOT_VERIFIED to the token of an unverified account', async () => {
    const reply = await postJson(standIn, '/new-search', QUERY, { token: 'unverified' });
    expect([reply.status, reply.json()]).toEqual([401, { message: 'USER_NOT_VERIFIED' }]);
  });

  it('answers 403 FORBIDDEN_ACCESS to a blocked account, on every route', async () => {
    for (const reply of [await postJson(standIn, '/new-search', QUERY, { token: 'blocked' }), await getPath(standIn, '/place/6', { token: 'blocked' })]) {
      expect([reply.status, reply.json()]).toEqual([403, { message: 'FORBIDDEN_ACCESS' }]);
    }
  });

  it('answers 403 FORBIDDEN_API_USER when there is no token and no Soliguide origin', async () => {
    for (const reply of [
      await postJson(standIn, '/new-search', QUERY, { token: null }),
      await getPath(standIn, '/place/6', { token: null }),
      await getPath(standIn, '/v2/categories', { token: null }),
      await getPath(standIn, '/nowhere', { token: null }),
    ]) {
      expect([reply.status, reply.json()]).toEqual([403, { message: 'FORBIDDEN_API_USER' }]);
    }
  });

  it('answers 403 FORBIDDEN to an anonymous call of /v2/categories from a Soliguide site', async () => {
    const reply = await getPath(standIn, '/v2/categories', { token: null, headers: { Origin: 'https://soliguide.fr' } });
    expect([reply.status, reply.json()]).toEqual([403, { message: 'FORBIDDEN' }]);
  });

  it('answers 403 FORBIDDEN_ACCESS on routes outside the partner allow-list, photo files included', async () => {
    for (const path of ['/users/me', '/medias/pictures/a.png', '/admin/places']) {
      const reply = await getPath(standIn, path);
      expect([path, reply.status, reply.json()]).toEqual([path, 403, { message: 'FORBIDDEN_ACCESS' }]);
    }
  });

  it('answers 404 "Route <url> not found." inside the allow-list prefixes', async () => {
    const cases: [string, string][] = [
      ['GET', '/new-search'],
      ['GET', '/placeholder?x=1'],
      ['POST', '/v2/categories'],
      ['GET', '/place/6/en/extra'],
    ];
    for (const [method, path] of cases) {
      const reply = method === 'GET' ? await getPath(standIn, path) : await postJson(standIn, path, {});
      expect([reply.status, reply.json()]).toEqual([404, { message: `Route ${path} not found.` }]);
    }
  });

  it('answers 403 FORBIDDEN to the admin searches and to the favourites lookup', async () => {
    for (const path of ['/new-search/admin-search', '/new-search/admin-search-to-add-place-in-orga', '/place/lookup', '/place/lookup/en']) {
      const reply = await postJson(standIn, path, QUERY);
      expect([path, reply.status, reply.json()]).toEqual([path, 403, { message: 'FORBIDDEN' }]);
    }
  });

  it('keeps the connection alive between requests', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const ports: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await new Promise<void>((resolve, reject) => {
        const call = httpRequest(`${standIn.url}/v2/categories`, { agent, headers: { Authorization: `JWT ${PARIS.token}` } }, (response) => {
          ports.push(response.socket.localPort ?? -1);
          expect(response.headers.connection).toBe('keep-alive');
          response.resume();
          response.on('end', resolve);
        });
        call.on('error', reject);
        call.end();
      });
    }
    agent.destroy();
    expect(new Set(ports).size).toBe(1);
  });

  it('records each request: method, path, status, whether a token was sent, body', async () => {
    const before = standIn.requests.length;
    await postJson(standIn, '/new-search?debug=1', QUERY);
    await getPath(standIn, '/place/6', { token: null });
    expect(standIn.requests.slice(before)).toEqual([
      { method: 'POST', path: '/new-search?debug=1', status: 200, authorization: true, body: QUERY },
      { method: 'GET', path: '/place/6', status: 403, authorization: false, body: undefined },
    ]);
  });
});
