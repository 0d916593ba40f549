import { useEffect, useState } from 'preact/hooks';
import type { CategoriesResponse, KioskApi, KioskStatus } from '../common/contract/kiosk-api';
import { isKioskLanguage } from '../common/i18n/languages';
import { changeLanguage } from './i18n/i18n';
import { useTranslation } from './i18n/use-translation';
import { WelcomeScreen } from './screens/welcome/welcome-screen';

type Loaded = { status: KioskStatus; categories: CategoriesResponse };

export function App({ api }: { api: KioskApi }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);

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
  return <WelcomeScreen status={loaded.status} categories={loaded.categories.roots} />;
}
