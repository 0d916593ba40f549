/**
 * Which categories generated services carry, and how often. Services always store a LEAF of the
 * French category graph (API.md §3.1); the graph is the one the demo mirror ships.
 */
import taxonomy from '../demo/demo-taxonomy.json';
import type { Random } from './random';

interface TaxonomyNode {
  id: string;
  rank: number;
  children: readonly TaxonomyNode[];
}

const ROOTS = taxonomy as readonly TaxonomyNode[];

/** Leaf id → ids of its roots (a leaf may sit under two roots, API.md §6 trap 20). */
const ROOTS_OF_LEAF = new Map<string, Set<string>>();
/** Leaf id → ids of its direct parents. */
const PARENTS_OF_LEAF = new Map<string, Set<string>>();

function visit(node: TaxonomyNode, root: string, parent: string): void {
  if (node.children.length === 0) {
    const roots = ROOTS_OF_LEAF.get(node.id) ?? new Set<string>();
    roots.add(root);
    ROOTS_OF_LEAF.set(node.id, roots);
    const parents = PARENTS_OF_LEAF.get(node.id) ?? new Set<string>();
    parents.add(parent);
    PARENTS_OF_LEAF.set(node.id, parents);
    return;
  }
  for (const child of node.children) visit(child, root, node.id);
}
for (const root of ROOTS) for (const child of root.children) visit(child, root.id, root.id);

export const LEAF_CATEGORIES: ReadonlySet<string> = new Set(ROOTS_OF_LEAF.keys());

/** Leaves with two parents (child_care, psychiatry, psychological_support, medical_accommodation, parent_assistance). */
export const MULTI_PARENT_LEAVES: readonly string[] = [...PARENTS_OF_LEAF].filter(([, parents]) => parents.size > 1).map(([id]) => id);

/** Left out of category-less and parent searches (API.md §3.2 / §6 trap 4). */
export const HIDDEN_LEAVES: readonly string[] = [...LEAF_CATEGORIES].filter(
  (id) => ['wifi', 'toilets', 'fountain', 'electrical_outlets_available'].includes(id) || id.startsWith('addiction_'),
);

const ROOT_LISTS = new Map<string, readonly string[]>([...ROOTS_OF_LEAF].map(([leaf, roots]) => [leaf, Object.freeze([...roots])]));

/** The roots a leaf sits under (one list per leaf, shared: do not modify). */
export function rootsOfLeaf(leaf: string): readonly string[] {
  return ROOT_LISTS.get(leaf) ?? [];
}

/**
 * How common each theme is among services, roughly as in the Soliguide directory: food, shelter,
 * hygiene, health and counselling dominate.
 */
const ROOT_WEIGHTS: Readonly<Record<string, number>> = {
  food: 20,
  counseling: 17,
  health: 14,
  accomodation_and_housing: 12,
  hygiene_and_wellness: 11,
  welcome: 8,
  equipment: 6,
  training_and_jobs: 6,
  technology: 3,
  activities: 2,
  mobility: 1,
};

/** Leaves that are much more frequent than their siblings. */
const LEAF_BOOST: Readonly<Record<string, number>> = {
  food_distribution: 5,
  food_packages: 3,
  social_grocery_stores: 3,
  social_accompaniment: 5,
  domiciliation: 3,
  administrative_assistance: 3,
  legal_advice: 2,
  emergency_accommodation: 4,
  access_to_housing: 2,
  shower: 4,
  laundry: 2,
  hygiene_products: 2,
  day_hosting: 4,
  clothing: 4,
  general_practitioner: 4,
  health_coverage: 3,
  infirmary: 2,
  french_course: 3,
  job_coaching: 2,
};

const SPECIAL = new Set([...MULTI_PARENT_LEAVES, ...HIDDEN_LEAVES]);

/**
 * The everyday pools exclude multi-parent and hidden leaves: those are placed on purpose, in the
 * proportions of TRAP_PROPORTIONS, so a test can count them exactly.
 */
const POOL_BY_ROOT = new Map<string, Record<string, number>>();
const EVERYDAY_POOL: Record<string, number> = {};
for (const root of ROOTS) {
  const leaves = new Set<string>();
  const collect = (node: TaxonomyNode): void => {
    if (node.children.length === 0) leaves.add(node.id);
    else node.children.forEach(collect);
  };
  root.children.forEach(collect);
  const everyday = [...leaves].filter((leaf) => !SPECIAL.has(leaf));
  const boostTotal = everyday.reduce((sum, leaf) => sum + (LEAF_BOOST[leaf] ?? 1), 0);
  const pool: Record<string, number> = {};
  for (const leaf of everyday) {
    pool[leaf] = LEAF_BOOST[leaf] ?? 1;
    EVERYDAY_POOL[leaf] = (EVERYDAY_POOL[leaf] ?? 0) + ((ROOT_WEIGHTS[root.id] ?? 1) * (LEAF_BOOST[leaf] ?? 1)) / boostTotal;
  }
  POOL_BY_ROOT.set(root.id, pool);
}

export function everydayLeaf(random: Random): string {
  return random.weighted(EVERYDAY_POOL);
}

/** A leaf of the same theme: places tend to offer related services (a food bank and a grocery). */
export function everydayLeafOfRoot(root: string, random: Random): string {
  const pool = POOL_BY_ROOT.get(root);
  return pool === undefined ? everydayLeaf(random) : random.weighted(pool);
}

/** Legacy numeric ids still stored beside `category` (API.md §3.4; Soliguide's LEGACY_CATEGORIES). */
export const LEGACY_CATEGORY_NUMBERS: Readonly<Record<string, number>> = {
  std_testing: 102, psychological_support: 103, child_care: 104, general_practitioner: 105, dental_care: 106,
  pregnancy_care: 107, vaccination: 108, infirmary: 109, vet_care: 110, allergology: 1101, cardiology: 1102,
  dermatology: 1103, endocrinology: 1105, gastroenterology: 1106, gynecology: 1107, kinesitherapy: 1108,
  otorhinolaryngology: 1111, nutrition: 1112, pedicure: 1113, phlebology: 1114, pneumology: 1115, radiology: 1116,
  rheumatology: 1117, urology: 1118, speech_therapy: 1119, stomatology: 1120, osteopathy: 1121,
  transportation_mobility: 1201, personal_vehicle_access: 1202, mobility_financing: 1204, digital_tools_training: 201,
  french_course: 202, job_coaching: 203, integration_through_economic_activity: 204, tutoring: 205, shower: 301,
  laundry: 302, wellness: 303, toilets: 304, hygiene_products: 305, face_masks: 306, legal_advice: 401,
  domiciliation: 402, social_accompaniment: 403, public_writer: 404, disability_advice: 405,
  administrative_assistance: 406, parent_assistance: 407, budget_advice: 408, computers_at_your_disposal: 501,
  wifi: 502, electrical_outlets_available: 503, telephone_at_your_disposal: 504, digital_safe: 505,
  food_distribution: 601, food_packages: 603, social_grocery_stores: 604, fountain: 605, day_hosting: 701,
  rest_area: 702, babysitting: 703, family_area: 704, information_point: 705, sport_activities: 801, museums: 802,
  libraries: 803, other_activities: 804, luggage_storage: 901, solidarity_store: 902, clothing: 903,
  animal_assitance: 904, overnight_stop: 1301, emergency_accommodation: 1302, long_term_accomodation: 1303,
  citizen_housing: 1304, access_to_housing: 1305,
};
