/**
 * A deterministic generator of realistic Soliguide places in the exact stored shape
 * (`shared/soliguide/fixtures/places-db.json`) with their translation documents, for the mirror,
 * the stand-in server and load tests. Every trap of API.md §6 appears in the shares of
 * TRAP_PROPORTIONS; `trapsOf` finds them back. Environment-free: no Node, DOM or clock access.
 */
import { buildPlace } from './build-place';
import { localDay } from './calendar';
import { findDepartment, type FrenchDepartment, type FrenchTown } from './french-towns';
import { drawPlan } from './place-plan';
import { createRandom, deriveSeed, type Random } from './random';
import type { StoredPlace, StoredTranslation } from './stored-place';
import { generateTranslation } from './translations';

export type { StoredPlace, StoredTranslation } from './stored-place';
export { TRAP_PROPORTIONS, flatTrapProportions, type TrapName } from './trap-proportions';
export { trapsOf, type DetectedTrap } from './traps-of';

export interface GeneratorOptions {
  /** 10 .. 100 000 places (LIEU and PARCOURS_MOBILE together). */
  count: number;
  /** Same seed and options ⇒ byte-identical output. */
  seed: number;
  /** INSEE department codes ("67", "2A", "974"); places spread over real towns of these. */
  departments: string[];
  /** Reference date: temporary information is past/current/future relative to it. */
  now: Date;
  /**
   * Average number of services per place with services, 1 to 6 (default: the directory's own
   * spread, about 1.9). Load tests use 4 to reach "100 000 places and ~400 000 services".
   */
  servicesPerPlace?: number;
}

export interface GeneratedDirectory {
  /** All statuses: mostly ONLINE/ALL, some OFFLINE, DRAFT, PERMANENTLY_CLOSED, PRO. */
  places: StoredPlace[];
  /** Translation documents for a share of the places (TRAP_PROPORTIONS.translated). */
  translations: StoredTranslation[];
}

export const MIN_COUNT = 10;
export const MAX_COUNT = 100_000;

/** Bigger towns get more places: weights 6, 5, 4 … for the towns in population order. */
function pickTown(department: FrenchDepartment, random: Random): FrenchTown {
  const towns = department.towns;
  const total = (towns.length * (towns.length + 1)) / 2;
  let roll = random.next() * total;
  for (let index = 0; index < towns.length; index++) {
    roll -= towns.length - index;
    if (roll < 0) return towns[index] as FrenchTown;
  }
  return towns[towns.length - 1] as FrenchTown;
}

function validate(options: GeneratorOptions): FrenchDepartment[] {
  const { count, seed, departments, now } = options;
  if (!Number.isInteger(count) || count < MIN_COUNT || count > MAX_COUNT) {
    throw new RangeError(`GeneratorOptions.count is ${count}; expected an integer from ${MIN_COUNT} to ${MAX_COUNT}.`);
  }
  if (!Number.isInteger(seed)) throw new RangeError(`GeneratorOptions.seed is ${seed}; expected an integer.`);
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new RangeError('GeneratorOptions.now is not a valid Date.');
  if (options.servicesPerPlace !== undefined && !(options.servicesPerPlace >= 1 && options.servicesPerPlace <= 6)) {
    throw new RangeError(`GeneratorOptions.servicesPerPlace is ${options.servicesPerPlace}; expected a number from 1 to 6.`);
  }
  if (departments.length === 0) throw new RangeError('GeneratorOptions.departments is empty; expected codes such as ["67", "68"].');
  return departments.map((code) => {
    const department = findDepartment(code);
    if (department === undefined) {
      throw new RangeError(`GeneratorOptions.departments contains "${code}", which is not a French department code (01–95, 2A, 2B, 971–976).`);
    }
    return department;
  });
}

export function generateDirectory(options: GeneratorOptions): GeneratedDirectory {
  const departments = validate(options);
  const places: StoredPlace[] = [];
  const translations: StoredTranslation[] = [];
  let previousSeoUrl: string | null = null;
  const nowMs = options.now.getTime();
  const parisDay = localDay(nowMs, 'Europe/Paris');
  const todayByZone = new Map(departments.map((department) => [department.timeZone, localDay(nowMs, department.timeZone)]));
  for (let index = 0; index < options.count; index++) {
    // One stream per place: the draws of place N depend only on (seed, N), whatever the count.
    const random = createRandom(deriveSeed(options.seed, index));
    const plan = drawPlan(random);
    const department = random.pick(departments);
    const town = pickTown(department, random);
    const today = todayByZone.get(department.timeZone) as number;
    const built = buildPlace({ lieuId: index + 1, plan, department, town, now: options.now, today, parisDay, previousSeoUrl, servicesPerPlace: options.servicesPerPlace }, random);
    places.push(built.place);
    previousSeoUrl = built.place.seo_url;
    if (plan.translated) {
      translations.push(
        generateTranslation({
          place: built.place,
          descriptionPhrases: built.descriptionPhrases,
          servicePhrases: built.servicePhrases,
          rtl: plan.rtlTranslations,
          createdMs: built.createdMs,
          updatedMs: built.updatedMs,
        }, random),
      );
    }
  }
  return { places, translations };
}
