import type { LanguageCode } from '../../../common/i18n/languages';
import { changeLanguage } from '../../i18n/i18n';
import { useTranslation } from '../../i18n/use-translation';

/** Each language written in itself, never a flag: languages are not countries. */
export function LanguageBar({ enabled, onChosen }: { enabled: LanguageCode[]; onChosen?: () => void }) {
  const { t, language } = useTranslation();
  return (
    <nav class="language-bar" aria-label={t('welcome.chooseLanguage')}>
      {enabled.map((code) => (
        <button
          type="button"
          key={code}
          class="language-bar__choice"
          lang={code}
          aria-pressed={language === code}
          data-language={code}
          onClick={() => {
            void changeLanguage(code).then(() => onChosen?.());
          }}
        >
          {t(code, { ns: 'languages' })}
        </button>
      ))}
    </nav>
  );
}
