/**
 * Turn-by-turn steps in our own small vocabulary, whatever the routing service: both the IGN
 * Géoplateforme (Road2 over OSRM) and OSRM describe a step with OSRM's maneuver `type` and
 * `modifier`. Each maneuver has one sentence per language (`route.<maneuver>` in locales/).
 */
export const MANEUVERS = [
  'depart',
  'straight',
  'left',
  'right',
  'slightLeft',
  'slightRight',
  'sharpLeft',
  'sharpRight',
  'uturn',
  'roundabout',
  'arrive',
] as const;
export type Maneuver = (typeof MANEUVERS)[number];

export interface RouteStep {
  maneuver: Maneuver;
  /** Roundabout exit number, when the service gives it. */
  exit: number | null;
  /** The street walked along after the maneuver, as on street signs; null when it has no name. */
  street: string | null;
  /** Metres walked in this step. */
  distanceMetres: number;
}

const BY_MODIFIER: Record<string, Maneuver> = {
  left: 'left',
  right: 'right',
  'slight left': 'slightLeft',
  'slight right': 'slightRight',
  'sharp left': 'sharpLeft',
  'sharp right': 'sharpRight',
  straight: 'straight',
  uturn: 'uturn',
};

/** OSRM `type`/`modifier` → our maneuver; null for steps that say nothing to a walker. */
export function maneuverOf(type: string, modifier: string | undefined): Maneuver | null {
  if (type === 'depart') return 'depart';
  if (type === 'arrive') return 'arrive';
  if (type === 'roundabout' || type === 'rotary' || type === 'roundabout turn') return 'roundabout';
  if (type === 'exit roundabout' || type === 'exit rotary') return null;
  return (modifier !== undefined ? BY_MODIFIER[modifier] : undefined) ?? 'straight';
}
