/**
 * The data quality index of the mirror, computed locally: how recent, how complete and how
 * exhaustive (around the kiosk) the directory is, for the whole territory and for each root
 * category. The rules are written for territory coordinators in the README's "Data quality
 * index": change both together.
 */
import type { CategoryNode } from '../../common/contract/kiosk-api';
import type { MirrorDatabase } from '../mirror-database';
import { categoryTree } from '../mirror-queries';
import { countEssentialsNear, readOldestPlaces, readScopeFacts, type ScopeFacts } from './quality-queries';

export const AGE_BUCKETS = ['under1m', '1to3m', '3to6m', '6to12m', 'over12m', 'unknown'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];
export const COMPLETENESS_CRITERIA = ['hours', 'phone', 'description', 'conditions', 'languages'] as const;
export type CompletenessCriterion = (typeof COMPLETENESS_CRITERIA)[number];

export interface QualityOptions {
  now: Date;
  /** Where the kiosk is: exhaustiveness is measured around it. */
  origin: { latitude: number; longitude: number };
  radiusMetres: number; // default used by callers: DEFAULT_QUALITY_RADIUS_METRES
  /** Leaf category ids whose absence near the kiosk is a gap ("no shower within 3 km"). */
  essentialCategories: readonly string[];
}

export interface ScopeExhaustiveness {
  radiusMetres: number;
  essential: { category: string; placesWithin: number }[];
  missing: string[];
}

export interface QualityScope {
  /** 'territory' for the whole mirror, else a root category id of categoryTree(). */
  id: string;
  placeCount: number;
  scores: { recency: number; completeness: number; exhaustiveness: number | null }; // each 0..5, one decimal
  recency: { recentShare: number; ages: Record<AgeBucket, number>; over12Months: number };
  completeness: Record<CompletenessCriterion, number>; // shares 0..1
  exhaustiveness: ScopeExhaustiveness | null;
}

export interface QualityIndex {
  computedAt: string;
  territory: QualityScope;
  categories: QualityScope[];
  oldestPlaces: { id: number; name: string; updatedAt: string | null }[];
}

export const DEFAULT_QUALITY_RADIUS_METRES = 3000;

/**
 * Services a person in the street looks for first; leaf ids of the Soliguide taxonomy
 * (sync/demo/demo-taxonomy.json), one or two per root category of basic needs.
 */
export const DEFAULT_ESSENTIAL_CATEGORIES: readonly string[] = [
  'food_distribution',
  'shower',
  'toilets',
  'laundry',
  'emergency_accommodation',
  'domiciliation',
  'french_course',
  'general_practitioner',
  'legal_advice',
  'job_coaching',
];

const OLDEST_PLACES_LIMIT = 50;

/** One decimal, as shown on the staff screen. */
const round1 = (value: number): number => Math.round(value * 10) / 10;
const share = (count: number, total: number): number => (total > 0 ? count / total : 0);

/** Every category id of each root's subtree (the root itself included), in display order. */
function rootSubtrees(roots: readonly CategoryNode[]): { id: string; categories: Set<string> }[] {
  return roots.map((root) => {
    const categories = new Set<string>();
    const visit = (node: CategoryNode): void => {
      categories.add(node.id);
      for (const child of node.children) visit(child);
    };
    visit(root);
    return { id: root.id, categories };
  });
}

const NO_FACTS: Omit<ScopeFacts, 'scope'> = {
  placeCount: 0,
  under1m: 0,
  from1to3m: 0,
  from3to6m: 0,
  from6to12m: 0,
  over12m: 0,
  unknown: 0,
  hours: 0,
  phone: 0,
  description: 0,
  conditions: 0,
  languages: 0,
};

function exhaustivenessOf(essentials: readonly string[], near: ReadonlyMap<string, number>, radiusMetres: number): ScopeExhaustiveness | null {
  if (essentials.length === 0) return null;
  const essential = essentials.map((category) => ({ category, placesWithin: near.get(category) ?? 0 }));
  return { radiusMetres, essential, missing: essential.filter((entry) => entry.placesWithin === 0).map((entry) => entry.category) };
}

function scopeOf(id: string, facts: Omit<ScopeFacts, 'scope'>, exhaustiveness: ScopeExhaustiveness | null): QualityScope {
  const total = facts.placeCount;
  const ages: Record<AgeBucket, number> = {
    under1m: facts.under1m,
    '1to3m': facts.from1to3m,
    '3to6m': facts.from3to6m,
    '6to12m': facts.from6to12m,
    over12m: facts.over12m,
    unknown: facts.unknown,
  };
  const recentShare = share(ages.under1m + ages['1to3m'] + ages['3to6m'], total);
  const completeness = Object.fromEntries(COMPLETENESS_CRITERIA.map((criterion) => [criterion, share(facts[criterion], total)])) as Record<
    CompletenessCriterion,
    number
  >;
  const meanCompleteness = COMPLETENESS_CRITERIA.reduce((sum, criterion) => sum + completeness[criterion], 0) / COMPLETENESS_CRITERIA.length;
  const covered = exhaustiveness ? exhaustiveness.essential.length - exhaustiveness.missing.length : 0;
  return {
    id,
    placeCount: total,
    scores: {
      recency: round1(5 * recentShare),
      completeness: round1(5 * meanCompleteness),
      exhaustiveness: exhaustiveness ? round1((5 * covered) / exhaustiveness.essential.length) : null,
    },
    recency: { recentShare, ages, over12Months: ages.over12m },
    completeness,
    exhaustiveness,
  };
}

/**
 * The index at `options.now`: three queries whatever the size of the mirror. Measured at about
 * 1.3 s on a generated mirror of 87 000 places and 350 000 services (2 cores), most of it the
 * JSON of the conditions and the place-to-root membership, so the kiosk computes it off its
 * main thread (quality-in-worker.ts). Nothing is cached here: the ages move with
 * `now`; the kiosk keeps one result per mirror state and day (host/kiosk-runtime.ts).
 */
export function qualityIndex(mirror: MirrorDatabase, options: QualityOptions): QualityIndex {
  const essentials = [...new Set(options.essentialCategories)];
  const roots = rootSubtrees(categoryTree(mirror));
  const categoryRoots = roots.flatMap((root) => [...root.categories].map((category) => [category, root.id] as const));
  const facts = new Map(readScopeFacts(mirror, options.now, categoryRoots).map((row) => [row.scope, row]));
  const near = countEssentialsNear(mirror, essentials, options.origin, options.radiusMetres);
  return {
    computedAt: options.now.toISOString(),
    // Essentials the mirror's taxonomy does not know still count, as missing, for the territory.
    territory: scopeOf('territory', facts.get(null) ?? NO_FACTS, exhaustivenessOf(essentials, near, options.radiusMetres)),
    categories: roots.map((root) =>
      scopeOf(
        root.id,
        facts.get(root.id) ?? NO_FACTS,
        exhaustivenessOf(
          essentials.filter((category) => root.categories.has(category)),
          near,
          options.radiusMetres,
        ),
      ),
    ),
    oldestPlaces: readOldestPlaces(mirror, OLDEST_PLACES_LIMIT),
  };
}
