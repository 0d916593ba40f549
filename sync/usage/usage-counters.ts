/**
 * Anonymous impact figures: counts per day of what people did at the kiosk, for funders and the
 * territory ("how many searches, for what; what was looked for and not found"). Only sums per day,
 * metric and key (a category id or a language code): no free text, no place, no session, no time.
 */
import { USAGE_METRICS, type UsageMetric } from '../../common/contract/staff-api';
import { addDays } from '../../common/opening/zoned-time';
import type { UsageStore } from './usage-store';

export { USAGE_METRICS, type UsageMetric };

export interface UsageRow {
  day: string;
  metric: UsageMetric;
  key: string;
  count: number;
}

/** Counters are kept this many months (a year and the same month of the year before). */
export const USAGE_KEEP_MONTHS = 13;

export function countUsage(store: UsageStore, day: string, metric: UsageMetric, key = ''): void {
  store
    .prepare('INSERT INTO usage_counters (day, metric, key, count) VALUES (?, ?, ?, 1) ON CONFLICT (day, metric, key) DO UPDATE SET count = count + 1')
    .run(day, metric, key);
}

/** Rows of the days from `from` to `to` (inclusive), by day, metric and key. */
export function usageBetween(store: UsageStore, from: string, to: string): UsageRow[] {
  return store
    .prepare<[string, string], UsageRow>('SELECT day, metric, key, count FROM usage_counters WHERE day BETWEEN ? AND ? ORDER BY day, metric, key')
    .all(from, to)
    .filter((row) => (USAGE_METRICS as readonly string[]).includes(row.metric));
}

/** The first day still kept on `today`: the same day 13 months earlier (clamped to the month's end). */
export function firstKeptDay(today: string): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const months = year * 12 + (month - 1) - USAGE_KEEP_MONTHS;
  const y = Math.floor(months / 12);
  const m = (months % 12) + 1;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/** Deletes what is older than 13 months; returns the rows deleted. */
export function pruneUsage(store: UsageStore, today: string): number {
  return store.prepare('DELETE FROM usage_counters WHERE day < ?').run(firstKeptDay(today)).changes;
}

/** The last `days` days ending with `today`, as [from, to]. */
export function lastDays(today: string, days: number): [string, string] {
  return [addDays(today, -(days - 1)), today];
}

/** CSV for a spreadsheet (RFC 4180, header first): day, metric, key, count. Keys are ids: nothing to quote. */
export function usageCsv(rows: readonly UsageRow[]): string {
  return ['day,metric,key,count', ...rows.map((row) => `${row.day},${row.metric},${row.key},${row.count}`)].join('\r\n') + '\r\n';
}
