/** How fresh and whole the mirror is, for the staff screen: the last passes, the oldest record, what was quarantined. */
import type { KioskResponse } from '../../common/contract/kiosk-api';
import type { MirrorDatabase } from '../../sync/mirror-database';
import { mirrorSummary } from '../../sync/mirror-queries';
import { lastRun, type SyncRunRow } from '../../sync/sync-runs';
import { memoOnMirror } from '../../sync/read/search-points';

type DataView = KioskResponse<'staffOverview'>['data'];
type RunView = NonNullable<DataView['lastRun']>;

const iso = (text: string): string => new Date(text).toISOString();

function view(row: SyncRunRow | null): RunView | null {
  if (!row) return null;
  return {
    kind: row.kind,
    outcome: row.outcome,
    startedAt: iso(row.started_at),
    finishedAt: row.finished_at === null ? null : iso(row.finished_at),
    error: row.error,
    places: row.places,
    added: row.added,
    updated: row.updated,
    hidden: row.hidden,
    quarantined: row.quarantined,
  };
}

/** Quarantined records listed for staff (the count says how many in all). */
const QUARANTINE_SHOWN = 50;

export function dataStatus(mirror: MirrorDatabase, demo: boolean): Omit<DataView, 'syncing' | 'canSync' | 'nextRuns'> {
  const summary = memoOnMirror(mirror, 'summary', () => mirrorSummary(mirror));
  const oldest = memoOnMirror(mirror, 'oldest-updated', () =>
    mirror.prepare<[], string | null>('SELECT min(updated_at) FROM places WHERE updated_at IS NOT NULL').pluck().get() ?? null,
  );
  const quarantineRun = mirror
    .prepare<[], { runId: number; count: number }>('SELECT run_id AS runId, quarantined AS count FROM sync_runs WHERE quarantined > 0 ORDER BY run_id DESC LIMIT 1')
    .get();
  const quarantined = quarantineRun
    ? mirror
        .prepare<[number, number], { lieuId: number | null; reason: string }>(
          'SELECT lieu_id AS lieuId, reason FROM quarantined_records WHERE run_id = ? ORDER BY rowid LIMIT ?',
        )
        .all(quarantineRun.runId, QUARANTINE_SHOWN)
    : [];
  const quarantinedCount = quarantineRun?.count ?? 0;
  return {
    demo: demo || summary.source === 'demo',
    date: summary.dataDate,
    placeCount: summary.placeCount,
    oldestUpdatedAt: oldest,
    lastFull: view(lastRun(mirror, 'full')),
    lastLight: view(lastRun(mirror, 'light')),
    lastRun: view(lastRun(mirror)),
    quarantined,
    quarantinedCount,
  };
}
