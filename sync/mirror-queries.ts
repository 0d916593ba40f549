/** Read-side questions the handlers ask the mirror. */
import type { CategoryNode } from '../common/contract/kiosk-api';
import type { MirrorDatabase } from './mirror-database';

export type MirrorSource = 'soliguide' | 'demo';

export interface MirrorSummary {
  source: MirrorSource | null;
  dataDate: string | null;
  placeCount: number;
}

export function readMeta(db: MirrorDatabase, key: string): string | null {
  const row = db.prepare('SELECT value FROM mirror_meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeMeta(db: MirrorDatabase, key: string, value: string): void {
  db.prepare('INSERT INTO mirror_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}

export function mirrorSummary(db: MirrorDatabase): MirrorSummary {
  const source = readMeta(db, 'source');
  const { count } = db.prepare('SELECT count(*) AS count FROM places').get() as { count: number };
  return {
    source: source === 'demo' || source === 'soliguide' ? source : null,
    dataDate: readMeta(db, 'data_date'),
    placeCount: count,
  };
}

interface LinkRow {
  parent_id: string;
  child_id: string;
  rank: number;
}

/** The category graph as a tree in display order; multi-parent categories appear under each parent. */
export function categoryTree(db: MirrorDatabase): CategoryNode[] {
  const roots = db
    .prepare('SELECT id, root_rank AS rank FROM categories WHERE root_rank IS NOT NULL ORDER BY root_rank, id')
    .all() as { id: string; rank: number }[];
  const links = db.prepare('SELECT parent_id, child_id, rank FROM category_links ORDER BY rank, child_id').all() as LinkRow[];
  const childrenOf = new Map<string, LinkRow[]>();
  for (const link of links) {
    const list = childrenOf.get(link.parent_id) ?? [];
    list.push(link);
    childrenOf.set(link.parent_id, list);
  }
  const build = (id: string, rank: number, path: ReadonlySet<string>): CategoryNode => ({
    id,
    rank,
    // `path` guards against a cycle in bad data: the graph is meant to be acyclic.
    children: (childrenOf.get(id) ?? [])
      .filter((link) => !path.has(link.child_id))
      .map((link) => build(link.child_id, link.rank, new Set([...path, link.child_id]))),
  });
  return roots.map((root) => build(root.id, root.rank, new Set([root.id])));
}
