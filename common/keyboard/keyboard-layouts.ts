/**
 * On-screen keyboard layouts for the text search, per kiosk language. Environment-free: plain data
 * in simple-keyboard's layout format (rows of space-separated keys, `{name}` for function keys).
 *
 * Choices for the kiosk:
 * - Only keys useful for searching place names and needs: letters, digits (postal codes), `'` and
 *   `-`. No `{tab}`, `{enter}` (the search screen has its own button), `.com`, `@` or symbols.
 * - Every letter of a language is one tap away, or a tap on `{shift}` then the letter where the
 *   language's own keyboards put it there (Georgian ჭ ღ თ შ ჟ ძ ჩ, Arabic hamza forms).
 *   No dead keys, no long press.
 * - Rows keep the physical keyboard's order, also for right-to-left scripts.
 * - The digit row holds 0–9 in every layout, Persian and Pashto included: the kiosk searches
 *   French data (postal codes), and the same digits work for everybody.
 * - The shift layer of scripts without case (Arabic, Persian, Pashto, Georgian) repeats the
 *   unshifted letters except where the standard keyboard has another letter; diacritics (harakat),
 *   the zero-width non-joiner and symbols are left out (they would only break matching).
 *
 * Sources: the Arabic, Persian (farsi), Russian, Ukrainian, Georgian and Turkish rows are taken
 * from simple-keyboard-layouts 3.4.265 (build/layouts/*.js, MIT License, Copyright (c) 2019
 * Francisco Hodge and project contributors), then stripped as above. They are copied rather than
 * imported because `common/` imports no packages but zod (tests/layering), and because every one
 * needed editing anyway. French AZERTY (the library's relies on dead keys), the Latin QWERTY
 * variants and Pashto (not in the library) are written here.
 *
 * The search itself should still fold what people may type differently: case and Latin accents,
 * Arabic أ إ آ → ا, ى → ي, ة → ه, Persian ی/ي and ک/ك, Romanian ş/ș and ţ/ț.
 */

/** A simple-keyboard layout: the unshifted rows and the shifted ones (same number of rows). */
export interface KeyboardLayout {
  default: string[];
  shift: string[];
}

export type KeyboardScript = 'latin' | 'arabic' | 'cyrillic' | 'georgian';

export interface KeyboardLayoutChoice {
  id: string;
  /** i18n key naming the layout, for a future layout picker (none of the layouts sets one yet). */
  labelKey?: string;
  /** Direction of the text typed with it; the keyboard rows themselves always stay left to right. */
  direction: 'ltr' | 'rtl';
  /** Which script its letters are in: the switch key says "Latin letters" when it leads to Latin. */
  script: KeyboardScript;
  /** A few letters that identify the layout at a glance, shown on the key that switches to it. */
  sample: string;
  layout: KeyboardLayout;
}

/** Function keys the layouts use; the component gives each a label and an accessible name. */
export const BACKSPACE_KEY = '{bksp}';
export const SPACE_KEY = '{space}';
export const SHIFT_KEY = '{shift}';
export const LOCK_KEY = '{lock}';
/** Not in the layouts: added by `withSwitchKey` when a language offers more than one layout. */
export const SWITCH_KEY = '{layout}';

/** Keys as simple-keyboard reads them: separated by single spaces. */
export function keysOf(row: string): string[] {
  return row.split(' ').filter((key) => key !== '');
}

export function isFunctionKey(key: string): boolean {
  return key.length > 2 && key.startsWith('{') && key.endsWith('}');
}

/** The shift layer of a cased script: every letter in capitals, function keys and digits as they are. */
function capitals(rows: readonly string[]): string[] {
  return rows.map((row) =>
    keysOf(row)
      .map((key) => (isFunctionKey(key) ? key : key.toUpperCase()))
      .join(' '),
  );
}

function cased(rows: readonly string[]): KeyboardLayout {
  return { default: [...rows], shift: capitals(rows) };
}

