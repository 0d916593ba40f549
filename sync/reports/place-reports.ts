/** Anonymous "this information is wrong" reports, kept in the mirror for staff (migration 0007). */
import type { ReportReason } from '../../common/contract/report-reasons';
import type { MirrorDatabase } from '../mirror-database';

export type { ReportReason };

export interface PlaceReport {
  placeId: number;
  reason: ReportReason;
  /** Local calendar day (YYYY-MM-DD): the only time kept. */
  day: string;
}

export function recordPlaceReport(mirror: MirrorDatabase, report: PlaceReport): void {
  mirror.prepare('INSERT INTO place_reports (lieu_id, reason, day) VALUES (?, ?, ?)').run(report.placeId, report.reason, report.day);
}

export function placeReports(mirror: MirrorDatabase): PlaceReport[] {
  return mirror
    .prepare<[], { lieu_id: number; reason: ReportReason; day: string }>('SELECT lieu_id, reason, day FROM place_reports ORDER BY report_id')
    .all()
    .map((row) => ({ placeId: row.lieu_id, reason: row.reason, day: row.day }));
}

export function placeExists(mirror: MirrorDatabase, placeId: number): boolean {
  return mirror.prepare('SELECT 1 FROM places WHERE lieu_id = ?').get(placeId) !== undefined;
}
