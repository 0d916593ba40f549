/**
 * The services of a place (API.md §2.7): a leaf category each, hours/modalities/publics copied
 * from the place unless `different*`, a closure, crowding, legacy `categorie`/`name`/`jobsList`.
 */
import { copyModalities, copyPublics, generateModalities, generatePublics, type EmptyText } from './access-rules';
import { isoString, objectId } from './calendar';
import { everydayLeaf, everydayLeafOfRoot, HIDDEN_LEAVES, LEGACY_CATEGORY_NUMBERS, MULTI_PARENT_LEAVES, rootsOfLeaf } from './category-pools';
import { copyHours, generateHours } from './hours';
import { text } from './flat-text';
import type { PlacePlan } from './place-plan';
import type { Random } from './random';
import { ROOT_PHRASES, type Phrase } from './root-phrases';
import type { StoredCategorySpecificFields, StoredModalities, StoredPlaceHours, StoredPublics, StoredService } from './stored-place';
import { noServiceClosure, serviceClosure, type DateEncoding } from './temp-infos';

/** Labels that old records stored in the legacy `name` field. */
const LEGACY_NAMES: Readonly<Record<string, string>> = {
  social_accompaniment: 'Accompagnement social',
  food_distribution: 'Distribution de repas',
  emergency_accommodation: "Hébergement d'urgence",
  shower: 'Douches',
  clothing: 'Vestiaire',
  domiciliation: 'Domiciliation',
};

/** Crowding as services report it: mostly fine, sometimes saturated. */
const CROWDING = { LOW: 80, MODERATE: 12, HIGH: 8 } as const;

function specificFields(category: string, random: Random): StoredCategorySpecificFields | undefined {
  switch (category) {
    case 'food_distribution':
      return random.chance(0.5)
        ? { serviceStyleType: [random.pick(['indoor_seating', 'take_away', 'outdoor_seating'] as const)], canteensMealType: random.pick(['petitdej', 'dejeuner', 'diner'] as const) }
        : { serviceStyleType: ['take_away'] };
    case 'food_packages':
    case 'social_grocery_stores':
      return { foodProductType: ['dry_products', 'fruits_and_vegetables', 'hygiene_products'].filter(() => random.chance(0.7)) };
    case 'sport_activities':
    case 'other_activities':
      return { activityName: random.pick(['Football', 'Atelier théâtre', 'Randonnée', 'Chorale', 'Atelier couture']) };
    case 'french_course':
      return { courseType: random.pick(['alphabetisation', 'asl', 'fle'] as const) };
    case 'domiciliation':
      return { domiciliationType: random.pick(['domi1', 'domi2'] as const) };
    case 'hygiene_products':
      return { hygieneProductType: random.pick(['sanitary_materials', 'other_care_products'] as const) };
    default:
      return undefined;
  }
}

function categoriesFor(plan: PlacePlan, primary: string, random: Random, mean: number | undefined): string[] {
  if (plan.noServices) return [];
  const roll = random.next();
  // Given a mean: uniform from 1 to 2×mean−1 (the same mean); else the directory's spread.
  const drawn = mean === undefined ? (roll < 0.45 ? 1 : roll < 0.75 ? 2 : roll < 0.92 ? 3 : 4) : 1 + Math.floor(roll * (2 * mean - 1));
  const count = Math.max(drawn, 1 + (plan.multiParentCategory && plan.hiddenCategory ? 1 : 0));
  const categories = [primary];
  while (categories.length < count) {
    const candidate = random.chance(0.6) ? everydayLeafOfRoot(rootsOfLeaf(primary)[0] ?? '', random) : everydayLeaf(random);
    if (!categories.includes(candidate)) categories.push(candidate);
  }
  // Special leaves go last so that the first service keeps the theme the place is named after
  // (unless the place has a single service).
  let slot = categories.length - 1;
  if (plan.hiddenCategory) categories[slot--] = random.pick(HIDDEN_LEAVES);
  if (plan.multiParentCategory) categories[Math.max(slot, 0)] = random.pick(MULTI_PARENT_LEAVES);
  return categories;
}

export interface ServicesInput {
  plan: PlacePlan;
  primaryCategory: string;
  hours: StoredPlaceHours;
  modalities: StoredModalities;
  publics: StoredPublics;
  empty: EmptyText;
  today: number;
  encoding: DateEncoding;
  lieuId: number;
  createdMs: number;
  updatedMs: number;
  servicesPerPlace?: number | undefined;
}

export interface GeneratedServices {
  services: StoredService[];
  /** The sentence each service description was made of, for its translations. */
  descriptionPhrases: (Phrase | null)[];
}

export function generateServices(input: ServicesInput, random: Random): GeneratedServices {
  const { plan } = input;
  const categories = categoriesFor(plan, input.primaryCategory, random, input.servicesPerPlace);
  const last = categories.length - 1;
  const differentHoursAt = plan.differentHours ? random.int(0, last) : -1;
  const differentModalitiesAt = plan.differentModalities ? random.int(0, last) : -1;
  const differentPublicsAt = plan.differentPublics ? random.int(0, last) : -1;
  const closedAt = plan.serviceClosure ? random.int(0, last) : -1;
  const services: StoredService[] = [];
  const descriptionPhrases: (Phrase | null)[] = [];
  for (let index = 0; index < categories.length; index++) {
    const category = categories[index] as string;
    const createdMs = input.createdMs + Math.floor(random.next() * Math.max(0, input.updatedMs - input.createdMs));
    const phrase = random.chance(0.5) ? (ROOT_PHRASES[rootsOfLeaf(category)[0] ?? ''] ?? null) : null;
    descriptionPhrases.push(phrase);
    const service: StoredService = {
      close: index === closedAt ? serviceClosure(input.today, input.encoding, false, random) : noServiceClosure(),
      saturated: {
        precision: random.chance(0.1) ? 'Forte affluence en fin de mois' : input.empty,
        status: random.weighted(CROWDING),
      },
      description: phrase === null ? null : random.chance(0.7) ? text('<p>', phrase.fr, '</p>') : phrase.fr,
      differentHours: index === differentHoursAt,
      differentModalities: index === differentModalitiesAt,
      differentPublics: index === differentPublicsAt,
      hours:
        index === differentHoursAt
          ? generateHours(random.pick(['sparse', 'mornings'] as const), {
              closedHolidays: input.hours.closedHolidays,
              legacyDayKeys: input.plan.legacyHoursKeys,
              description: null,
            }, random)
          : copyHours(input.hours),
      jobsList: random.chance(0.5) ? null : '',
      modalities:
        index === differentModalitiesAt
          ? generateModalities({ orientation: false, empty: input.empty, withDocs: input.modalities.docs !== undefined, withThermalComfort: false }, random)
          : copyModalities(input.modalities),
      name: random.chance(0.3) ? (LEGACY_NAMES[category] ?? null) : null,
      publics: index === differentPublicsAt ? generatePublics(random, input.empty) : copyPublics(input.publics),
      serviceObjectId: objectId(createdMs, input.lieuId * 8 + 1 + index, random),
      isOpenToday: false, // computed once temp infos are known
      createdAt: isoString(Math.floor(createdMs / 1000) * 1000),
      category,
    };
    const legacyNumber = LEGACY_CATEGORY_NUMBERS[category];
    if (legacyNumber !== undefined) service.categorie = legacyNumber;
    const fields = specificFields(category, random);
    if (fields !== undefined) service.categorySpecificFields = fields;
    services.push(service);
  }
  return { services, descriptionPhrases };
}
