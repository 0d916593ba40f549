/** How fresh and whole the mirror is, for the staff screen: the last passes, the oldest record, what was quarantined. */
import type { KioskResponse } from '../../common/contract/kiosk-api';
import type { MirrorDatabase } from '../../sync/mirror-database';
import { mirrorSummary } from '../../sync/mirror-queries';
import { memoOnMirror } from '../../sync/read/search-points';

type DataView = KioskResponse<'staffOverview'>['data'];
type RunView = NonNullable<DataView['lastRun']>;

interface RunRow {
  run_id: number;
  kind: RunView['kind'];
  outcome: RunView['outcome'];
  started_at: string;
  finished_at: string | null;
  error: string | null;
  places: number | null;
  added: number | null;
  updated: number | null;
  hidden: number | null;
  quarantined: number | null;
}

const RUN_COLUMNS = 'run_id, kind, outcome, started_at, finished_at, error, places, added, updated, hidden, quarantined';

const iso = (text: string): string => new Date(text).toISOString();

function view(row: RunRow | undefined): RunView | null {
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
  const last = (kind: string | null): RunRow | undefined =>
    mirror
      .prepare<[], RunRow>(`SELECT ${RUN_COLUMNS} FROM sync_runs ${kind ? `WHERE kind = '${kind}'` : ''} ORDER BY run_id DESC LIMIT 1`)
      .get();
  const oldest = memoOnMirror(mirror, 'oldest-updated', () =>
    mirror.prepare<[], string | null>('SELECT min(updated_at) FROM places WHERE updated_at IS NOT NULL').pluck().get() ?? null,
  );
  const quarantineRun = mirror
    .prepare<[], number>('SELECT run_id FROM sync_runs WHERE quarantined > 0 ORDER BY run_id DESC LIMIT 1')
    .pluck()
    .get();
  const quarantined =
    quarantineRun === undefined
      ? []
      : mirror
          .prepare<[number, number], { lieuId: number | null; reason: string }>(
            'SELECT lieu_id AS lieuId, reason FROM quarantined_records WHERE run_id = ? ORDER BY rowid LIMIT ?',
          )
          .all(quarantineRun, QUARANTINE_SHOWN);
  const quarantinedCount =
    quarantineRun === undefined ? 0 : (mirror.prepare<[number], number>('SELECT quarantined FROM sync_runs WHERE run_id = ?').pluck().get(quarantineRun) ?? 0);
  return {
    demo: demo || summary.source === 'demo',
    date: summary.dataDate,
    placeCount: summary.placeCount,
    oldestUpdatedAt: oldest,
    lastFull: view(last('full')),
    lastLight: view(last('light')),
    lastRun: view(last(null)),
    quarantined,
    quarantinedCount,
  };
}
