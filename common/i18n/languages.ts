/**
 * Languages the kiosk can show: French and the languages most spoken in French lobbies (Dari is
 * `fa`, the code Soliguide uses for Persian). Each code here has a catalogue in
 * `locales/<code>.json` (checked by tests/common/locales.test.ts); add the catalogue first.
 */
export const KIOSK_LANGUAGES = ['fr', 'en', 'ar', 'es', 'pt', 'ro', 'ru', 'uk', 'ka', 'fa', 'ps', 'tr', 'ti', 'so'] as const;

export type LanguageCode = (typeof KIOSK_LANGUAGES)[number];

/** French is the source catalogue and the fallback for every missing key. */
export const SOURCE_LANGUAGE: LanguageCode = 'fr';

const RIGHT_TO_LEFT: ReadonlySet<string> = new Set(['ar', 'fa', 'ps', 'ur', 'he']);

export function isKioskLanguage(code: string): code is LanguageCode {
  return (KIOSK_LANGUAGES as readonly string[]).includes(code);
}

export function textDirection(code: string): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(code) ? 'rtl' : 'ltr';
}

/** The language's formats with Western digits: times, distances and phone numbers as on French signs. */
export function localeWithLatinDigits(locale: string): string {
  return `${locale}-u-nu-latn`;
}
