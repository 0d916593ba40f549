import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KIOSK_LANGUAGES, SOURCE_LANGUAGE } from '../../common/i18n/languages';
import { demoTaxonomy } from '../../sync/demo/demo-mirror';
import type { ApiCategoryNode } from '../../sync/categories/store-categories';

const LOCALES = fileURLToPath(new URL('../../locales/', import.meta.url));
type Catalogue = { [key: string]: string | Catalogue };

function catalogue(code: string): Catalogue {
  return JSON.parse(readFileSync(`${LOCALES}${code}.json`, 'utf8')) as Catalogue;
}

function flatten(entry: Catalogue, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(entry)) {
    if (typeof value === 'string') keys.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) keys.set(k, v);
  }
  return keys;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] as string).sort();

describe('locales', () => {
  const source = flatten(catalogue(SOURCE_LANGUAGE));

  it('has a catalogue file for exactly the kiosk languages', () => {
    const files = readdirSync(LOCALES).filter((f) => /^[a-z]{2,3}\.json$/.test(f)).map((f) => f.slice(0, -5));
    expect(files.sort()).toEqual([...KIOSK_LANGUAGES].sort());
  });

  it.each(KIOSK_LANGUAGES.filter((code) => code !== SOURCE_LANGUAGE))(
    '%s has every key of the French catalogue, none empty, with the same placeholders',
    (code) => {
      const translated = flatten(catalogue(code));
      expect([...translated.keys()].sort()).toEqual([...source.keys()].sort());
      for (const [key, text] of translated) {
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), key).toEqual(placeholders(source.get(key) as string));
      }
    },
  );

  it('names every category of the taxonomy in French', () => {
    const ids = new Set<string>();
    const walk = (node: ApiCategoryNode): void => {
      ids.add(node.id);
      node.children.forEach(walk);
    };
    demoTaxonomy().forEach(walk);
    const missing = [...ids].filter((id) => !source.has(`categories.${id}`));
    expect(missing).toEqual([]);
  });

  it('writes each kiosk language in itself', () => {
    const names = JSON.parse(readFileSync(`${LOCALES}language-names.json`, 'utf8')) as Record<string, string>;
    expect(Object.keys(names).sort()).toEqual([...KIOSK_LANGUAGES].sort());
    expect(names.ar).toBe('العربية');
  });
});
