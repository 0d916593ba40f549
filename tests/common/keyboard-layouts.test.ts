import { describe, expect, it } from 'vitest';
import {
  SWITCH_KEY,
  isFunctionKey,
  keyboardLayoutsFor,
  keysOf,
  withSwitchKey,
  type KeyboardLayout,
  type KeyboardLayoutChoice,
} from '../../common/keyboard/keyboard-layouts';

const KIOSK_LANGUAGES = ['fr', 'en', 'ar', 'es', 'pt', 'ro', 'ru', 'uk', 'ka', 'fa', 'ps', 'tr', 'ti', 'so'];
const NON_LATIN = ['ar', 'fa', 'ps', 'ru', 'uk', 'ka'];

const keysOfLayer = (rows: readonly string[]): string[] => rows.flatMap(keysOf);
const allKeys = (layout: KeyboardLayout): string[] => [...keysOfLayer(layout.default), ...keysOfLayer(layout.shift)];
const defaultOf = (language: string): KeyboardLayoutChoice => {
  const first = keyboardLayoutsFor(language)[0];
  if (!first) throw new Error(`no layout for ${language}`);
  return first;
};
const allChoices = (): KeyboardLayoutChoice[] => KIOSK_LANGUAGES.flatMap(keyboardLayoutsFor);

describe('keyboard layouts', () => {
  it.each(KIOSK_LANGUAGES)('%s gets at least one layout', (language) => {
    expect(keyboardLayoutsFor(language).length).toBeGreaterThanOrEqual(1);
  });

  it('gives French a real AZERTY by default with every French accented letter one tap away', () => {
    const french = defaultOf('fr');
    expect(french.direction).toBe('ltr');
    expect(french.layout.default.some((row) => row.startsWith('a z e r t y'))).toBe(true);
    expect(french.layout.default.some((row) => row.startsWith('q s d f g h j k l m'))).toBe(true);
    expect(french.layout.default.some((row) => keysOf(row).slice(1, 7).join(' ') === 'w x c v b n')).toBe(true);
    const unshifted = keysOfLayer(french.layout.default);
    for (const letter of ['é', 'è', 'à', 'ç', 'ù', 'â', 'ê', 'î', 'ô', 'û', 'ë', 'ï']) expect(unshifted).toContain(letter);
    for (const key of ["'", '-', '0', '9']) expect(unshifted).toContain(key);
  });

  it('uses AZERTY as the default Latin layout for the other Latin languages', () => {
    for (const language of ['en', 'es', 'pt', 'ro', 'so', 'ti']) expect(defaultOf(language).id).toBe(defaultOf('fr').id);
    const spanish = keyboardLayoutsFor('es').flatMap((choice) => keysOfLayer(choice.layout.default));
    expect(spanish).toContain('ñ');
    const romanian = keyboardLayoutsFor('ro').flatMap((choice) => keysOfLayer(choice.layout.default));
    for (const letter of ['ă', 'â', 'î', 'ș', 'ț']) expect(romanian).toContain(letter);
  });

  it.each([
    ['ar', ['ة', 'ى']],
    ['fa', ['پ', 'چ', 'ژ', 'گ', 'ک', 'ی']],
    ['ps', ['ټ', 'ډ', 'ړ', 'ږ', 'ښ', 'ګ', 'ڼ', 'ې', 'ی', 'ۍ', 'ئ']],
  ])('%s is right to left with its distinctive letters one tap away', (language, letters) => {
    const layout = defaultOf(language);
    expect(layout.direction).toBe('rtl');
    const unshifted = keysOfLayer(layout.layout.default);
    for (const letter of letters) expect(unshifted).toContain(letter);
  });

  it('gives Ukrainian і ї є ґ and Russian its own letters', () => {
    const ukrainian = keysOfLayer(defaultOf('uk').layout.default);
    for (const letter of ['і', 'ї', 'є', 'ґ']) expect(ukrainian).toContain(letter);
    const russian = keysOfLayer(defaultOf('ru').layout.default);
    for (const letter of ['ы', 'э', 'ъ', 'ё']) expect(russian).toContain(letter);
    expect(defaultOf('ru').direction).toBe('ltr');
  });

  it('gives Turkish ç ğ ı ö ş ü and the dotted capital İ', () => {
    const turkish = defaultOf('tr').layout;
    for (const letter of ['ç', 'ğ', 'ı', 'ö', 'ş', 'ü', 'i']) expect(keysOfLayer(turkish.default)).toContain(letter);
    for (const letter of ['İ', 'I', 'Ğ', 'Ş']) expect(keysOfLayer(turkish.shift)).toContain(letter);
  });

  it('gives Georgian all 33 letters of the alphabet', () => {
    const georgian = new Set(allKeys(defaultOf('ka').layout));
    for (const letter of 'აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ') expect(georgian).toContain(letter);
  });

  it.each(NON_LATIN)('%s offers French AZERTY as the second choice', (language) => {
    const choices = keyboardLayoutsFor(language);
    expect(choices[0]?.id).not.toBe(defaultOf('fr').id);
    expect(choices[1]?.id).toBe(defaultOf('fr').id);
    expect(choices[1]?.layout.default.some((row) => row.startsWith('a z e r t y'))).toBe(true);
  });

  it('offers Tigrinya the French layout (Ge\u2019ez needs an input method)', () => {
    expect(keyboardLayoutsFor('ti').map((choice) => choice.id)).toEqual([defaultOf('fr').id]);
  });

  it('accepts region subtags and gives unknown languages French AZERTY', () => {
    expect(defaultOf('fa-AF').id).toBe(defaultOf('fa').id);
    expect(defaultOf('prs').id).toBe(defaultOf('fa').id);
    expect(defaultOf('xx').id).toBe(defaultOf('fr').id);
  });

  it('gives every layer of every layout the same number of rows and no key useless for a search', () => {
    for (const { id, layout } of allChoices()) {
      expect(layout.shift.length, id).toBe(layout.default.length);
      const keys = allKeys(layout);
      for (const useless of ['{tab}', '{enter}', '.com', '@']) expect(keys, id).not.toContain(useless);
      expect(keys, id).toContain('{bksp}');
      expect(keys, id).toContain('{space}');
      for (const row of [...layout.default, ...layout.shift]) {
        expect(row, id).toBe(row.trim());
        expect(row, id).not.toMatch(/ {2}/);
      }
      for (const key of keys) if (key.startsWith('{')) expect(isFunctionKey(key), `${id}: ${key}`).toBe(true);
    }
  });

  it('adds the layout-switch key before the space bar of both layers', () => {
    const switched = withSwitchKey(defaultOf('ar').layout);
    expect(switched.default.at(-1)).toBe(`${SWITCH_KEY} {space}`);
    expect(switched.shift.at(-1)).toBe(`${SWITCH_KEY} {space}`);
    expect(switched.default.slice(0, -1)).toEqual(defaultOf('ar').layout.default.slice(0, -1));
  });

  it('hands out copies: changing a returned list does not change the next one', () => {
    const first = keyboardLayoutsFor('ar');
    first.pop();
    expect(keyboardLayoutsFor('ar')).toHaveLength(2);
  });
});