const DIGITS = '1 2 3 4 5 6 7 8 9 0';
const SPACE_ROW = SPACE_KEY;

// ---------------------------------------------------------------------------------------------
// Latin

/**
 * French AZERTY, the kiosk's Latin layout. The library's French layout types é è ç à from the
 * number row and â ê î ô û ë ï through dead keys (^ ¨): here digits stay digits (postal codes) and
 * every accented letter of French has its own key in a row above the letters.
 */
const FRENCH_AZERTY = cased([
  `${DIGITS} {bksp}`,
  'é è ê ë à â î ï ô ù û ç',
  'a z e r t y u i o p',
  'q s d f g h j k l m',
  "{shift} w x c v b n ' - {shift}",
  SPACE_ROW,
]);

/** US QWERTY letters, for English and Somali (Somali's Latin alphabet has no accents). */
const QWERTY = cased([
  `${DIGITS} {bksp}`,
  'q w e r t y u i o p',
  'a s d f g h j k l',
  "{shift} z x c v b n m ' - {shift}",
  SPACE_ROW,
]);

/** Spanish QWERTY: ñ where Spanish keyboards have it, the accented vowels in their own row. */
const SPANISH_QWERTY = cased([
  `${DIGITS} {bksp}`,
  'á é í ó ú ü',
  'q w e r t y u i o p',
  'a s d f g h j k l ñ',
  "{shift} z x c v b n m ' - {shift}",
  SPACE_ROW,
]);

/** Portuguese QWERTY: ç where Portuguese and Brazilian keyboards have it, accents in a row. */
const PORTUGUESE_QWERTY = cased([
  `${DIGITS} {bksp}`,
  'á à â ã é ê í ó ô õ ú',
  'q w e r t y u i o p',
  'a s d f g h j k l ç',
  "{shift} z x c v b n m ' - {shift}",
  SPACE_ROW,
]);

/** Romanian QWERTY with ă â î ș ț (comma below, the correct forms). */
const ROMANIAN_QWERTY = cased([
  `${DIGITS} {bksp}`,
  'ă â î ș ț',
  'q w e r t y u i o p',
  'a s d f g h j k l',
  "{shift} z x c v b n m ' - {shift}",
  SPACE_ROW,
]);

/**
 * Turkish Q (simple-keyboard-layouts "turkish"). Written out rather than capitalised: dotted and
 * dotless i are i/İ and ı/I.
 */
const TURKISH_Q: KeyboardLayout = {
  default: [
    `${DIGITS} - {bksp}`,
    'q w e r t y u ı o p ğ ü',
    'a s d f g h j k l ş i',
    "{shift} z x c v b n m ö ç ' {shift}",
    SPACE_ROW,
  ],
  shift: [
    `${DIGITS} - {bksp}`,
    'Q W E R T Y U I O P Ğ Ü',
    'A S D F G H J K L Ş İ',
    "{shift} Z X C V B N M Ö Ç ' {shift}",
    SPACE_ROW,
  ],
};

// ---------------------------------------------------------------------------------------------
// Cyrillic (simple-keyboard-layouts "russian" and "ukrainian", ЙЦУКЕН)

const RUSSIAN = cased([
  `ё ${DIGITS} - {bksp}`,
  'й ц у к е н г ш щ з х ъ',
  'ф ы в а п р о л д ж э',
  '{shift} я ч с м и т ь б ю {shift}',
  SPACE_ROW,
]);

/** Ukrainian: і ї є ґ where the library has them; the apostrophe is part of Ukrainian spelling. */
const UKRAINIAN = cased([
  `' ${DIGITS} - {bksp}`,
  'й ц у к е н г ш щ з х ї ґ',
  'ф і в а п р о л д ж є',
  '{shift} я ч с м и т ь б ю {shift}',
  SPACE_ROW,
]);

// ---------------------------------------------------------------------------------------------
// Georgian (simple-keyboard-layouts "georgian"): Georgian has no case; as on Georgian keyboards,
// shift gives the seven letters ჭ ღ თ შ ჟ ძ ჩ (the library's ₾ on shifted ლ is ლ again here).

