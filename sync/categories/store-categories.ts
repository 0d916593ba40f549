/**
 * Writes the category graph as `GET /v2/categories` gives it (API.md §3: a tree of
 * `{ id, rank, children }` in which multi-parent leaves appear once under each parent) into the
 * mirror's `categories` and `category_links` tables, replacing what was there.
 */
import type { MirrorDatabase } from '../mirror-database';

export interface ApiCategoryNode {
  id: string;
  rank: number;
  children: ApiCategoryNode[];
}

/** Must run inside the caller's transaction, so that the graph is replaced in one step. */
export function replaceCategories(db: MirrorDatabase, roots: readonly ApiCategoryNode[]): number {
  db.prepare('DELETE FROM category_links').run();
  db.prepare('DELETE FROM categories').run();
  const insertCategory = db.prepare(
    'INSERT INTO categories (id, root_rank) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET root_rank = coalesce(excluded.root_rank, root_rank)',
  );
  const insertLink = db.prepare('INSERT OR IGNORE INTO category_links (parent_id, child_id, rank) VALUES (?, ?, ?)');
  const seen = new Set<string>();
  const visit = (node: ApiCategoryNode, parent: ApiCategoryNode | null): void => {
    insertCategory.run(node.id, parent ? null : node.rank);
    seen.add(node.id);
    if (parent) insertLink.run(parent.id, node.id, node.rank);
    for (const child of node.children) visit(child, node);
  };
  for (const root of roots) visit(root, null);
  return seen.size;
}
