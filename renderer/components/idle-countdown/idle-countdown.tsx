/** "Are you still there?": any touch keeps the session; otherwise it is forgotten at zero. */
import { useTranslation } from '../../i18n/use-translation';
import { Dialog } from '../dialog/dialog';

export function IdleCountdown({ secondsLeft, onStay }: { secondsLeft: number; onStay: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('idle.title')} onClose={onStay} testId="idle-countdown" closable={false}>
      <p class="idle__count" role="timer" aria-live="polite">
        {t('idle.countdown', { seconds: secondsLeft })}
      </p>
      <button type="button" class="button button--primary" onClick={onStay} data-testid="idle-stay">
        {t('idle.stay')}
      </button>
    </Dialog>
  );
}
