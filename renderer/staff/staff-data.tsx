/** How fresh the data is, what the last passes did, what was quarantined, and "sync now". */
import { useEffect, useState } from 'preact/hooks';
import { useTranslation } from '../i18n/use-translation';
import { Fact, useOverview, useStaff, useWhen, type StaffOverview } from './staff-shared';

type Run = NonNullable<StaffOverview['data']['lastRun']>;

function RunFact({ label, run, testId }: { label: string; run: Run | null; testId: string }) {
  const { t } = useTranslation();
  const when = useWhen();
  return (
    <Fact label={label} testId={testId}>
      {run === null ? (
        t('staff.data.never')
      ) : (
        <span data-outcome={run.outcome}>
          <strong class={run.outcome === 'failed' ? 'staff-bad' : undefined}>{t(`staff.data.outcome.${run.outcome}`)}</strong> — {when(run.finishedAt ?? run.startedAt)}
          {run.places !== null && (
            <span class="staff-muted">
              {' '}
              · {t('staff.data.counts', { places: run.places, added: run.added ?? 0, updated: run.updated ?? 0, hidden: run.hidden ?? 0 })}
            </span>
          )}
          {run.error && <span class="staff-error"> {run.error}</span>}
        </span>
      )}
    </Fact>
  );
}

export function DataPanel() {
  const { t } = useTranslation();
  const { api, failed } = useStaff();
  const when = useWhen();
  const [polling, setPolling] = useState(false);
  const [busy, setBusy] = useState(false);
  const { overview, refresh } = useOverview(polling ? 1_000 : null);
  const data = overview?.data;
  // Follow a pass until it has ended.
  useEffect(() => {
    if (polling && data && !data.syncing) setPolling(false);
  }, [data]);
  if (!data) return <p aria-busy="true">{t('app.loading')}</p>;
  const sync = (kind: 'full' | 'light'): void => {
    api.staffSync({ kind }).then((answer) => {
      setBusy(!answer.started && answer.reason === 'running');
      setPolling(true);
      refresh();
    }, failed);
  };
  return (
    <div class="staff-data">
      <dl class="staff-facts">
        {data.demo && <Fact label={t('staff.data.demo')}>✓</Fact>}
        <Fact label={t('staff.data.date')}>{when(data.date)}</Fact>
        <Fact label={t('staff.data.places')} testId="staff-place-count">
          {data.placeCount}
        </Fact>
        <Fact label={t('staff.data.oldest')}>{data.oldestUpdatedAt === null ? '—' : when(data.oldestUpdatedAt)}</Fact>
        <RunFact label={t('staff.data.lastFull')} run={data.lastFull} testId="staff-last-full" />
        <RunFact label={t('staff.data.lastLight')} run={data.lastLight} testId="staff-last-light" />
        {data.nextRuns.length > 0 && <Fact label={t('staff.data.next')}>{data.nextRuns.map((next) => when(next)).join(' · ')}</Fact>}
      </dl>
      {data.canSync ? (
        <div class="staff-actions">
          <button type="button" class="button button--primary" disabled={data.syncing} onClick={() => sync('light')} data-testid="staff-sync-light">
            {t('staff.data.syncLight')}
          </button>
          <button type="button" class="button" disabled={data.syncing} onClick={() => sync('full')} data-testid="staff-sync-full">
            {t('staff.data.syncFull')}
          </button>
        </div>
      ) : (
        <p>{t('staff.data.syncUnavailable')}</p>
      )}
      {data.syncing && (
        <p role="status" data-testid="staff-syncing">
          {t('staff.data.syncing')}
        </p>
      )}
      {busy && <p role="status">{t('staff.data.syncBusy')}</p>}
      <h2>{t('staff.data.quarantined', { count: data.quarantinedCount })}</h2>
      {data.quarantined.length === 0 ? (
        <p>{t('staff.data.noQuarantine')}</p>
      ) : (
        <ul class="staff-list" data-testid="staff-quarantine">
          {data.quarantined.map((record, index) => (
            <li key={index}>
              {record.lieuId ?? '—'} · <span class="staff-muted">{record.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
