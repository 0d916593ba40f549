/** The printer: its state and CUPS's reasons, the system's printers, a test page, the last 30 days' incidents. */
import { useEffect, useState } from 'preact/hooks';
import type { KioskResponse } from '../../common/contract/kiosk-api';
import { useTranslation } from '../i18n/use-translation';
import { Fact, JobLine, usePrintJob, useOverview, useStaff, useWhen } from './staff-shared';

export function PrinterPanel() {
  const { t } = useTranslation();
  const { api, failed } = useStaff();
  const when = useWhen();
  const { job, start } = usePrintJob();
  // Read again every few seconds: staff watch the state change as they reload paper.
  const { overview } = useOverview(5_000);
  const [printers, setPrinters] = useState<KioskResponse<'printers'> | null>(null);
  useEffect(() => void api.printers({}).then(setPrinters, failed), []);
  if (!overview) return <p aria-busy="true">{t('app.loading')}</p>;
  const { printer } = overview;
  return (
    <div class="staff-printer">
      <dl class="staff-facts">
        <Fact label={t('staff.printer.queue')}>{printer.name ?? t('staff.printer.noQueue')}</Fact>
        <Fact label={t('staff.printer.state')} testId="staff-printer-state">
          <span data-state={printer.state} class={printer.ready ? 'staff-ok' : 'staff-bad'}>
            {t(`staff.printer.states.${printer.state}`)}
          </span>
        </Fact>
        {printer.reasons.length > 0 && <Fact label={t('staff.printer.reasons')}>{printer.reasons.join(', ')}</Fact>}
        <Fact label={t('staff.printer.paper')}>{printer.paper}</Fact>
      </dl>
      <button type="button" class="button button--primary" onClick={() => start(api.staffTestPrint({}))} data-testid="staff-test-print">
        {t('staff.printer.test')}
      </button>
      <JobLine job={job} />
      <h2>{t('staff.printer.incidents')}</h2>
      {printer.incidents.length === 0 ? (
        <p>{t('staff.printer.noIncidents')}</p>
      ) : (
        <ul class="staff-list" data-testid="staff-incidents">
          {printer.incidents.map((incident) => (
            <li key={incident.from} data-state={incident.state} data-ongoing={incident.until === null ? 'yes' : 'no'}>
              <strong>{t(`staff.printer.states.${incident.state}`, { defaultValue: incident.state })}</strong>{' '}
              {incident.until === null
                ? t('staff.printer.since', { from: when(incident.from) })
                : t('staff.printer.fromTo', { from: when(incident.from), until: when(incident.until) })}
              {incident.reasons.length > 0 && <span class="staff-muted"> ({incident.reasons.join(', ')})</span>}
            </li>
          ))}
        </ul>
      )}
      {printers && (
        <>
          <h2>{t('staff.printer.system')}</h2>
          <ul class="staff-list" data-testid="staff-printers">
            {printers.printers.map((entry) => (
              <li key={entry.name}>
                {entry.label} <span class="staff-muted">({entry.name})</span>
                {entry.isDefault && ` · ${t('staff.printer.isDefault')}`}
                {entry.name === printers.kioskPrinter && ` · ${t('staff.printer.isKiosk')}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
