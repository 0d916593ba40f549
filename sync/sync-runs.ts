/** The log of sync passes in the mirror (table sync_runs). */
import type { MirrorDatabase } from './mirror-database';

export type SyncKind = 'full' | 'light' | 'demo';

export interface RunCounts {
  places: number;
  added: number;
  updated: number;
  hidden: number;
  quarantined: number;
}

export interface SyncRunRow {
  run_id: number;
  kind: SyncKind;
  started_at: string;
  finished_at: string | null;
  outcome: 'running' | 'success' | 'failed';
  error: string | null;
  /** The counts of a finished pass; null while running or after a failure. */
  places: number | null;
  added: number | null;
  updated: number | null;
  hidden: number | null;
  quarantined: number | null;
}

/** Runs left 'running' by a process that died are closed as failed, saying so. */
export function closeInterruptedRuns(db: MirrorDatabase, now: Date): number {
  return db
    .prepare(
      `UPDATE sync_runs SET outcome = 'failed', finished_at = ?,
         error = 'interrupted: the process stopped during the run (killed, crashed or powered off); the previous data was kept'
       WHERE outcome = 'running'`,
    )
    .run(now.toISOString()).changes;
}

export function startRun(db: MirrorDatabase, kind: SyncKind, now: Date): number {
  closeInterruptedRuns(db, now);
  const { lastInsertRowid } = db
    .prepare("INSERT INTO sync_runs (kind, started_at, outcome) VALUES (?, ?, 'running')")
    .run(kind, now.toISOString());
  return Number(lastInsertRowid);
}

export function finishRun(db: MirrorDatabase, runId: number, now: Date, counts: RunCounts): void {
  db.prepare(
    `UPDATE sync_runs SET outcome = 'success', finished_at = @now, places = @places, added = @added,
       updated = @updated, hidden = @hidden, quarantined = @quarantined WHERE run_id = @runId`,
  ).run({ ...counts, now: now.toISOString(), runId });
}

export function failRun(db: MirrorDatabase, runId: number, now: Date, error: string, quarantined: number): void {
  db.prepare(
    "UPDATE sync_runs SET outcome = 'failed', finished_at = ?, error = ?, quarantined = ? WHERE run_id = ?",
  ).run(now.toISOString(), error, quarantined, runId);
}

/** The last pass, of this kind when given. */
export function lastRun(db: MirrorDatabase, kind?: SyncKind): SyncRunRow | null {
  const columns = 'run_id, kind, started_at, finished_at, outcome, error, places, added, updated, hidden, quarantined';
  const row = kind
    ? db.prepare<[SyncKind], SyncRunRow>(`SELECT ${columns} FROM sync_runs WHERE kind = ? ORDER BY run_id DESC LIMIT 1`).get(kind)
    : db.prepare<[], SyncRunRow>(`SELECT ${columns} FROM sync_runs ORDER BY run_id DESC LIMIT 1`).get();
  return row ?? null;
}

/** When the last successful pass of this kind (any kind when omitted) finished. */
export function lastSuccess(db: MirrorDatabase, kind?: SyncKind): Date | null {
  const row = db
    .prepare(
      `SELECT finished_at FROM sync_runs WHERE outcome = 'success' ${kind ? 'AND kind = ?' : ''} ORDER BY finished_at DESC LIMIT 1`,
    )
    .get(...(kind ? [kind] : [])) as { finished_at: string } | undefined;
  return row ? new Date(row.finished_at) : null;
}

export interface QuarantinedRecord {
  lieuId: number | null;
  reason: string;
  excerpt: string;
}

export function recordQuarantine(db: MirrorDatabase, runId: number, records: readonly QuarantinedRecord[]): void {
  const insert = db.prepare('INSERT INTO quarantined_records (run_id, lieu_id, reason, excerpt) VALUES (?, ?, ?, ?)');
  for (const record of records) insert.run(runId, record.lieuId, record.reason, record.excerpt);
}