const GEORGIAN: KeyboardLayout = {
  default: [
    `${DIGITS} - {bksp}`,
    'ქ წ ე რ ტ ყ უ ი ო პ',
    'ა ს დ ფ გ ჰ ჯ კ ლ',
    '{shift} ზ ხ ც ვ ბ ნ მ {shift}',
    SPACE_ROW,
  ],
  shift: [
    `${DIGITS} - {bksp}`,
    'ქ ჭ ე ღ თ ყ უ ი ო პ',
    'ა შ დ ფ გ ჰ ჟ კ ლ',
    '{shift} ძ ხ ჩ ვ ბ ნ მ {shift}',
    SPACE_ROW,
  ],
};

// ---------------------------------------------------------------------------------------------
// Arabic script

/**
 * Arabic 101 (simple-keyboard-layouts "arabic"). Shift gives the hamza forms at their standard
 * places: لإ إ over ف غ, لأ أ over ل ا, لآ آ over لا ى.
 */
const ARABIC: KeyboardLayout = {
  default: [
    `ذ ${DIGITS} {bksp}`,
    'ض ص ث ق ف غ ع ه خ ح ج د',
    'ش س ي ب ل ا ت ن م ك ط',
    '{shift} ئ ء ؤ ر لا ى ة و ز ظ {shift}',
    SPACE_ROW,
  ],
  shift: [
    `ذ ${DIGITS} {bksp}`,
    'ض ص ث ق لإ إ ع ه خ ح ج د',
    'ش س ي ب لأ أ ت ن م ك ط',
    '{shift} ئ ء ؤ ر لآ آ ة و ز ظ {shift}',
    SPACE_ROW,
  ],
};

/** The three letter rows shared by Persian (Dari) and Pashto, from the library's "farsi". */
const PERSIAN_TOP = 'ض ص ث ق ف غ ع ه خ ح ج چ';
/**
 * Persian bottom row: the library's has ژ only on shift and ends with `. /`; ژ and آ (frequent:
 * آدرس) take the places of `.` and `/` so that they are one tap away.
 */
const PERSIAN_BOTTOM = '{shift} ظ ط ز ر ذ د پ و ژ آ {shift}';
/** Persian shift: ؤ ئ ي إ أ آ ة, Arabic ك, ژ and ء where the standard Persian keyboard has them. */
const PERSIAN_BOTTOM_SHIFT = '{shift} ك ط ژ ر ذ د ء و ژ آ {shift}';

/** Persian, for Dari as well (simple-keyboard-layouts "farsi"): ی and ک are the Persian forms. */
const PERSIAN: KeyboardLayout = {
  default: [`${DIGITS} {bksp}`, PERSIAN_TOP, 'ش س ی ب ل ا ت ن م ک گ', PERSIAN_BOTTOM, SPACE_ROW],
  shift: [`${DIGITS} {bksp}`, PERSIAN_TOP, 'ؤ ئ ي إ أ آ ة ن م ک گ', PERSIAN_BOTTOM_SHIFT, SPACE_ROW],
};

/**
 * Pashto: not in simple-keyboard-layouts; written here on the Persian base. Pashto's gaf ګ takes
 * the place of Persian گ (which stays on shift), and a row above the letters holds the letters
 * Persian lacks, each one tap away: ټ ډ ړ ږ ښ ڼ ځ څ and the ye forms ې ۍ ي ئ (ی is on the home
 * row). This follows no official Pashto keyboard standard: it favours finding every letter.
 */
const PASHTO_LETTERS = 'ټ ډ ړ ږ ښ ڼ ځ څ ې ۍ ي ئ';
const PASHTO: KeyboardLayout = {
  default: [`${DIGITS} {bksp}`, PASHTO_LETTERS, PERSIAN_TOP, 'ش س ی ب ل ا ت ن م ک ګ', PERSIAN_BOTTOM, SPACE_ROW],
  shift: [`${DIGITS} {bksp}`, PASHTO_LETTERS, PERSIAN_TOP, 'ؤ ئ ي إ أ آ ة ن م ک گ', PERSIAN_BOTTOM_SHIFT, SPACE_ROW],
};

