/**
 * Shared helpers for the generator tests: one reference date, directories generated once per
 * test file, and walkers over every opening-hours object of a place.
 */
import { fileURLToPath } from 'node:url';
import { generateDirectory, type GeneratedDirectory, type GeneratorOptions } from '../../sync/generator/generate-directory';
import { WEEK } from '../../sync/generator/hours';
import type { LegacyTime, StoredOpeningHours, StoredPlace } from '../../sync/generator/stored-place';

/** A winter reference date (Paris on UTC+1): legacy local midnights are 23:00Z. */
export const NOW = new Date('2026-11-24T09:30:00Z');

export const FIXTURES = fileURLToPath(new URL('../../../shared/soliguide/fixtures/', import.meta.url));

const cache = new Map<string, GeneratedDirectory>();

/** Generates (once per file and options) a directory. */
export function directory(options: Partial<GeneratorOptions> = {}): GeneratedDirectory {
  const full: GeneratorOptions = { count: 5000, seed: 20_261_124, departments: ['67', '68', '75', '974', '973'], now: NOW, ...options };
  const key = JSON.stringify(full);
  let generated = cache.get(key);
  if (generated === undefined) {
    generated = generateDirectory(full);
    cache.set(key, generated);
  }
  return generated;
}

export function haversineKm(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const [lon1, lat1] = a;
  const [lon2, lat2] = b;
  const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

export interface LabelledHours {
  where: string;
  hours: StoredOpeningHours<LegacyTime>;
}

/** Every opening-hours object of a place: newhours, services, temporary hours, itinerary stops. */
export function allHours(place: StoredPlace): LabelledHours[] {
  const found: LabelledHours[] = [{ where: 'newhours', hours: place.newhours }];
  place.services_all.forEach((service, index) => found.push({ where: `services_all[${index}].hours`, hours: service.hours }));
  if (place.tempInfos.hours.hours !== null) found.push({ where: 'tempInfos.hours.hours', hours: place.tempInfos.hours.hours });
  place.parcours.forEach((stop, index) => found.push({ where: `parcours[${index}].hours`, hours: stop.hours }));
  return found;
}

export { WEEK };
