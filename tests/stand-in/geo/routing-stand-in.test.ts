import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FaultSyntaxError } from './geo-faults';
import { encodePolyline } from './osrm-route';
import { parseRoutingFaults, startRoutingStandIn, type LonLat, type RoutingStandIn } from './routing-stand-in';
import { haversine, STREETS, walkingRoute } from './street-route';

/** Saint-Sulpice → Panthéon, Paris 6e/5e. */
const START: LonLat = [2.334521, 48.851101];
const END: LonLat = [2.346203, 48.846222];
const INSTRUCTION_TYPES = ['depart', 'turn', 'new name', 'continue', 'roundabout', 'arrive'];
const MODIFIERS = ['left', 'right', 'slight left', 'slight right', 'sharp left', 'sharp right', 'straight', 'uturn'];

let routing: RoutingStandIn;
beforeAll(async () => {
  // A high limit: the rate limit has its own servers below.
  routing = await startRoutingStandIn({ requestsPerSecond: 1000 });
});
afterEach(() => routing.setFaults({}));
afterAll(() => routing.close());

const text = (point: LonLat): string => `${point[0]},${point[1]}`;

function ignUrl(overrides: Record<string, string | null> = {}, base = routing.url): string {
  const params: Record<string, string | null> = {
    resource: 'bdtopo-osrm',
    profile: 'pedestrian',
    optimization: 'fastest',
    start: text(START),
    end: text(END),
    geometryFormat: 'geojson',
    getSteps: 'true',
    getBbox: 'true',
    distanceUnit: 'meter',
    timeUnit: 'second',
    crs: 'EPSG:4326',
    ...overrides,
  };
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return `${base}/navigation/itineraire?${query}`;
}

const osrmUrl = (points: LonLat[] = [START, END], query = 'overview=full&geometries=geojson&steps=true', profile = 'foot', base = routing.url): string =>
  `${base}/route/v1/${profile}/${points.map(text).join(';')}${query ? `?${query}` : ''}`;

interface Line {
  type: string;
  coordinates: LonLat[];
}
interface IgnStep {
  geometry: Line;
  instruction: { type: string; modifier?: string; exit?: number };
  attributes: { name: { nom_1_gauche: string; nom_1_droite: string; cpx_numero: string; cpx_toponyme_route_nommee: string } };
  distance: number;
  duration: number;
}
interface IgnAnswer {
  resource: string;
  resourceVersion: string;
  start: string;
  end: string;
  profile: string;
  optimization: string;
  geometry: Line;
  crs: string;
  distanceUnit: string;
  timeUnit: string;
  bbox: number[];
  distance: number;
  duration: number;
  constraints: unknown[];
  portions: { start: string; end: string; distance: number; duration: number; bbox: number[]; steps: IgnStep[] }[];
}
interface OsrmStep {
  distance: number;
  duration: number;
  weight: number;
  name: string;
  mode: string;
  driving_side: string;
  intersections: unknown[];
  geometry: Line;
  maneuver: { type: string; modifier?: string; exit?: number; location: LonLat; bearing_before: number; bearing_after: number };
}
interface OsrmAnswer {
  code: string;
  routes: { geometry: Line | string; legs: { steps: OsrmStep[]; summary: string; distance: number; duration: number; weight: number }[]; distance: number; duration: number; weight_name: string; weight: number }[];
  waypoints: { hint: string; distance: number; name: string; location: LonLat }[];
}

const sum = (values: number[]): number => Math.round(values.reduce((total, value) => total + value, 0) * 10) / 10;
const decimals = (value: number): number => (String(value).split('.')[1] ?? '').length;

async function json<T>(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T; response: Response }> {
  const response = await fetch(url, { headers });
  return { status: response.status, body: (await response.json()) as T, response };
}

