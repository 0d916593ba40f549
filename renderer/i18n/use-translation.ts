import { useEffect, useState } from 'preact/hooks';
import { i18n } from './i18n';

/** The translate function of the current language; re-renders the caller when the language changes. */
export function useTranslation(): { t: typeof i18n.t; language: string; i18n: typeof i18n } {
  const [language, setLanguage] = useState(i18n.language);
  useEffect(() => {
    const onChange = (code: string): void => setLanguage(code);
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, []);
  return { t: i18n.t.bind(i18n), language, i18n };
}
