import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StandIn } from './stand-in-server';
import type { JsonObject, StoredPhoto, StoredPlace } from './stored-shapes';
import { fixture, getPath, madePlace, startWith, storedPlaces, storedTranslations } from './stand-in-test-support';

interface Detail extends JsonObject {
  lieu_id: number;
  photos: StoredPhoto[];
  organizations: { name: string; organization_id: number }[];
}

const details = fixture<Detail[]>('place-details.json');
const statuses = fixture<Record<string, { seo_url: string; getStatusForApiUser75: number }>>('place-get-status-for-api-user.json');

/**
 * The stored places, each carrying the organisations a GET adds (they live in another collection),
 * as the last key, where the API's lookup appends them; the photo documents are given apart.
 */
function placesWithOrganizations(): StoredPlace[] {
  return storedPlaces().map((place) => {
    const detail = details.find((candidate) => candidate.lieu_id === place.lieu_id);
    return detail && detail.organizations.length > 0 ? { ...place, organizations: detail.organizations } : place;
  });
}

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startWith({
    places: [
      ...placesWithOrganizations(),
      madePlace(400, { services: ['food_distribution'] }),
      madePlace(401, { position: { ...storedPlaces()[6]?.position, departmentCode: '67' } }),
    ],
    translations: storedTranslations(),
    photos: details.flatMap((detail) => detail.photos),
    accounts: [
      { token: 'paris-token', departments: ['75'] },
      { token: 'food', departments: ['75'], categoriesLimitations: ['food'] },
      { token: 'anywhere', departments: ['75'], territories: [] },
    ],
  });
});
afterAll(() => standIn.close());

describe('GET /place/:id (API.md §1.9)', () => {
  it('answers every test place as the fixtures say: 200 for ONLINE and OFFLINE in the territory, 403 otherwise', async () => {
    for (const [id, expected] of Object.entries(statuses)) {
      const reply = await getPath(standIn, `/place/${id}`);
      expect([id, reply.status]).toEqual([id, expected.getStatusForApiUser75]);
      if (reply.status === 403) expect(reply.json()).toEqual({ message: 'FORBIDDEN_USER' });
    }
  });

  it('returns the whole stored document: photos populated, organizations, docs emptied, the orientation bug', async () => {
    for (const detail of details) {
      const reply = await getPath(standIn, `/place/${detail.lieu_id}`);
      // Key order included: what Express serialises.
      expect([detail.lieu_id, reply.text]).toEqual([detail.lieu_id, JSON.stringify(detail)]);
    }
    const orientation = (await getPath(standIn, '/place/14')).json() as JsonObject;
    expect([orientation.address, orientation.complementAddress]).toEqual([null, null]);
    expect((orientation.position as JsonObject).address).toBe('201 Rue Saint-Martin, 75003 Paris');
  });

  it('finds a place by seo_url (the first one when several share it), and 404s an unknown one', async () => {
    expect(((await getPath(standIn, '/place/lieu_en_ligne-copie-paris-6')).json() as JsonObject).lieu_id).toBe(6);
    expect(((await getPath(standIn, '/place/antenne-marcel-paul-paris-33')).json() as JsonObject).lieu_id).toBe(30);
    for (const id of ['9999', 'no-such-place']) {
      const reply = await getPath(standIn, `/place/${id}`);
      expect([reply.status, reply.json()]).toEqual([404, { message: 'PLACE_NOT_EXIST' }]);
    }
    const nullId = await getPath(standIn, '/place/null');
    expect([nullId.status, nullId.json()]).toEqual([400, { message: 'LIEU_ID_NOT_EXIST' }]);
  });

  it('refuses places outside the territories, unless the account has none; itineraries and PRO places always', async () => {
    expect((await getPath(standIn, '/place/401')).status).toBe(403);
    expect((await getPath(standIn, '/place/401', { token: 'anywhere' })).status).toBe(200);
    expect((await getPath(standIn, '/place/29', { token: 'anywhere' })).status).toBe(403);
    expect((await getPath(standIn, '/place/3', { token: 'anywhere' })).status).toBe(403);
  });

  it('refuses places without a service in the account categoriesLimitations', async () => {
    expect((await getPath(standIn, '/place/6', { token: 'food' })).status).toBe(403);
    expect((await getPath(standIn, '/place/400', { token: 'food' })).status).toBe(200);
    expect((await getPath(standIn, '/place/23', { token: 'food' })).status).toBe(200);
  });

  it('sends a weak ETag and answers 304 to a matching If-None-Match, 200 again once the place changed', async () => {
    const first = await getPath(standIn, '/place/6');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"[0-9a-f]+-[A-Za-z0-9+/]{27}"$/);
    expect(etag.startsWith(`W/"${Buffer.byteLength(first.text).toString(16)}-`)).toBe(true);
    // fetch adds `Cache-Control: no-cache` to a conditional request unless the caller sets one,
    // and Express' `fresh` never answers 304 to no-cache: a trap for the kiosk client.
    expect((await getPath(standIn, '/place/6', { headers: { 'If-None-Match': etag } })).status).toBe(200);
    const conditional = (tag: string): Record<string, string> => ({ 'If-None-Match': tag, 'Cache-Control': 'max-age=0' });
    const again = await getPath(standIn, '/place/6', { headers: conditional(etag) });
    expect([again.status, again.text]).toEqual([304, '']);
    expect((await getPath(standIn, '/place/6', { headers: conditional('W/"1-abc"') })).status).toBe(200);

    const own = await startWith({ places: [madePlace(500, { services: ['shower'] })] });
    try {
      const before = await getPath(own, '/place/500');
      own.setPlaces([madePlace(500, { services: ['shower'], isOpenToday: false })]);
      const after = await getPath(own, '/place/500', { headers: conditional(before.headers.get('etag') ?? '') });
      expect(after.status).toBe(200);
    } finally {
      await own.close();
    }
  });

  it('translates with /:lang, whatever the status, and keeps names and addresses', async () => {
    const arabic = (await getPath(standIn, '/place/6/ar')).json() as JsonObject;
    expect(arabic.description).toMatch(/direction:rtl/);
    expect(arabic.name).toBe('LIEU_INFOS_TEMP_ACTIVE');
    expect((arabic.publics as JsonObject).description).toBeNull();
    const french = await getPath(standIn, '/place/6/fr');
    expect(french.text).toBe(JSON.stringify(details.find((detail) => detail.lieu_id === 6)));
  });

  it('answers the HTML 500 page to an unsupported language, but only once the place is found and allowed', async () => {
    const reply = await getPath(standIn, '/place/6/de');
    expect([reply.status, reply.headers.get('content-type')]).toEqual([500, 'text/html; charset=utf-8']);
    expect((await getPath(standIn, '/place/1/de')).status).toBe(403);
    expect((await getPath(standIn, '/place/9999/de')).status).toBe(404);
  });
});

describe('GET /v2/categories (API.md §1.10)', () => {
  it('returns the FR tree as the API shapes it', async () => {
    const reply = await getPath(standIn, '/v2/categories');
    expect(reply.status).toBe(200);
    expect(reply.text).toBe(JSON.stringify(fixture('example-4-response-GET-v2-categories.json')));
    expect(reply.headers.get('etag')).toMatch(/^W\//);
  });
});
