/**
 * Printing a ticket, as the person sees it: "Printing…", then "Take your ticket below", or — the
 * printer out of paper, offline, stopped, or the session's tickets used up — the place's QR code
 * and the desk. The job is followed until it ends or a deadline passes: never a frozen screen.
 */
import { ArrowDown, Printer } from 'lucide-preact';
import { useEffect, useState } from 'preact/hooks';
import type { PrintJobResponse } from '../../../common/contract/kiosk-api';
import type { LanguageCode } from '../../../common/i18n/languages';
import { localized } from '../../i18n/localized';
import { useTranslation } from '../../i18n/use-translation';
import { useSession } from '../../session/session-context';
import { Dialog } from '../dialog/dialog';
import { QrCode } from '../qr-code/qr-code';

const POLL_MS = 400;
/** A ticket takes seconds; past this the screen stops waiting and offers the QR code. */
const GIVE_UP_MS = 45_000;

type Outcome = 'printing' | 'printed' | 'limit' | 'unavailable';

function outcomeOf(job: PrintJobResponse | null, gaveUp: boolean): Outcome {
  if (job?.state === 'printed') return 'printed';
  if (job?.state === 'failed') return job.reason === 'limit' ? 'limit' : 'unavailable';
  return gaveUp ? 'unavailable' : 'printing';
}

export function PrintDialog({ placeId, soliguideUrl, onClose }: { placeId: number; soliguideUrl: string; onClose: () => void }) {
  const { t, language } = useTranslation();
  const session = useSession();
  const [job, setJob] = useState<PrintJobResponse | null>(null);
  const [gaveUp, setGaveUp] = useState(false);

  useEffect(() => {
    let current = true;
    let timer: number | undefined;
    const deadline = Date.now() + GIVE_UP_MS;
    const settle = (next: PrintJobResponse): void => {
      if (!current) return;
      setJob(next);
      if (next.state === 'printed' || next.state === 'failed') return;
      if (Date.now() > deadline) {
        setGaveUp(true);
        return;
      }
      timer = window.setTimeout(() => {
        session.api.printJob({ id: next.id }).then(settle, () => current && setGaveUp(true));
      }, POLL_MS);
    };
    session.api
      .print({ document: { kind: 'ticket', placeId, language: language as LanguageCode }, session: session.id })
      .then(settle, () => current && setGaveUp(true));
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [placeId]);

  const outcome = outcomeOf(job, gaveUp);
  const desk = localized(session.status.screen.desk, language);
  return (
    <Dialog title={t('place.print')} onClose={onClose} testId="print-dialog">
      <div class="print-dialog" data-outcome={outcome} data-printer={job?.printer}>
        {outcome === 'printing' && (
          <p class="print-dialog__message" role="status" aria-live="polite">
            <Printer aria-hidden="true" size={48} class="print-dialog__busy" />
            <span>{t('print.printing')}</span>
          </p>
        )}
        {outcome === 'printed' && (
          <p class="print-dialog__message" role="status" aria-live="polite">
            <ArrowDown aria-hidden="true" size={48} />
            <span>{t('print.take')}</span>
          </p>
        )}
        {(outcome === 'unavailable' || outcome === 'limit') && (
          <>
            <p class="print-dialog__message" role="alert">
              {outcome === 'limit' ? t('print.limit', { count: session.status.printer.ticketsPerSession }) : t('print.unavailable')}
            </p>
            <QrCode url={soliguideUrl} label={t('place.qrPage')} testId="print-fallback-qr" />
            {desk && <p data-testid="print-desk">{t('help.desk', { desk: desk.text })}</p>}
          </>
        )}
      </div>
    </Dialog>
  );
}
