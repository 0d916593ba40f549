/** Help from a human: 115 in large type, the agency's desk, Soliguide's online help as a QR code. */
import { Phone } from 'lucide-preact';
import { useTranslation } from '../../i18n/use-translation';
import { useSession } from '../../session/session-context';
import { localized } from '../../i18n/localized';
import { Dialog } from '../dialog/dialog';
import { QrCode } from '../qr-code/qr-code';

export function HelpDialog({ onClose }: { onClose: () => void }) {
  const { t, language } = useTranslation();
  const { status } = useSession();
  const desk = localized(status.screen.desk, language);
  return (
    <Dialog title={t('help.title')} onClose={onClose} testId="help">
      <p class="help__emergency" data-testid="help-115">
        <Phone aria-hidden="true" size={48} />
        <span>
          <strong>{t('help.emergency')}</strong>
          <span class="help__number" dir="ltr">
            115
          </span>
          <span>{t('help.emergencyDetail')}</span>
        </span>
      </p>
      {desk && (
        <p class="help__desk" data-testid="help-desk">
          {t('help.desk', { desk: desk.text })}
          {desk.inFrench && <span class="in-french">{t('app.inFrench')}</span>}
        </p>
      )}
      <QrCode url={status.screen.helpUrl} label={t('help.online')} testId="help-qr" />
    </Dialog>
  );
}
