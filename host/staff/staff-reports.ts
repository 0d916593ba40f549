/** "This information is wrong" reports for staff: on screen with the place's name, and as CSV for the coordinator. */
import type { ReportReason } from '../../common/contract/report-reasons';
import type { MirrorDatabase } from '../../sync/mirror-database';

export interface StaffReport {
  placeId: number;
  /** null when the place has left the mirror since. */
  name: string | null;
  city: string | null;
  seoUrl: string | null;
  reason: ReportReason;
  day: string;
}

/** Shown on screen: the newest reports first. */
const SHOWN = 500;

export function staffReports(mirror: MirrorDatabase, limit: number | null = SHOWN): { reports: StaffReport[]; total: number } {
  const rows = mirror
    .prepare<[number], StaffReport>(
      `SELECT r.lieu_id AS placeId, p.name AS name, p.city AS city, p.seo_url AS seoUrl, r.reason AS reason, r.day AS day
         FROM place_reports r LEFT JOIN places p ON p.lieu_id = r.lieu_id
        ORDER BY r.day DESC, r.report_id DESC LIMIT ?`,
    )
    .all(limit ?? -1);
  const total = mirror.prepare('SELECT count(*) FROM place_reports').pluck().get() as number;
  return { reports: rows, total };
}

/** Soliguide's page of a place (French), for the coordinator who corrects it. */
const pageOf = (placeId: number, seoUrl: string | null): string => `https://soliguide.fr/fr/fiche/${encodeURIComponent(seoUrl ?? String(placeId))}`;

/** A CSV field: quoted when it holds a comma, a quote or a line break; a leading = + - @ is defused for spreadsheets. */
export function csvField(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function reportsCsv(reports: readonly StaffReport[]): string {
  const lines = reports.map((report) =>
    [report.day, report.placeId, report.name, report.city, report.reason, pageOf(report.placeId, report.seoUrl)].map(csvField).join(','),
  );
  return ['day,place_id,place_name,city,reason,soliguide_page', ...lines].join('\r\n') + '\r\n';
}
