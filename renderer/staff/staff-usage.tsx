/** Anonymous impact figures: the last 30 days' totals, searches per need as a chart, the unmet needs, and the CSV. */
import { useEffect, useState } from 'preact/hooks';
import type { KioskResponse } from '../../common/contract/kiosk-api';
import { SEARCH_KEY_ALL, SEARCH_KEY_WORDS } from '../../common/contract/staff-api';
import { useTranslation } from '../i18n/use-translation';
import { rootOf } from '../session/choose-category';
import { useSession } from '../session/session-context';
import { ExportButton } from './staff-export';
import { Fact, useStaff } from './staff-shared';
import { UsageChart, type ChartSeries } from './usage-chart';

const DAYS = 30;

type Rows = KioskResponse<'staffUsage'>['rows'];

export function UsagePanel() {
  const { t } = useTranslation();
  const session = useSession();
  const { api, failed } = useStaff();
  const [answer, setAnswer] = useState<KioskResponse<'staffUsage'> | null>(null);
  useEffect(() => void api.staffUsage({ days: DAYS }).then(setAnswer, failed), []);
  if (!answer) return <p aria-busy="true">{t('app.loading')}</p>;
  const rows: Rows = answer.rows;
  const total = (metric: Rows[number]['metric']): number => rows.filter((row) => row.metric === metric).reduce((sum, row) => sum + row.count, 0);
  const keyLabel = (key: string): string =>
    key === SEARCH_KEY_WORDS ? t('staff.usage.words') : key === SEARCH_KEY_ALL ? t('staff.usage.all') : t(`categories.${key}`);
  // Searches grouped by top-level need (typed words and "all needs" apart), largest first.
  const groups = new Map<string, Map<string, number>>();
  for (const row of rows.filter((one) => one.metric === 'search')) {
    const group = row.key.startsWith('_') ? row.key : rootOf(session, row.key);
    const perDay = groups.get(group) ?? new Map<string, number>();
    perDay.set(row.day, (perDay.get(row.day) ?? 0) + row.count);
    groups.set(group, perDay);
  }
  const series: ChartSeries[] = [...groups.entries()]
    .map(([key, perDay]) => ({ key, label: keyLabel(key), perDay }))
    .sort((a, b) => [...b.perDay.values()].reduce((x, y) => x + y, 0) - [...a.perDay.values()].reduce((x, y) => x + y, 0));
  const sumBy = (metric: Rows[number]['metric']): [string, number][] => {
    const sums = new Map<string, number>();
    for (const row of rows.filter((one) => one.metric === metric)) sums.set(row.key, (sums.get(row.key) ?? 0) + row.count);
    return [...sums.entries()].sort((a, b) => b[1] - a[1]);
  };
  return (
    <div class="staff-usage">
      <h2>{t('staff.usage.total')}</h2>
      <dl class="staff-facts" data-testid="staff-usage-totals">
        <Fact label={t('staff.usage.sessions')} testId="usage-session">{total('session')}</Fact>
        <Fact label={t('staff.usage.searches')} testId="usage-search">{total('search')}</Fact>
        <Fact label={t('staff.usage.noResult')} testId="usage-no-result">{total('no-result')}</Fact>
        <Fact label={t('staff.usage.places')} testId="usage-place-view">{total('place-view')}</Fact>
        <Fact label={t('staff.usage.tickets')} testId="usage-ticket">{total('ticket')}</Fact>
        <Fact label={t('staff.usage.lists')} testId="usage-list">{total('list')}</Fact>
        <Fact label={t('staff.usage.resets')} testId="usage-idle-reset">{total('idle-reset')}</Fact>
        <Fact label={t('staff.usage.languages')}>{sumBy('language').map(([code, count]) => `${t(code, { ns: 'languages' })} ${count}`).join(' · ') || '—'}</Fact>
      </dl>
      <h2>{t('staff.usage.chart')}</h2>
      {series.length === 0 ? <p>{t('staff.usage.empty')}</p> : <UsageChart from={answer.from} days={DAYS} series={series} title={t('staff.usage.chart')} />}
      <h2>{t('staff.usage.unmet')}</h2>
      <ul class="staff-list" data-testid="staff-unmet">
        {sumBy('no-result').map(([key, count]) => (
          <li key={key}>
            {keyLabel(key)} : {count}
          </li>
        ))}
      </ul>
      <ExportButton what="usage" label={t('staff.usage.export')} />
    </div>
  );
}