describe('the street walk', () => {
  it('is deterministic, starts and ends where asked, and names 1–4 streets between depart and arrive', () => {
    const kinds = new Set<string>();
    let unnamed = 0;
    for (let index = 0; index < 60; index += 1) {
      const r6 = (value: number): number => Math.round(value * 1e6) / 1e6;
      const start: LonLat = [r6(2.3 + index * 0.0013), r6(48.84 + ((index * 7) % 11) * 0.001)];
      const end: LonLat = [r6(2.31 + ((index * 5) % 13) * 0.002), r6(48.85 - index * 0.0004)];
      const steps = walkingRoute(start, end);
      expect(walkingRoute(start, end)).toEqual(steps);
      expect(steps[0]?.type).toBe('depart');
      expect(steps.at(-1)?.type).toBe('arrive');
      expect(steps.length - 2).toBeGreaterThanOrEqual(1);
      expect(steps.length - 2).toBeLessThanOrEqual(3);
      expect(steps[0]?.coordinates[0]).toEqual(start);
      expect(steps.at(-1)?.coordinates.at(-1)).toEqual(end);
      steps.forEach((step) => kinds.add(step.type));
      unnamed += steps.filter((step) => step.street.ign === '').length;
      for (const step of steps) expect(STREETS).toContain(step.street);
    }
    expect([...kinds].sort()).toEqual([...INSTRUCTION_TYPES].sort());
    expect(unnamed).toBeGreaterThan(0);
  });

  it('walks nowhere when start and end are the same point', () => {
    const steps = walkingRoute(START, START);
    expect(steps.map((step) => step.type)).toEqual(['depart', 'arrive']);
    expect(steps.map((step) => step.distance)).toEqual([0, 0]);
  });
});

