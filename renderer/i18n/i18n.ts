/**
 * i18next with French as the source catalogue (bundled) and every other language loaded on
 * demand from locales/<code>.json. Missing keys fall back to French.
 */
import i18next from 'i18next';
import fr from '../../locales/fr.json';
import languageNames from '../../locales/language-names.json';
import { SOURCE_LANGUAGE, textDirection, type LanguageCode } from '../../common/i18n/languages';

const catalogues = import.meta.glob<{ default: Record<string, unknown> }>([
  '../../locales/*.json',
  '!../../locales/fr.json',
  '!../../locales/language-names.json',
  '!../../locales/greetings.json',
]);

export const i18n = i18next.createInstance();

export async function initI18n(): Promise<void> {
  await i18n.init({
    lng: SOURCE_LANGUAGE,
    fallbackLng: SOURCE_LANGUAGE,
    // Each language's name written in itself, needed before any other catalogue is loaded.
    resources: { fr: { translation: fr, languages: languageNames } },
    fallbackNS: false,
    // Preact escapes text itself; i18next must not escape it a second time.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export async function changeLanguage(code: LanguageCode): Promise<void> {
  if (!i18n.hasResourceBundle(code, 'translation')) {
    const load = catalogues[`../../locales/${code}.json`];
    if (load) i18n.addResourceBundle(code, 'translation', (await load()).default);
  }
  await i18n.changeLanguage(code);
  document.documentElement.lang = code;
  document.documentElement.dir = textDirection(code);
}
