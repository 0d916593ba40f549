/**
 * What a person types, turned into a search: everyday words for needs become categories
 * ("manger", "douches", "avocat", "CAF" — in the visitor's language and in French), the other
 * words become full-text terms (accents and case ignored, every word a prefix as they type,
 * plurals folded, a one-letter typo tolerated on words of five letters or more). Nothing typed is
 * ever query syntax: a word is letters and digits, quoted.
 */
import ar from '../../locales/search-words/ar.json';
import en from '../../locales/search-words/en.json';
import fr from '../../locales/search-words/fr.json';
import type { MirrorDatabase } from '../mirror-database';
import { CELL_TOKEN_GLOB } from '../search-index';
import { memoOnMirror } from './search-points';

interface WordFile {
  words: Record<string, string[]>;
}

const WORD_FILES: Record<string, WordFile> = { fr, en, ar };

/** Lower case, accents and Arabic diacritics removed: as the full-text index folds them. */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/[\u0300-\u036f\u064b-\u065f\u0670]/gu, '').toLowerCase();
}

/** Short words that carry no need when they are not the word being typed. */
const STOP_WORDS = new Set(['a', 'au', 'aux', 'de', 'des', 'du', 'en', 'et', 'la', 'le', 'les', 'l', 'd', 'pour', 'the', 'of', 'and', 'for', 'to', 'in']);

/** The word and its singular forms (French and English plurals: -s, -x, -aux → -al; Arabic: without the article ال). */
export function singularForms(word: string): string[] {
  const forms = [word];
  if (word.length >= 4 && word.startsWith('ال')) forms.push(word.slice(2));
  if (word.length >= 4 && /[sx]$/.test(word)) forms.push(word.slice(0, -1));
  if (word.length >= 5 && word.endsWith('aux')) forms.push(`${word.slice(0, -3)}al`);
  return forms;
}

/** Every string one edit away (deletion, transposition, substitution, insertion) over the letters seen. */
export function oneEditAway(word: string, alphabet: readonly string[]): Set<string> {
  const variants = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail.length > 0) variants.add(head + tail.slice(1));
    if (tail.length > 1) variants.add(head + (tail[1] as string) + (tail[0] as string) + tail.slice(2));
    for (const letter of alphabet) {
      if (tail.length > 0) variants.add(head + letter + tail.slice(1));
      variants.add(head + letter + tail);
    }
  }
  variants.delete(word);
  return variants;
}

interface Dictionary {
  /** Folded word → category ids. */
  words: Map<string, Set<string>>;
  sorted: string[];
  alphabet: string[];
}

const dictionaries = new Map<string, Dictionary>();

function dictionaryFor(language: string): Dictionary {
  const known = dictionaries.get(language);
  if (known) return known;
  const words = new Map<string, Set<string>>();
  for (const code of new Set(['fr', language])) {
    for (const [word, categories] of Object.entries(WORD_FILES[code]?.words ?? {})) {
      const folded = foldWord(word);
      const set = words.get(folded) ?? new Set<string>();
      for (const category of categories) set.add(category);
      words.set(folded, set);
    }
  }
  const sorted = [...words.keys()].sort();
  const dictionary = { words, sorted, alphabet: [...new Set(sorted.join('').replace(/\s/g, ''))] };
  dictionaries.set(language, dictionary);
  return dictionary;
}

/** Index of the first entry ≥ prefix in a sorted list. */
function lowerBound(sorted: readonly string[], prefix: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as string) < prefix) low = middle + 1;
    else high = middle;
  }
  return low;
}

function hasPrefix(sorted: readonly string[], prefix: string): boolean {
  return (sorted[lowerBound(sorted, prefix)] ?? '').startsWith(prefix);
}

/** The words of the full-text index (map cells aside), read again only when the mirror changes. */
interface Vocabulary {
  terms: Set<string>;
  sorted: string[];
  alphabet: string[];
}