// ---------------------------------------------------------------------------------------------
// Choices per language

function choice(id: string, script: KeyboardScript, sample: string, layout: KeyboardLayout): KeyboardLayoutChoice {
  return { id, direction: script === 'arabic' ? 'rtl' : 'ltr', script, sample, layout };
}

const AZERTY_CHOICE = choice('fr-azerty', 'latin', 'abc', FRENCH_AZERTY);
const QWERTY_CHOICE = choice('en-qwerty', 'latin', 'qwerty', QWERTY);

const CHOICES: Readonly<Record<string, readonly KeyboardLayoutChoice[]>> = {
  fr: [AZERTY_CHOICE],
  // Latin languages: French AZERTY first (the kiosk's keyboard, streets are French), then a QWERTY
  // with the language's letters.
  en: [AZERTY_CHOICE, QWERTY_CHOICE],
  so: [AZERTY_CHOICE, QWERTY_CHOICE],
  es: [AZERTY_CHOICE, choice('es-qwerty', 'latin', 'ñ á é', SPANISH_QWERTY)],
  pt: [AZERTY_CHOICE, choice('pt-qwerty', 'latin', 'ç ã é', PORTUGUESE_QWERTY)],
  ro: [AZERTY_CHOICE, choice('ro-qwerty', 'latin', 'ă ș ț', ROMANIAN_QWERTY)],
  // Tigrinya is written in Ge'ez (Ethiopic), a syllabary of some 250 signs: typing it needs an
  // input method (transliteration or a two-step picker), which simple-keyboard-layouts does not
  // have. Until there is one, Tigrinya readers get the French keyboard only.
  ti: [AZERTY_CHOICE],
  // Other scripts, and Turkish: the language's keyboard first, French AZERTY second for French
  // place and street names.
  tr: [choice('tr-q', 'latin', 'ç ğ ş', TURKISH_Q), AZERTY_CHOICE],
  ar: [choice('ar', 'arabic', 'ا ب ت', ARABIC), AZERTY_CHOICE],
  fa: [choice('fa', 'arabic', 'ا ب پ', PERSIAN), AZERTY_CHOICE],
  ps: [choice('ps', 'arabic', 'ټ ډ ښ', PASHTO), AZERTY_CHOICE],
  ru: [choice('ru', 'cyrillic', 'а б в', RUSSIAN), AZERTY_CHOICE],
  uk: [choice('uk', 'cyrillic', 'ї є ґ', UKRAINIAN), AZERTY_CHOICE],
  ka: [choice('ka', 'georgian', 'ა ბ გ', GEORGIAN), AZERTY_CHOICE],
};

/** Other codes people or configurations use for the same languages (ISO 639-3, macrolanguages). */
const ALIASES: Readonly<Record<string, string>> = { prs: 'fa', pes: 'fa', pbu: 'ps', pbt: 'ps', pst: 'ps', tir: 'ti', som: 'so' };

/**
 * The layouts offered for a kiosk language, the default first. Accepts region subtags (`fa-AF`);
 * any language without layouts of its own gets French AZERTY.
 */
export function keyboardLayoutsFor(language: string): KeyboardLayoutChoice[] {
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? '';
  const code = ALIASES[primary] ?? primary;
  return [...(CHOICES[code] ?? [AZERTY_CHOICE])];
}

/** Puts the layout-switch key before the space bar (the last row) of both layers. */
export function withSwitchKey(layout: KeyboardLayout): KeyboardLayout {
  const add = (rows: readonly string[]): string[] =>
    rows.map((row, index) => (index === rows.length - 1 ? `${SWITCH_KEY} ${row}` : row));
  return { default: add(layout.default), shift: add(layout.shift) };
}
