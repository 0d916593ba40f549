/**
 * The app: loads the kiosk's status and needs once, then runs one session after another. A
 * session is a keyed subtree: the idle reset unmounts it whole (screens, filters, typed text,
 * map, dialogs) and mounts a fresh one in the default language.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CategoriesResponse, KioskApi, KioskStatus } from '../common/contract/kiosk-api';
import { isKioskLanguage } from '../common/i18n/languages';
import { changeLanguage } from './i18n/i18n';
import { useTranslation } from './i18n/use-translation';
import { stopReading } from './read-aloud/read-aloud';
import { DisplayProvider } from './session/display';
import { SessionProvider } from './session/session-context';
import { SessionView } from './session/session-view';

type Loaded = { status: KioskStatus; categories: CategoriesResponse };

export function App({ api }: { api: KioskApi }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);
  const [sessionNumber, setSessionNumber] = useState(0);

  useEffect(() => {
    Promise.all([api.status({}), api.categories({})])
      .then(async ([status, categories]) => {
        if (isKioskLanguage(status.languages.default)) await changeLanguage(status.languages.default);
        setLoaded({ status, categories });
      })
      .catch((error: unknown) => {
        console.error('kiosk start failed', error);
        setFailed(true);
      });
  }, [api]);

  const reset = useCallback(() => {
    stopReading();
    const language = loaded?.status.languages.default;
    void (language && isKioskLanguage(language) ? changeLanguage(language) : Promise.resolve()).then(() => {
      window.scrollTo(0, 0);
      setSessionNumber((n) => n + 1);
    });
  }, [loaded]);

  if (failed) {
    return (
      <main class="screen screen--message" role="alert">
        <p>{t('app.unavailable')}</p>
      </main>
    );
  }
  if (!loaded) {
    return (
      <main class="screen screen--message" aria-busy="true">
        <p>{t('app.loading')}</p>
      </main>
    );
  }
  return (
    <DisplayProvider key={sessionNumber}>
      <SessionProvider api={api} status={loaded.status} categories={loaded.categories.roots}>
        <SessionView onReset={reset} />
      </SessionProvider>
    </DisplayProvider>
  );
}
