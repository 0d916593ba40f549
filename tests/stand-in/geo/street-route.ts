/**
 * The routing stand-in's routes: deterministic walks on an imaginary street grid, the same for the
 * same two points on both protocols. From the start the walk goes along the parallel (east or
 * west) and then along the meridian (north or south) to the end — an L — or, for some pairs of
 * points, takes a diagonal jog in between. The first street may change name halfway (a
 * `new name`, a `continue` or a roundabout). Street names come from a table, picked by a hash of
 * the coordinates, in BD TOPO spelling for IGN and OSM spelling for OSRM; one entry is an unnamed
 * path.
 *
 * Coordinates are rounded to 6 decimals (first = start, last = end); distances are haversine
 * metres, rounded to 0.1 m per step.
 */

export type LonLat = [number, number];

export interface Street {
  /** BD TOPO `nom_1_gauche` / `nom_1_droite`: upper case, abbreviated, no accents. */
  ign: string;
  /** OSM `name`. */
  osm: string;
}

export const STREETS: readonly Street[] = [
  { ign: 'R DE TOURNON', osm: 'Rue de Tournon' },
  { ign: 'BD ST MICHEL', osm: 'Boulevard Saint-Michel' },
  { ign: 'AV DU GAL LECLERC', osm: 'Avenue du Général Leclerc' },
  { ign: 'PL DE L EGLISE', osm: "Place de l'Église" },
  { ign: 'QU DES CELESTINS', osm: 'Quai des Célestins' },
  { ign: 'IMP DU MARECHAL FOCH', osm: 'Impasse du Maréchal Foch' },
  { ign: 'ALL DES TILLEULS', osm: 'Allée des Tilleuls' },
  { ign: 'CHE DU MOULIN', osm: 'Chemin du Moulin' },
  { ign: 'R VICTOR HUGO', osm: 'Rue Victor Hugo' },
  { ign: 'PAS DES PRINCES', osm: 'Passage des Princes' },
  { ign: '', osm: '' },
];

export type ManeuverType = 'depart' | 'turn' | 'new name' | 'continue' | 'roundabout' | 'arrive';
export type Modifier = 'left' | 'right' | 'slight left' | 'slight right' | 'sharp left' | 'sharp right' | 'straight' | 'uturn';

export interface RouteStep {
  type: ManeuverType;
  modifier?: Modifier;
  /** Roundabouts: which exit. */
  exit?: number;
  street: Street;
  /** At least two points; the arrive step's are the end twice. */
  coordinates: LonLat[];
  /** Metres, 0.1 m. */
  distance: number;
  /** Degrees, 0–359, 0 = north; 0 before a departure and after an arrival. */
  bearingBefore: number;
  bearingAfter: number;
  /** Where the maneuver happens: the step's first point. */
  location: LonLat;
}

const EARTH_RADIUS_M = 6_371_008.8;
const SPLIT_MIN_M = 40;

export const round = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

const roundPoint = (point: LonLat): LonLat => [round(point[0], 6), round(point[1], 6)];
const samePoint = (a: LonLat, b: LonLat): boolean => a[0] === b[0] && a[1] === b[1];
const radians = (degrees: number): number => (degrees * Math.PI) / 180;

