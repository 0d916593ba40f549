/** Changing language from any screen: the screen stays, its words change. */
import { Dialog } from '../dialog/dialog';
import { LanguageBar } from '../language-bar/language-bar';
import { useTranslation } from '../../i18n/use-translation';
import { useSession } from '../../session/session-context';

export function LanguageDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { status } = useSession();
  return (
    <Dialog title={t('welcome.chooseLanguage')} onClose={onClose} testId="language-dialog">
      <LanguageBar enabled={status.languages.enabled} onChosen={onClose} />
    </Dialog>
  );
}