describe('IGN itinerary', () => {
  it('answers Road2’s shape: echoes, one portion, geometry from start to end', async () => {
    const { status, body, response } = await json<IgnAnswer>(ignUrl());
    expect(status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(body).toMatchObject({
      resource: 'bdtopo-osrm',
      resourceVersion: '2026-10-01',
      start: text(START),
      end: text(END),
      profile: 'pedestrian',
      optimization: 'fastest',
      crs: 'EPSG:4326',
      distanceUnit: 'meter',
      timeUnit: 'second',
      constraints: [],
    });
    expect(body.geometry.type).toBe('LineString');
    expect(body.geometry.coordinates[0]).toEqual(START);
    expect(body.geometry.coordinates.at(-1)).toEqual(END);
    for (const [lon, lat] of body.geometry.coordinates) expect(Math.max(decimals(lon), decimals(lat))).toBeLessThanOrEqual(6);
    const [minLon = 0, minLat = 0, maxLon = 0, maxLat = 0] = body.bbox;
    for (const [lon, lat] of body.geometry.coordinates) {
      expect(lon).toBeGreaterThanOrEqual(minLon);
      expect(lon).toBeLessThanOrEqual(maxLon);
      expect(lat).toBeGreaterThanOrEqual(minLat);
      expect(lat).toBeLessThanOrEqual(maxLat);
    }
    expect(body.portions).toHaveLength(1);
    expect(body.portions[0]).toMatchObject({ start: text(START), end: text(END), distance: body.distance, duration: body.duration, bbox: body.bbox });
  });

  it('totals are the sums of the steps; steps chain, in OSRM’s vocabulary, at 4 km/h', async () => {
    const { body } = await json<IgnAnswer>(ignUrl());
    const steps = body.portions[0]?.steps ?? [];
    expect(body.distance).toBe(sum(steps.map((step) => step.distance)));
    expect(body.duration).toBe(sum(steps.map((step) => step.duration)));
    expect(body.distance).toBeGreaterThan(haversine(START, END));
    expect(steps[0]?.instruction.type).toBe('depart');
    expect(steps.at(-1)).toMatchObject({ instruction: { type: 'arrive' }, distance: 0, duration: 0 });
    expect(steps.length - 2).toBeGreaterThanOrEqual(1);
    expect(steps.length - 2).toBeLessThanOrEqual(3);
    steps.forEach((step, index) => {
      expect(INSTRUCTION_TYPES).toContain(step.instruction.type);
      if (step.instruction.modifier !== undefined) expect(MODIFIERS).toContain(step.instruction.modifier);
      if (step.instruction.type === 'roundabout') expect(step.instruction.exit).toBeGreaterThanOrEqual(1);
      expect(step.duration).toBeCloseTo(step.distance / (4000 / 3600), 0);
      expect(decimals(step.distance)).toBeLessThanOrEqual(1);
      expect(step.attributes.name.nom_1_gauche).toBe(step.attributes.name.nom_1_droite);
      expect(step.attributes.name.nom_1_gauche).toMatch(/^[A-Z ]*$/);
      expect(step.attributes.name).toMatchObject({ cpx_numero: '', cpx_toponyme_route_nommee: '' });
      const previous = steps[index - 1];
      if (previous) expect(step.geometry.coordinates[0]).toEqual(previous.geometry.coordinates.at(-1));
    });
    expect(steps[0]?.geometry.coordinates[0]).toEqual(START);
  });

  it('is deterministic and names streets BD TOPO’s way, sometimes not at all', async () => {
    const first = await json<IgnAnswer>(ignUrl());
    expect((await json<IgnAnswer>(ignUrl())).body).toEqual(first.body);
    const names = new Set<string>();
    for (let index = 0; index < 12; index += 1) {
      const { body } = await json<IgnAnswer>(ignUrl({ end: text([2.34 + index * 0.0021, 48.85 - index * 0.0013]) }));
      for (const step of body.portions[0]?.steps ?? []) names.add(step.attributes.name.nom_1_gauche);
    }
    for (const name of names) expect(STREETS.map((street) => street.ign)).toContain(name);
    expect(names.size).toBeGreaterThan(3);
    expect(names.has('')).toBe(true);
  });

  it('leaves out steps and bbox when asked, converts units', async () => {
    const { body } = await json<IgnAnswer>(ignUrl({ getSteps: 'false', getBbox: 'false', distanceUnit: 'kilometer', timeUnit: 'minute' }));
    expect(body.portions[0]?.steps).toEqual([]);
    expect(body).not.toHaveProperty('bbox');
    const metres = (await json<IgnAnswer>(ignUrl())).body;
    expect(body.distance).toBeCloseTo(metres.distance / 1000, 3);
    expect(body.duration).toBeCloseTo(metres.duration / 60, 2);
  });

  it('drives at 30 km/h for profile car', async () => {
    const { body } = await json<IgnAnswer>(ignUrl({ profile: 'car', optimization: 'shortest' }));
    expect(body).toMatchObject({ profile: 'car', optimization: 'shortest' });
    expect(body.duration).toBeCloseTo(body.distance / (30_000 / 3600), 0);
  });

  async function ignFailure(overrides: Record<string, string | null>): Promise<unknown> {
    const { status, body, response } = await json<unknown>(ignUrl(overrides));
    expect(status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    return body;
  }

  it('answers 400 with Road2’s error shape for a missing or wrong parameter', async () => {
    const error = (message: string | RegExp): unknown => ({ error: { errorType: 'parameter', message: typeof message === 'string' ? message : expect.stringMatching(message) } });
    expect(await ignFailure({ resource: null })).toEqual(error("Parameter 'resource' not found"));
    expect(await ignFailure({ resource: 'bdtopo-valhalla' })).toEqual(error(/^Parameter 'resource' is invalid: /));
    expect(await ignFailure({ start: null })).toEqual(error("Parameter 'start' not found"));
    expect(await ignFailure({ start: '2.33;48.85' })).toEqual(error(/^Parameter 'start' is invalid: /));
    expect(await ignFailure({ end: 'abc' })).toEqual(error(/^Parameter 'end' is invalid: /));
    expect(await ignFailure({ profile: null })).toEqual(error("Parameter 'profile' not found"));
    expect(await ignFailure({ profile: 'bike' })).toEqual(error(/^Parameter 'profile' is invalid: /));
    expect(await ignFailure({ optimization: null })).toEqual(error("Parameter 'optimization' not found"));
    expect(await ignFailure({ optimization: 'scenic' })).toEqual(error(/^Parameter 'optimization' is invalid: /));
    expect(await ignFailure({ getSteps: 'yes' })).toEqual(error(/^Parameter 'getSteps' is invalid: /));
  });

  it('refuses a point outside metropolitan France, overseas included', async () => {
    const outside = { error: { errorType: 'parameter', message: "Parameter 'start' is invalid: point is not in the resource bbox" } };
    expect(await ignFailure({ start: '-73.9857,40.7484' })).toEqual(outside);
    expect(await ignFailure({ start: '55.4504,-20.8789' })).toEqual(outside);
    expect(await ignFailure({ end: '10.5,45' })).toEqual({ error: { errorType: 'parameter', message: "Parameter 'end' is invalid: point is not in the resource bbox" } });
  });
});

describe('OSRM route', () => {
  it('answers OSRM v5’s shape, on the same streets as IGN, in OSM spelling, at 5 km/h', async () => {
    const { status, body } = await json<OsrmAnswer>(osrmUrl());
    expect(status).toBe(200);
    expect(body.code).toBe('Ok');
    const route = body.routes[0];
    const leg = route?.legs[0];
    const steps = leg?.steps ?? [];
    expect(route?.weight_name).toBe('duration');
    expect(route?.geometry).toMatchObject({ type: 'LineString' });
    const line = (route?.geometry as Line).coordinates;
    expect([line[0], line.at(-1)]).toEqual([START, END]);
    expect(route?.distance).toBe(sum(steps.map((step) => step.distance)));
    expect(route?.duration).toBe(sum(steps.map((step) => step.duration)));
    expect(leg?.distance).toBe(route?.distance);
    expect(route?.weight).toBe(route?.duration);
    const ign = (await json<IgnAnswer>(ignUrl())).body.portions[0]?.steps ?? [];
    expect(steps).toHaveLength(ign.length);
    steps.forEach((step, index) => {
      expect(step).toMatchObject({ mode: 'walking', driving_side: 'right', intersections: [] });
      expect(step.maneuver.location).toEqual(step.geometry.coordinates[0]);
      expect(step.maneuver.type).toBe(ign[index]?.instruction.type);
      expect(step.distance).toBe(ign[index]?.distance);
      expect(step.duration).toBeCloseTo(step.distance / (5000 / 3600), 0);
      expect(step.weight).toBe(step.duration);
      const street = STREETS.find((candidate) => candidate.osm === step.name);
      expect(street?.ign).toBe(ign[index]?.attributes.name.nom_1_gauche);
    });
    expect(body.waypoints.map((waypoint) => waypoint.location)).toEqual([START, END]);
    expect(body.waypoints[0]).toMatchObject({ distance: 0, name: steps[0]?.name, hint: expect.stringMatching(/^[A-Za-z0-9_-]{20,}/) });
    if (steps.some((step) => step.name !== '')) expect(leg?.summary).not.toBe('');
  });

  it('accepts the walking profile, several waypoints (one leg each) and OSRM’s defaults (polyline, no steps)', async () => {
    const middle: LonLat = [2.34, 48.853];
    const { body } = await json<OsrmAnswer>(osrmUrl([START, middle, END], 'steps=true&geometries=geojson', 'walking'));
    expect(body.routes[0]?.legs).toHaveLength(2);
    expect(body.waypoints).toHaveLength(3);
    expect(body.routes[0]?.legs[1]?.steps[0]?.maneuver.location).toEqual(middle);
    const defaults = (await json<OsrmAnswer>(osrmUrl([START, END], ''))).body;
    expect(typeof defaults.routes[0]?.geometry).toBe('string');
    expect(defaults.routes[0]?.legs[0]?.steps).toEqual([]);
    const noOverview = (await json<OsrmAnswer>(osrmUrl([START, END], 'overview=false'))).body;
    expect(noOverview.routes[0]).not.toHaveProperty('geometry');
  });

  it('encodes polylines as Google’s algorithm does', () => {
    expect(
      encodePolyline(
        [
          [-120.2, 38.5],
          [-120.95, 40.7],
          [-126.453, 43.252],
        ],
        5,
      ),
    ).toBe('_p~iF~ps|U_ulLnnqC_mqNvxq`@');
  });

  async function osrmFailure(path: string): Promise<{ code: string; message: string }> {
    const { status, body } = await json<{ code: string; message: string }>(`${routing.url}${path}`);
    expect(status, path).toBe(400);
    return body;
  }

  it('answers InvalidUrl, InvalidQuery, InvalidOptions, InvalidValue, NoSegment as osrm-routed does', async () => {
    expect(await osrmFailure('/route/v1/foot')).toEqual({ code: 'InvalidUrl', message: 'URL string malformed close to position 14: "oot"' });
    expect(await osrmFailure('/route/v1/foot/2.33,48.85;2.34 48.86')).toMatchObject({ code: 'InvalidUrl' });
    expect(await osrmFailure('/route/v1/foot/2.33;48.85')).toEqual({ code: 'InvalidQuery', message: 'Query string malformed close to position 15' });
    const steps = '/route/v1/foot/2.33,48.85;2.34,48.86?steps=maybe';
    expect(await osrmFailure(steps)).toEqual({ code: 'InvalidQuery', message: `Query string malformed close to position ${steps.indexOf('maybe')}` });
    expect((await osrmFailure('/route/v1/foot/2.33,48.85;2.34,48.86?color=red')).code).toBe('InvalidQuery');
    expect(await osrmFailure('/route/v1/foot/2.33,48.85')).toEqual({ code: 'InvalidOptions', message: 'Number of coordinates needs to be at least two.' });
    expect(await osrmFailure('/route/v1/foot/2.33,48.85;2.34,48.86?radiuses=10')).toEqual({
      code: 'InvalidOptions',
      message: 'Number of elements in radiuses size 1 does not match coordinate size 2',
    });
    expect((await osrmFailure('/route/v1/driving/2.33,48.85;2.34,48.86')).code).toBe('InvalidOptions');
    expect(await osrmFailure('/route/v1/foot/2.33,95;2.34,48.86')).toEqual({ code: 'InvalidValue', message: 'Invalid coordinate value.' });
    expect((await osrmFailure('/route/v1/foot/2.33,48.85;-73.98,40.74')).code).toBe('NoSegment');
    expect((await osrmFailure('/table/v1/foot/2.33,48.85;2.34,48.86')).code).toBe('InvalidService');
  });

  it('answers 404 text elsewhere', async () => {
    const response = await fetch(`${routing.url}/v2/directions`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not Found\n');
  });
});

describe('the rate limit', () => {
  it('defaults to 5 a second: of 7 at once, exactly 5 succeed; IGN refuses in JSON with Retry-After: 1', async () => {
    const limited = await startRoutingStandIn();
    try {
      const responses = await Promise.all(Array.from({ length: 7 }, () => fetch(ignUrl({}, limited.url))));
      expect(responses.filter((response) => response.status === 200)).toHaveLength(5);
      const refused = responses.filter((response) => response.status === 429);
      expect(refused).toHaveLength(2);
      for (const response of refused) {
        expect(response.headers.get('retry-after')).toBe('1');
        expect(await response.json()).toEqual({ error: { errorType: 'quota', message: 'Too many requests' } });
      }
      expect(limited.requests.filter((entry) => entry.status === 429)).toHaveLength(2);
    } finally {
      await limited.close();
    }
  });

  it('OSRM refuses with text, then serves again after a second', async () => {
    const limited = await startRoutingStandIn({ requestsPerSecond: 2 });
    try {
      const responses = await Promise.all(Array.from({ length: 3 }, () => fetch(osrmUrl(undefined, undefined, undefined, limited.url))));
      const refused = responses.find((response) => response.status === 429);
      expect(refused?.headers.get('retry-after')).toBe('1');
      expect(await refused?.text()).toMatch(/^Too Many Requests/);
      await new Promise((resolve) => setTimeout(resolve, 1050));
      expect((await fetch(osrmUrl(undefined, undefined, undefined, limited.url))).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('faults', () => {
  const withFault = (url: string, fault: string): Promise<Response> => fetch(url, { headers: { 'X-Stand-In-Fault': fault } });

  it('parses the syntax, targets with a comma included', () => {
    expect(parseRoutingFaults('latency=100; no-route@end=2.35,48.85; malformed; truncate@end=2.3,48.8; fail-every=3')).toEqual({
      latency: { ms: 100, at: 'any' },
      noRoute: [2.35, 48.85],
      malformed: 'any',
      truncate: [2.3, 48.8],
      failEvery: { n: 3, status: 500, at: 'any' },
    });
    expect(() => parseRoutingFaults('no-route@end=somewhere')).toThrow(FaultSyntaxError);
    expect(() => parseRoutingFaults('captive-portal')).toThrow(/unknown name/);
  });

  it('latency: the route comes late but whole', async () => {
    const started = performance.now();
    const response = await withFault(ignUrl(), 'latency=200');
    expect(response.status).toBe(200);
    await response.json();
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('status=500: IGN’s internal error JSON, osrm-routed’s InternalError; 502: a proxy page', async () => {
    const ign = await withFault(ignUrl(), 'status=500');
    expect(ign.status).toBe(500);
    expect(await ign.json()).toEqual({ error: { errorType: 'internal', message: 'Internal Server Error' } });
    const osrm = await withFault(osrmUrl(), 'status=500');
    expect(osrm.status).toBe(500);
    expect(JSON.parse(await osrm.text())).toEqual({ code: 'InternalError', message: 'Internal Server Error' });
    const proxy = await withFault(osrmUrl(), 'status=502');
    expect(proxy.status).toBe(502);
    expect(proxy.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await proxy.text()).toContain('502 Bad Gateway');
  });

  it('reset and hang: no answer', async () => {
    await expect(withFault(ignUrl(), 'reset')).rejects.toThrow();
    await expect(fetch(osrmUrl(), { headers: { 'X-Stand-In-Fault': 'hang' }, signal: AbortSignal.timeout(250) })).rejects.toThrow();
    expect(routing.requests.at(-1)?.status).toBe(0);
  });

  it('truncate: half the JSON then the connection closes', async () => {
    const response = await withFault(ignUrl(), 'truncate');
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });

  it('malformed: 200 with a body that is not JSON', async () => {
    const response = await withFault(osrmUrl(), 'malformed');
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(() => JSON.parse(body) as unknown).toThrow();
  });

  it('no-route: IGN 400 "No path found", OSRM 400 NoRoute; a validation error stays what it is', async () => {
    const ign = await withFault(ignUrl(), 'no-route');
    expect(ign.status).toBe(400);
    expect(await ign.json()).toEqual({ error: { errorType: 'parameter', message: 'No path found' } });
    const osrm = await withFault(osrmUrl(), 'no-route');
    expect(osrm.status).toBe(400);
    expect(await osrm.json()).toEqual({ code: 'NoRoute', message: 'Impossible route between points' });
    const invalid = await withFault(ignUrl({ profile: null }), 'no-route');
    expect(await invalid.json()).toEqual({ error: { errorType: 'parameter', message: "Parameter 'profile' not found" } });
  });

  it('fail-every=2:503: every second request fails', async () => {
    routing.setFaults({ failEvery: { n: 2, status: 503, at: 'any' } });
    const statuses: number[] = [];
    for (let index = 0; index < 4; index += 1) {
      const response = await fetch(index % 2 === 0 ? ignUrl() : osrmUrl());
      statuses.push(response.status);
      await response.text();
    }
    expect(statuses).toEqual([200, 503, 200, 503]);
  });

  it('none: the header drops the server faults', async () => {
    routing.setFaults({ status: { status: 500, at: 'any' } });
    expect((await fetch(ignUrl())).status).toBe(500);
    expect((await withFault(ignUrl(), 'none')).status).toBe(200);
  });

  it('@end restricts a fault to one destination (5 decimals), on both protocols', async () => {
    const place: LonLat = [2.35, 48.85];
    routing.setFaults(parseRoutingFaults('no-route@end=2.35,48.85'));
    expect((await fetch(ignUrl({ end: '2.350001,48.850002' }))).status).toBe(400);
    expect((await fetch(osrmUrl([START, [2.350003, 48.849998]]))).status).toBe(400);
    expect((await fetch(ignUrl({ end: '2.36,48.85' }))).status).toBe(200);
    expect((await fetch(osrmUrl([place, END]))).status).toBe(200);
    routing.setFaults({});
    expect((await withFault(osrmUrl([START, place]), 'status=503@end=2.35,48.85')).status).toBe(503);
    expect((await withFault(osrmUrl([START, END]), 'status=503@end=2.35,48.85')).status).toBe(200);
  });

  it('answers 400 to a bad X-Stand-In-Fault header', async () => {
    const response = await withFault(ignUrl(), 'no-route@tile=1/2/3');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('@end=lon,lat');
  });
});

describe('the request log', () => {
  it('records method, path, protocol, start, end, status and time', async () => {
    const before = performance.now();
    await (await fetch(ignUrl())).json();
    expect(routing.requests.at(-1)).toMatchObject({ method: 'GET', protocol: 'ign', start: START, end: END, status: 200 });
    expect(routing.requests.at(-1)?.at).toBeGreaterThanOrEqual(before);
    await (await fetch(osrmUrl([START, [2.34, 48.853], END]))).json();
    expect(routing.requests.at(-1)).toMatchObject({ protocol: 'osrm', start: START, end: END, status: 200 });
    expect(routing.requests.at(-1)?.path).toMatch(/^\/route\/v1\/foot\//);
    await (await fetch(`${routing.url}/elsewhere?x=1`)).text();
    expect(routing.requests.at(-1)).toMatchObject({ path: '/elsewhere?x=1', protocol: 'other', start: null, end: null, status: 404 });
    expect(routing.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
