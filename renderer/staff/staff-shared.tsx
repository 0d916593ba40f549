/** Pieces the staff panels share: the staff API, dates in the kiosk's zone, a followed print job. */
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { KioskApi, KioskResponse, KioskStatus, PrintJobResponse } from '../../common/contract/kiosk-api';
import { localeWithLatinDigits } from '../../common/i18n/languages';
import { useTranslation } from '../i18n/use-translation';

export type StaffOverview = KioskResponse<'staffOverview'>;

export interface StaffContextValue {
  /** The session's API with the staff token added. */
  api: KioskApi;
  status: KioskStatus;
  /** Call failures: a lapsed token ends staff mode; others are shown. */
  failed: (error: unknown) => void;
}

export const StaffContext = createContext<StaffContextValue | null>(null);

export function useStaff(): StaffContextValue {
  const value = useContext(StaffContext);
  if (!value) throw new Error('useStaff outside the staff screen');
  return value;
}

/** An instant as the desk reads it: "22/11/2026 09:12", in the kiosk's zone. */
export function useWhen(): (iso: string | null) => string {
  const { language } = useTranslation();
  const { status } = useStaff();
  const format = new Intl.DateTimeFormat(localeWithLatinDigits(language), {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: status.kiosk.timeZone,
  });
  return (iso) => (iso === null ? '—' : format.format(new Date(iso)));
}

/** A calendar day (YYYY-MM-DD) as the desk reads it. */
export function useDay(): (day: string) => string {
  const { language } = useTranslation();
  const format = new Intl.DateTimeFormat(localeWithLatinDigits(language), { dateStyle: 'medium', timeZone: 'UTC' });
  return (day) => format.format(new Date(`${day}T12:00:00Z`));
}

const POLL_MS = 500;

/** Follows a print job until it ends; null before one is started. */
export function usePrintJob(): { job: PrintJobResponse | null; start: (job: Promise<PrintJobResponse>) => void } {
  const { api, failed } = useStaff();
  const [job, setJob] = useState<PrintJobResponse | null>(null);
  useEffect(() => {
    if (!job || job.state === 'printed' || job.state === 'failed') return;
    const timer = window.setTimeout(() => api.printJob({ id: job.id }).then(setJob, failed), POLL_MS);
    return () => window.clearTimeout(timer);
  }, [job]);
  return { job, start: (promise) => promise.then(setJob, failed) };
}

export function JobLine({ job }: { job: PrintJobResponse | null }) {
  const { t } = useTranslation();
  if (!job) return null;
  const reason = { limit: 'staff.job.limit', 'printer-unavailable': 'staff.job.printerUnavailable', failed: 'staff.job.error' } as const;
  return (
    <p class="staff-job" role="status" data-testid="staff-job" data-state={job.state}>
      {job.state === 'failed' ? t('staff.job.failed', { reason: t(reason[job.reason ?? 'failed']) }) : t(`staff.job.${job.state}`)}
    </p>
  );
}

/** The overview, read when the panel opens and again on `refresh()` (or every `everyMs` while given). */
export function useOverview(everyMs: number | null = null): { overview: StaffOverview | null; refresh: () => void } {
  const { api, failed } = useStaff();
  const [overview, setOverview] = useState<StaffOverview | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    api.staffOverview({}).then((answer) => current && setOverview(answer), failed);
    const timer = everyMs === null ? undefined : window.setTimeout(() => setRound((n) => n + 1), everyMs);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [round, everyMs]);
  return { overview, refresh: () => setRound((n) => n + 1) };
}

/** A label and its value, in the panels' description lists. */
export function Fact({ label, children, testId }: { label: string; children: preact.ComponentChildren; testId?: string }) {
  return (
    <div class="staff-fact" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
