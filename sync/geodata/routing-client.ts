/**
 * Walking routes from a routing service, in one shape whatever the service:
 *
 * - `ign`: the Géoplateforme itinerary service (Road2), `GET <url>/itineraire?resource=bdtopo-osrm
 *   &profile=pedestrian&optimization=fastest&start=lon,lat&end=lon,lat&geometryFormat=geojson
 *   &getSteps=true&distanceUnit=meter&timeUnit=second&crs=EPSG:4326`; no key, 5 requests/s.
 *   Street names come as BD TOPO writes them ("R DE TOURNON") and are formatted for people.
 * - `osrm`: an OSRM server's `GET <url>/route/v1/foot/lon,lat;lon,lat?overview=full
 *   &geometries=geojson&steps=true`.
 *
 * "No route between these points" is an answer (the place is then shown with an estimate);
 * anything else that goes wrong is an error, and the previous route is kept.
 */
import { z } from 'zod';
import { maneuverOf, type RouteStep } from '../../common/geo/maneuvers';
import { formatStreetName } from '../../common/geo/street-names';
import type { Point } from '../../common/geo/walking';
import { FetchFailedError, readBody, type PoliteFetch } from './polite-fetch';

export interface RoutingSettings {
  kind: 'ign' | 'osrm';
  url: string;
  resource: string;
}

export interface WalkingRoute {
  distanceMetres: number;
  /** [latitude, longitude] pairs, kiosk first. */
  geometry: [number, number][];
  steps: RouteStep[];
}

export type RouteAnswer = { kind: 'route'; route: WalkingRoute } | { kind: 'no-route'; reason: string };

export type Router = (from: Point, to: Point) => Promise<RouteAnswer>;

export class RoutingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RoutingError';
  }
}

const coordinate = z.tuple([z.number(), z.number()]).rest(z.number());
const lineString = z.looseObject({ type: z.literal('LineString'), coordinates: z.array(coordinate).min(2) });
const instruction = z.looseObject({ type: z.string(), modifier: z.string().optional(), exit: z.number().int().optional() });

const ignAnswer = z.looseObject({
  distance: z.number().nonnegative(),
  duration: z.number().nonnegative(),
  geometry: lineString,
  portions: z.array(
    z.looseObject({
      steps: z.array(
        z.looseObject({
          distance: z.number().nonnegative(),
          instruction,
          attributes: z
            .looseObject({ name: z.looseObject({ nom_1_gauche: z.string().nullish(), nom_1_droite: z.string().nullish() }).optional() })
            .optional(),
        }),
      ),
    }),
  ),
});
const ignError = z.looseObject({ error: z.looseObject({ errorType: z.string().optional(), message: z.string() }) });

const osrmAnswer = z.looseObject({
  code: z.literal('Ok'),
  routes: z
    .array(
      z.looseObject({
        distance: z.number().nonnegative(),
        geometry: lineString,
        legs: z.array(
          z.looseObject({
            steps: z.array(
              z.looseObject({
                distance: z.number().nonnegative(),
                name: z.string().optional(),
                maneuver: instruction,
              }),
            ),
          }),
        ),
      }),
    )
    .min(1),
});
const osrmError = z.looseObject({ code: z.string(), message: z.string().optional() });

const lonLat = (point: Point): string => `${point.longitude.toFixed(6)},${point.latitude.toFixed(6)}`;

function steps(raw: { distance: number; type: string; modifier?: string; exit?: number; name: string }[]): RouteStep[] {
  const out: RouteStep[] = [];
  for (const step of raw) {
    const maneuver = maneuverOf(step.type, step.modifier);
    const street = formatStreetName(step.name) || null;
    if (maneuver === null) {
      // "Leave the roundabout": its distance belongs to the roundabout step before it.
      const previous = out.at(-1);
      if (previous) previous.distanceMetres += Math.round(step.distance);
      continue;
    }
    const previous = out.at(-1);
    // "Go straight on" along the same street is one step for a walker.
    if (maneuver === 'straight' && previous && previous.maneuver !== 'arrive' && previous.street === street) {
      previous.distanceMetres += Math.round(step.distance);
      continue;
    }
    out.push({ maneuver, exit: maneuver === 'roundabout' ? (step.exit ?? null) : null, street, distanceMetres: Math.round(step.distance) });
  }
  return out;
}

