/**
 * The French category graph as the API knows it for partners (API.md §3: API users get the FR
 * graph, theme `null`), read from the project's `sync/demo/demo-taxonomy.json` (the same tree as
 * `GET /v2/categories`, multi-parent leaves repeated under each parent).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export interface TaxonomyNode {
  id: string;
  rank: number;
  children: TaxonomyNode[];
}

/** One node of `GET /v2/categories`, keys in the API's order (fixtures/example-4). */
export interface ApiCategoryTreeNode {
  id: string;
  depth?: number;
  parent?: string | null;
  rank: number;
  children: ApiCategoryTreeNode[];
  rootParent?: string;
}

const taxonomyNode: z.ZodType<TaxonomyNode> = z.lazy(() =>
  z.object({ id: z.string().min(1), rank: z.number(), children: z.array(taxonomyNode) }),
);

/** Ids of the `Categories` enum used only in Spain/Andorra (API.md §3.1): valid in requests, absent from the FR graph. */
const NON_FR_CATEGORY_IDS = ['neurology', 'vascular_surgery', 'catalan_course', 'spanish_course', 'legal_protection', 'regularization', 'climate_refuge'];

/** `DEFAULT_SERVICES_TO_EXCLUDE_WITH_ADDICTION` (API.md §1.4). */
export const DEFAULT_EXCLUDED_CATEGORIES = ['addictions', 'toilets', 'wifi', 'electrical_outlets_available', 'fountain'];

/** Old ids rewritten before validation for API users (API.md §3.5). */
export const LEGACY_CATEGORY_IDS: Readonly<Record<string, string>> = {
  chauffeur_driven_transport: 'transportation_mobility',
  carpooling: 'transportation_mobility',
  mobility_assistance: 'mobility_financing',
  provision_of_vehicles: 'personal_vehicle_access',
  echography: 'pregnancy_care',
  mammography: 'std_testing',
  ophthalmology: 'optical_care',
  addiction: 'addiction_prevention_and_material',
};

export class Taxonomy {
  /** Every id of the `Categories` enum a request may name. */
  readonly validIds: ReadonlySet<string>;
  private readonly childrenById = new Map<string, string[]>();
  private readonly leavesCache = new Map<string, string[]>();

  constructor(readonly roots: readonly TaxonomyNode[]) {
    const visit = (node: TaxonomyNode): void => {
      const known = this.childrenById.get(node.id) ?? [];
      for (const child of node.children) if (!known.includes(child.id)) known.push(child.id);
      this.childrenById.set(node.id, known);
      node.children.forEach(visit);
    };
    roots.forEach(visit);
    this.validIds = new Set([...this.childrenById.keys(), ...NON_FR_CATEGORY_IDS]);
  }

  /** Every leaf id of the FR graph. */
  allLeaves(): string[] {
    return this.leavesOf(this.roots.map((root) => root.id));
  }

  /**
   * `getFlatLeavesFromRootCategories`: the leaf descendants of each id, a leaf being its own
   * expansion. An id outside the graph expands to itself, so it only matches services stored with
   * exactly that id (the Spanish-only ids behave so for a French partner).
   */
  leavesOf(ids: readonly string[]): string[] {
    const leaves = new Set<string>();
    for (const id of ids) for (const leaf of this.leavesOfOne(id)) leaves.add(leaf);
    return [...leaves];
  }

  private leavesOfOne(id: string): string[] {
    const cached = this.leavesCache.get(id);
    if (cached) return cached;
    const children = this.childrenById.get(id) ?? [];
    const leaves = children.length === 0 ? [id] : this.leavesOf(children);
    this.leavesCache.set(id, leaves);
    return leaves;
  }

  /** The `GET /v2/categories` body (API.md §1.10): roots `{id, depth, parent, rank, children, rootParent}`. */
  apiTree(): ApiCategoryTreeNode[] {
    const child = (node: TaxonomyNode, depth: number, parent: string, rootParent: string): ApiCategoryTreeNode => ({
      id: node.id,
      rank: node.rank,
      children: node.children.map((c) => child(c, depth + 1, node.id, rootParent)),
      depth,
      parent,
      rootParent,
    });
    return this.roots.map((root) => ({
      id: root.id,
      depth: 0,
      parent: null,
      rank: root.rank,
      children: root.children.map((c) => child(c, 1, root.id, root.id)),
      rootParent: root.id,
    }));
  }
}

const TAXONOMY_FILE = new URL('../../sync/demo/demo-taxonomy.json', import.meta.url);
let loaded: Taxonomy | null = null;

/** The FR graph, read once; a malformed file names itself and the first offending path. */
export function frenchTaxonomy(): Taxonomy {
  if (loaded) return loaded;
  const parsed = z.array(taxonomyNode).safeParse(JSON.parse(readFileSync(TAXONOMY_FILE, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${TAXONOMY_FILE.pathname}: expected an array of {id, rank, children} at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`);
  }
  loaded = new Taxonomy(parsed.data);
  return loaded;
}
