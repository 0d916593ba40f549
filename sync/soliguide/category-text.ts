/**
 * What the full-text index knows of a place's categories: each category id, its ancestors, and
 * their French labels from the kiosk's own catalogue, so that "santé" finds a dentist.
 */
import fr from '../../locales/fr.json';
import type { ApiCategoryNode } from '../categories/store-categories';
import type { CategoryText } from './map-place';

const LABELS: Record<string, string> = fr.categories;

export function categoryTextFor(roots: readonly ApiCategoryNode[]): CategoryText {
  const parents = new Map<string, Set<string>>();
  const visit = (node: ApiCategoryNode, parent: string | null): void => {
    const set = parents.get(node.id) ?? new Set<string>();
    if (parent) set.add(parent);
    parents.set(node.id, set);
    node.children.forEach((child) => visit(child, node.id));
  };
  roots.forEach((root) => visit(root, null));
  const cache = new Map<string, string[]>();
  const lineage = (id: string): string[] => {
    const known = cache.get(id);
    if (known) return known;
    const all = new Set<string>([id]);
    const stack = [id];
    while (stack.length > 0) {
      for (const parent of parents.get(stack.pop() as string) ?? []) {
        if (!all.has(parent)) {
          all.add(parent);
          stack.push(parent);
        }
      }
    }
    const list = [...all];
    cache.set(id, list);
    return list;
  };
  return (categoryIds) => {
    const ids = new Set(categoryIds.flatMap(lineage));
    return [...ids].map((id) => `${id} ${LABELS[id] ?? ''}`.trim()).join(' ');
  };
}