export function haversine(a: LonLat, b: LonLat): number {
  const dLat = radians(b[1] - a[1]);
  const dLon = radians(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a[1])) * Math.cos(radians(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Initial bearing from `a` to `b`, whole degrees 0–359. */
export function bearing(a: LonLat, b: LonLat): number {
  const dLon = radians(b[0] - a[0]);
  const y = Math.sin(dLon) * Math.cos(radians(b[1]));
  const x = Math.cos(radians(a[1])) * Math.sin(radians(b[1])) - Math.sin(radians(a[1])) * Math.cos(radians(b[1])) * Math.cos(dLon);
  return Math.round(((Math.atan2(y, x) * 180) / Math.PI + 360) % 360) % 360;
}

/** OSRM's modifier for a change of heading (clockwise degrees). */
export function modifierFor(before: number, after: number): Modifier {
  const turn = (after - before + 360) % 360;
  if (turn < 20 || turn > 340) return 'straight';
  if (turn <= 60) return 'slight right';
  if (turn <= 120) return 'right';
  if (turn <= 160) return 'sharp right';
  if (turn < 200) return 'uturn';
  if (turn < 240) return 'sharp left';
  if (turn < 300) return 'left';
  return 'slight left';
}

/** FNV-1a, 32 bits: a stable choice from a text. */
export function hash32(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return value >>> 0;
}

const pathLength = (points: readonly LonLat[]): number => points.slice(1).reduce((sum, point, index) => sum + haversine(points[index] ?? point, point), 0);

/** The walk's corners, start and end included, without repeated points. */
function corners(start: LonLat, end: LonLat, jog: boolean): LonLat[] {
  const dLon = end[0] - start[0];
  const dLat = end[1] - start[1];
  const points: LonLat[] =
    jog && dLon !== 0 && dLat !== 0
      ? [start, roundPoint([start[0] + dLon * 0.5, start[1]]), roundPoint([end[0], start[1] + dLat * 0.4]), end]
      : [start, [end[0], start[1]], end];
  return points.filter((point, index) => index === 0 || !samePoint(point, points[index - 1] ?? point));
}

type Split = 'none' | 'new name' | 'continue' | 'roundabout';
const SPLITS: readonly Split[] = ['none', 'new name', 'continue', 'roundabout'];

interface Leg {
  points: LonLat[];
  /** How this leg begins (the first leg: depart). */
  type: ManeuverType;
  modifier?: Modifier;
  exit?: number;
  sameStreet: boolean;
}

/** Cuts the walk into street legs, the first maybe in two. */
function legsOf(points: LonLat[], split: Split, key: string): Leg[] {
  const segments = points.slice(1).map((point, index): LonLat[] => [points[index] ?? point, point]);
  const legs: Leg[] = segments.map((segment, index) => ({ points: segment, type: index === 0 ? 'depart' : 'turn', sameStreet: false }));
  const first = legs[0];
  if (!first || split === 'none' || pathLength(first.points) < SPLIT_MIN_M) return legs;
  const [a, b] = first.points as [LonLat, LonLat];
  const middle = roundPoint([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
  const second: Leg = { points: [middle, b], type: split, modifier: 'straight', sameStreet: split === 'continue' };
  if (split === 'roundabout') second.exit = 1 + (hash32(`${key}#exit`) % 3);
  return [{ ...first, points: [a, middle] }, second, ...legs.slice(1)];
}

/** A street per leg, never the same twice in a row unless the leg continues its street. */
function streetsFor(legs: readonly Leg[], key: string): Street[] {
  const streets: Street[] = [];
  legs.forEach((leg, index) => {
    const previous = streets[index - 1];
    if (previous && leg.sameStreet) {
      streets.push(previous);
      return;
    }
    let choice = hash32(`${key}#street${index}`) % STREETS.length;
    if (previous && STREETS[choice] === previous) choice = (choice + 1) % STREETS.length;
    streets.push(STREETS[choice] ?? STREETS[0] ?? { ign: '', osm: '' });
  });
  return streets;
}

function stepOf(leg: Leg, street: Street, bearingBefore: number): RouteStep {
  const [from, to] = [leg.points[0] ?? [0, 0], leg.points[leg.points.length - 1] ?? [0, 0]] as [LonLat, LonLat];
  const bearingAfter = samePoint(from, to) ? 0 : bearing(from, to);
  const step: RouteStep = {
    type: leg.type,
    street,
    coordinates: leg.points,
    distance: round(pathLength(leg.points), 1),
    bearingBefore,
    bearingAfter,
    location: from,
  };
  if (leg.type === 'turn') step.modifier = modifierFor(bearingBefore, bearingAfter);
  else if (leg.modifier) step.modifier = leg.modifier;
  if (leg.exit !== undefined) step.exit = leg.exit;
  return step;
}

/** The steps from `start` to `end`: depart, 1–3 more streets, arrive. */
export function walkingRoute(rawStart: LonLat, rawEnd: LonLat): RouteStep[] {
  const start = roundPoint(rawStart);
  const end = roundPoint(rawEnd);
  const key = `${start[0]},${start[1]};${end[0]},${end[1]}`;
  const variant = hash32(key);
  const points = samePoint(start, end) ? [start, end] : corners(start, end, (variant & 1) === 1);
  const legs = legsOf(points, SPLITS[(variant >>> 1) % SPLITS.length] ?? 'none', key);
  const streets = streetsFor(legs, key);
  const steps: RouteStep[] = [];
  legs.forEach((leg, index) => {
    const previous = steps[index - 1];
    steps.push(stepOf(leg, streets[index] ?? { ign: '', osm: '' }, previous ? previous.bearingAfter : 0));
  });
  const last = steps[steps.length - 1];
  steps.push({
    type: 'arrive',
    street: last?.street ?? { ign: '', osm: '' },
    coordinates: [end, end],
    distance: 0,
    bearingBefore: last?.bearingAfter ?? 0,
    bearingAfter: 0,
    location: end,
  });
  return steps;
}

/** The steps' points end to end, shared corners once. */
export function routeLine(steps: readonly RouteStep[]): LonLat[] {
  const line: LonLat[] = [];
  for (const step of steps) {
    for (const point of step.coordinates) {
      const previous = line[line.length - 1];
      if (!previous || !samePoint(previous, point)) line.push(point);
    }
  }
  // A walk of zero length is still a line: the start twice.
  if (line.length === 1 && line[0]) line.push(line[0]);
  return line;
}

/** `[minLon, minLat, maxLon, maxLat]`. */
export function bboxOf(points: readonly LonLat[]): [number, number, number, number] {
  const lons = points.map((point) => point[0]);
  const lats = points.map((point) => point[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

/** Metropolitan France, the extent of the stand-in's data (IGN's resources, the OSRM extract). */
export const FRANCE_BBOX = { minLon: -5.5, minLat: 41, maxLon: 10, maxLat: 51.5 };

export function inFrance(point: LonLat): boolean {
  return point[0] >= FRANCE_BBOX.minLon && point[0] <= FRANCE_BBOX.maxLon && point[1] >= FRANCE_BBOX.minLat && point[1] <= FRANCE_BBOX.maxLat;
}

/** Sum of 0.1 m (or 0.1 s) values, without floating-point crumbs. */
export const sum1 = (values: readonly number[]): number => round(values.reduce((total, value) => total + value, 0), 1);
