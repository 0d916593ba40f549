/** "This information is wrong": one tap on a reason, stored anonymously for staff. */
import { useState } from 'preact/hooks';
import { REPORT_REASONS, type ReportReason } from '../../../common/contract/report-reasons';
import { useTranslation } from '../../i18n/use-translation';
import { useSession } from '../../session/session-context';
import { Dialog } from '../dialog/dialog';
import { QrCode } from '../qr-code/qr-code';

type Sent = 'no' | 'yes' | 'failed';

export function ReportDialog({ placeId, soliguideUrl, onClose }: { placeId: number; soliguideUrl: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { api } = useSession();
  const [sent, setSent] = useState<Sent>('no');
  const send = (reason: ReportReason): void => {
    api.report({ placeId, reason }).then(
      () => setSent('yes'),
      () => setSent('failed'),
    );
  };
  return (
    <Dialog title={t('report.title')} onClose={onClose} testId="report">
      {sent === 'no' ? (
        <div class="choices" role="group" aria-label={t('report.title')}>
          {REPORT_REASONS.map((reason) => (
            <button type="button" key={reason} class="button button--choice" data-reason={reason} onClick={() => send(reason)}>
              {t(`report.${reason}`)}
            </button>
          ))}
        </div>
      ) : (
        <p class="report__outcome" role="status" data-testid="report-outcome">
          {t(sent === 'yes' ? 'report.thanks' : 'report.failed')}
        </p>
      )}
      <QrCode url={soliguideUrl} label={t('report.soliguide')} testId="report-qr" />
    </Dialog>
  );
}
