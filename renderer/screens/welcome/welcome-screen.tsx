import type { CategoryNode, KioskStatus } from '../../../common/contract/kiosk-api';
import { CategoryTile } from '../../components/category-tile/category-tile';
import { LanguageBar } from '../../components/language-bar/language-bar';
import { StatusLine } from '../../components/status-line/status-line';
import { useTranslation } from '../../i18n/use-translation';

interface WelcomeScreenProps {
  status: KioskStatus;
  categories: CategoryNode[];
}

export function WelcomeScreen({ status, categories }: WelcomeScreenProps) {
  const { t } = useTranslation();
  return (
    <main class="screen welcome" data-screen="welcome">
      {status.data.demo && (
        <p class="demo-banner" role="note" data-testid="demo-banner">
          {t('welcome.demo')}
        </p>
      )}
      <header class="welcome__header">
        <p class="welcome__here" data-testid="kiosk-label">
          {t('welcome.youAreHere', { label: status.kiosk.label })}
        </p>
        <LanguageBar enabled={status.languages.enabled} />
      </header>
      <h1 class="welcome__question">{t('welcome.whatDoYouNeed')}</h1>
      <ul class="tiles" aria-label={t('welcome.categoriesLabel')}>
        {categories.map((category) => (
          <li key={category.id}>
            <CategoryTile category={category} />
          </li>
        ))}
      </ul>
      <footer class="welcome__footer">
        <StatusLine dataDate={status.data.date} placeCount={status.data.placeCount} />
      </footer>
    </main>
  );
}
