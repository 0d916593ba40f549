/** The whole screen says one thing: still loading, or the kiosk cannot go on (the app, staff mode). */
import { useTranslation } from '../../i18n/use-translation';

export function MessageScreen({ failed }: { failed: boolean }) {
  const { t } = useTranslation();
  return failed ? (
    <main class="screen screen--message" role="alert">
      <p>{t('app.unavailable')}</p>
    </main>
  ) : (
    <main class="screen screen--message" aria-busy="true">
      <p>{t('app.loading')}</p>
    </main>
  );
}