const toLatLon = (coordinates: number[][]): [number, number][] =>
  coordinates.map(([longitude, latitude]) => [Math.round((latitude as number) * 1e6) / 1e6, Math.round((longitude as number) * 1e6) / 1e6]);

async function readJson(response: Response, url: string): Promise<unknown> {
  const body = await readBody(response, url);
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new RoutingError(`${url}: HTTP ${response.status} with a body that is not JSON`);
  }
}

function ignRouter(settings: RoutingSettings, fetch: PoliteFetch): Router {
  return async (from, to) => {
    const query = new URLSearchParams({
      resource: settings.resource,
      profile: 'pedestrian',
      optimization: 'fastest',
      start: lonLat(from),
      end: lonLat(to),
      geometryFormat: 'geojson',
      getSteps: 'true',
      getBbox: 'false',
      distanceUnit: 'meter',
      timeUnit: 'second',
      crs: 'EPSG:4326',
    });
    const url = `${settings.url.replace(/\/+$/, '')}/itineraire?${query.toString().replaceAll('%2C', ',')}`;
    const response = await fetch(url, { Accept: 'application/json' });
    const json = await readJson(response, url);
    if (response.status !== 200) {
      const error = ignError.safeParse(json);
      const message = error.success ? error.data.error.message : `HTTP ${response.status}`;
      // Road2 says "No path found" (HTTP 400 or 404) when the graph does not join the points.
      if ((response.status === 400 || response.status === 404) && /no path|not found a path|aucun/i.test(message)) {
        return { kind: 'no-route', reason: message };
      }
      throw new RoutingError(`${url}: HTTP ${response.status}: ${message}`);
    }
    const parsed = ignAnswer.safeParse(json);
    if (!parsed.success) throw new RoutingError(`${url}: the answer is not an itinerary (${parsed.error.issues[0]?.message ?? 'invalid'})`);
    const answer = parsed.data;
    return {
      kind: 'route',
      route: {
        distanceMetres: Math.round(answer.distance),
        geometry: toLatLon(answer.geometry.coordinates),
        steps: steps(
          answer.portions.flatMap((portion) =>
            portion.steps.map((step) => ({
              distance: step.distance,
              ...step.instruction,
              name: step.attributes?.name?.nom_1_gauche || step.attributes?.name?.nom_1_droite || '',
            })),
          ),
        ),
      },
    };
  };
}

function osrmRouter(settings: RoutingSettings, fetch: PoliteFetch): Router {
  return async (from, to) => {
    const url = `${settings.url.replace(/\/+$/, '')}/route/v1/foot/${lonLat(from)};${lonLat(to)}?overview=full&geometries=geojson&steps=true`;
    const response = await fetch(url, { Accept: 'application/json' });
    const json = await readJson(response, url);
    if (response.status !== 200) {
      const error = osrmError.safeParse(json);
      if (error.success && (error.data.code === 'NoRoute' || error.data.code === 'NoSegment')) {
        return { kind: 'no-route', reason: error.data.message ?? error.data.code };
      }
      throw new RoutingError(`${url}: HTTP ${response.status}: ${error.success ? `${error.data.code} ${error.data.message ?? ''}`.trim() : 'no OSRM error'}`);
    }
    const parsed = osrmAnswer.safeParse(json);
    if (!parsed.success) throw new RoutingError(`${url}: the answer is not an OSRM route (${parsed.error.issues[0]?.message ?? 'invalid'})`);
    const route = parsed.data.routes[0] as z.infer<typeof osrmAnswer>['routes'][number];
    return {
      kind: 'route',
      route: {
        distanceMetres: Math.round(route.distance),
        geometry: toLatLon(route.geometry.coordinates),
        steps: steps(route.legs.flatMap((leg) => leg.steps.map((step) => ({ distance: step.distance, ...step.maneuver, name: step.name ?? '' })))),
      },
    };
  };
}

export function createRouter(settings: RoutingSettings, fetch: PoliteFetch): Router {
  const router = settings.kind === 'ign' ? ignRouter(settings, fetch) : osrmRouter(settings, fetch);
  return async (from, to) => {
    try {
      return await router(from, to);
    } catch (error) {
      if (error instanceof FetchFailedError || error instanceof RoutingError) throw error;
      throw new RoutingError((error as Error).message);
    }
  };
}