function vocabularyOf(db: MirrorDatabase): Vocabulary {
  return memoOnMirror(db, 'vocabulary', () => {
    const sorted = db.prepare('SELECT term FROM places_vocabulary WHERE term NOT GLOB ? ORDER BY term').pluck().all(CELL_TOKEN_GLOB) as string[];
    const alphabet = [...new Set(sorted.join(''))].filter((letter) => /\p{L}/u.test(letter));
    return { terms: new Set(sorted), sorted, alphabet };
  });
}

/** A need word: a place answers it with a service in one of its categories, or by its text. */
export interface NeedWord {
  word: string;
  categories: string[];
  /** FTS5 expression for the word itself when it also occurs in the directory's text, or null. */
  match: string | null;
}

export interface TextQuery {
  /** FTS5 expression of the other words, all required; null when there are none. */
  match: string | null;
  needs: NeedWord[];
  /** Words that matched nothing, even with a typo forgiven: the search then has no result. */
  unmatched: string[];
}

const quote = (term: string): string => `"${term}"`;
/** The longest prefix indexed by places_fts (migration 0006). */
const PREFIX_LETTERS = 6;
/** A group of alternatives (the index keeps no columns: typed words match name, categories or description). */
const group = (expression: string): string => `(${expression})`;

/** Turns typed text into need words and full-text terms. */
export function textQuery(db: MirrorDatabase, text: string, language: string): TextQuery {
  const words = (foldWord(text.normalize('NFKC')).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
  const dictionary = dictionaryFor(language);
  const vocabulary = vocabularyOf(db);
  const needs: NeedWord[] = [];
  const terms: string[] = [];
  const unmatched: string[] = [];
  words.forEach((word, index) => {
    const last = index === words.length - 1;
    if (!last && STOP_WORDS.has(word)) return;
    const forms = singularForms(word);
    // A need word, whole (or, for the word being typed, the start of one from three letters).
    const categories = new Set<string>();
    for (const form of forms) for (const id of dictionary.words.get(form) ?? []) categories.add(id);
    if (last && word.length >= 3) {
      for (let i = lowerBound(dictionary.sorted, word); (dictionary.sorted[i] ?? '').startsWith(word); i++) {
        for (const id of dictionary.words.get(dictionary.sorted[i] as string) ?? []) categories.add(id);
      }
    }
    // Every word a prefix (people abbreviate: "restau solid"), or its singular; beyond six letters
    // on its first six, which the prefix index answers without reading every longer word's list.
    const inText = forms.some((form) => hasPrefix(vocabulary.sorted, form));
    const expression = [...new Set(forms.map((form) => `${quote(form.slice(0, PREFIX_LETTERS))}*`))].join(' OR ');
    if (categories.size > 0) {
      needs.push({ word, categories: [...categories].sort(), match: inText ? group(expression) : null });
      return;
    }
    if (inText) {
      terms.push(`(${expression})`);
      return;
    }
    // Nothing starts with it: forgive one wrong, missing, extra or swapped letter on longer words.
    if (word.length >= 5) {
      const nearCategories = new Set<string>();
      for (const variant of oneEditAway(word, dictionary.alphabet)) for (const id of dictionary.words.get(variant) ?? []) nearCategories.add(id);
      const nearTerms = [...oneEditAway(word, vocabulary.alphabet)].filter((variant) => vocabulary.terms.has(variant)).sort().slice(0, 20);
      if (nearCategories.size > 0) {
        needs.push({ word, categories: [...nearCategories].sort(), match: nearTerms.length > 0 ? group(nearTerms.map(quote).join(' OR ')) : null });
        return;
      }
      if (nearTerms.length > 0) {
        terms.push(`(${nearTerms.map(quote).join(' OR ')})`);
        return;
      }
    }
    unmatched.push(word);
  });
  return { match: terms.length === 0 ? null : group(terms.join(' AND ')), needs, unmatched };
}
