import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { trapsOf } from '../../sync/generator/generate-directory';
import { searchSlug, slugify } from '../../sync/generator/place-names';
import { TRANSLATION_LANGUAGES } from '../../sync/generator/translations';
import { directory, NOW } from './generator-support';

describe('translation documents (API.md §1.8)', () => {
  const { places, translations } = directory();
  const byLieuId = new Map(places.map((place) => [place.lieu_id, place]));

  it('exist for a share of the places, one per place, pointing at it', () => {
    expect(translations.length / places.length).toBeGreaterThan(0.1);
    expect(new Set(translations.map((doc) => doc.lieu_id)).size).toBe(translations.length);
    for (const doc of translations) {
      const place = byLieuId.get(doc.lieu_id);
      expect(doc.placeObjectId).toBe(place?._id);
      expect(doc.position).toEqual({ departmentCode: place?.position.departmentCode, regionCode: null, country: 'fr' });
    }
  });

  it('hold the 11 languages; untranslated fields are null, translated ones follow the French services', () => {
    expect([...TRANSLATION_LANGUAGES].sort()).toEqual(['ar', 'ca', 'en', 'es', 'fa', 'ka', 'ps', 'pt', 'ro', 'ru', 'uk']);
    for (const doc of translations) {
      expect(Object.keys(doc.languages)).toEqual(TRANSLATION_LANGUAGES);
      const place = byLieuId.get(doc.lieu_id);
      for (const entry of Object.values(doc.languages)) {
        if (entry.translationRate === 0) expect(entry.place.description).toBeNull();
        else expect(entry.place.services_all).toHaveLength(place?.services_all.length ?? -1);
      }
    }
  });

  it('style Arabic, Persian and Pashto HTML right-to-left inline, and nothing else', () => {
    const rtl = translations.filter((doc) => trapsOf(byLieuId.get(doc.lieu_id) ?? places[0]!, NOW, doc).includes('rtlTranslations'));
    expect(rtl.length).toBeGreaterThan(100);
    for (const doc of rtl) {
      for (const language of ['ar', 'fa', 'ps'] as const) {
        expect(doc.languages[language]?.place.description).toMatch(/^<p style=";text-align:right;direction:rtl">/);
      }
      expect(doc.languages.en?.place.description ?? '').not.toMatch(/direction:rtl/);
    }
  });
});

describe('names and texts', () => {
  const places = directory().places;

  it('never names a place after a person: only association, network and service names', () => {
    for (const place of places) {
      expect(place.name.length).toBeGreaterThanOrEqual(3);
      expect(place.name).not.toMatch(/\b(M\.|Mme|Monsieur|Madame|Dr)\b/);
    }
    expect(new Set(places.map((place) => place.name)).size).toBeGreaterThan(1000);
  });

  it('stores CKEditor HTML, with &#NNN; entities in the announced share', () => {
    const encoded = places.filter((place) => trapsOf(place, NOW).includes('htmlWithEntities'));
    for (const place of encoded) expect(place.description ?? '').not.toMatch(/[^\x00-\x7f]/);
    expect(places.some((place) => /^<p>/.test(place.description ?? ''))).toBe(true);
    expect(places.some((place) => /<ul><li>/.test(place.description ?? ''))).toBe(true);
    expect(places.some((place) => /<strong>/.test(place.description ?? ''))).toBe(true);
  });

  it('derives slugs as Soliguide does (accented letters dropped from search text, folded in URLs)', () => {
    expect(searchSlug('<p>Consultations &#224; l&#39;IAP (Pr&#233;venir) &amp; plus</p>')).toBe('consultations l iap pr venir plus');
    expect(slugify("Provence-Alpes-Côte d'Azur")).toBe('provence-alpes-cote-d-azur');
    for (const place of places) {
      expect(place.slugs.infos.description).toBe(searchSlug(place.description ?? ''));
      expect(place.seo_url).toMatch(/^[a-z0-9-]+-\d+$/);
    }
  });
});

describe('environment-free generator', () => {
  const folder = fileURLToPath(new URL('../../sync/generator/', import.meta.url));
  const sources = readdirSync(folder).filter((name) => name.endsWith('.ts'));

  it.each(sources)('%s imports only its own folder and the demo taxonomy, and reads no clock or Math.random', (name) => {
    const source = readFileSync(`${folder}${name}`, 'utf8');
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    const specifiers = [...source.matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((match) => match[1]);
    for (const specifier of specifiers) expect(specifier === '../demo/demo-taxonomy.json' || /^\.\/[a-z0-9-]+$/.test(specifier ?? ''), specifier).toBe(true);
    expect(code).not.toMatch(/Math\.random|Date\.now|new Date\(\)|performance\.now/);
    expect(source.split('\n').length).toBeLessThanOrEqual(310);
  });
});
