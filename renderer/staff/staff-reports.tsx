/** "This information is wrong" reports left at the kiosk, newest first, and their CSV for the coordinator. */
import { useEffect, useState } from 'preact/hooks';
import type { KioskResponse } from '../../common/contract/kiosk-api';
import { useTranslation } from '../i18n/use-translation';
import { ExportButton } from './staff-export';
import { useDay, useStaff } from './staff-shared';

export function ReportsPanel() {
  const { t } = useTranslation();
  const { api, failed } = useStaff();
  const day = useDay();
  const [answer, setAnswer] = useState<KioskResponse<'staffReports'> | null>(null);
  useEffect(() => void api.staffReports({}).then(setAnswer, failed), []);
  if (!answer) return <p aria-busy="true">{t('app.loading')}</p>;
  return (
    <div class="staff-reports">
      <h2>{t('staff.reports.title')}</h2>
      <p>{t('staff.reports.total', { count: answer.total })}</p>
      <ExportButton what="reports" label={t('staff.reports.export')} />
      {answer.reports.length === 0 ? (
        <p>{t('staff.reports.none')}</p>
      ) : (
        <table class="staff-table" data-testid="staff-reports">
          <thead>
            <tr>
              <th scope="col">{t('staff.reports.day')}</th>
              <th scope="col">{t('staff.reports.place')}</th>
              <th scope="col">{t('staff.reports.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {answer.reports.map((report, index) => (
              <tr key={index} data-place={report.placeId}>
                <td>{day(report.day)}</td>
                <td lang="fr">{report.name === null ? t('staff.reports.gone') : `${report.name} (${report.city ?? ''})`}</td>
                <td>{t(`report.${report.reason}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
