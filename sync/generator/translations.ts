/**
 * Translation documents (`translatedPlaces`, API.md §1.8) for a share of the places: the same
 * sentences as the French text, per language; `null` where nothing is translated (the API then
 * silently falls back to French); Arabic, Persian and Pashto with Soliguide's inline RTL style.
 */
import { isoString, objectId } from './calendar';
import { translatedHtml } from './html-description';
import { NOTICE_PHRASES } from './notice-phrases';
import type { Random } from './random';
import type { Phrase, PhraseLanguage } from './root-phrases';
import type { StoredPlace, StoredTranslatedPlace, StoredTranslation, StoredTranslationLanguage, TranslationLanguage } from './stored-place';

/** In the order of the stored documents; `pt` is newer than the fixtures. */
export const TRANSLATION_LANGUAGES: readonly TranslationLanguage[] = ['ar', 'en', 'es', 'fa', 'ps', 'ru', 'uk', 'ca', 'ka', 'ro', 'pt'];
const RTL: ReadonlySet<TranslationLanguage> = new Set(['ar', 'fa', 'ps']);
/** Machine translation covers the main languages more often than the recent ones. */
const COVERAGE: Readonly<Record<TranslationLanguage, number>> = {
  ar: 0.9, en: 0.95, es: 0.85, fa: 0.8, ps: 0.75, ru: 0.85, uk: 0.8, ca: 0.4, ka: 0.4, ro: 0.5, pt: 0.5,
};

export interface TranslationInput {
  place: StoredPlace;
  descriptionPhrases: readonly Phrase[];
  servicePhrases: readonly (Phrase | null)[];
  /** False: the ar/fa/ps entries exist but hold nothing (no RTL content). */
  rtl: boolean;
  createdMs: number;
  updatedMs: number;
}

const PRECISION_KEYS = ['appointment', 'inscription', 'orientation', 'price'] as const;

function empty(): StoredTranslatedPlace {
  return {
    description: null,
    modalities: {
      appointment: { precisions: null },
      inscription: { precisions: null },
      orientation: { precisions: null },
      price: { precisions: null },
      other: null,
    },
    publics: { description: null },
    services_all: [],
    tempInfos: { closure: { description: null }, hours: { description: null }, message: { description: null, name: null } },
  };
}

function translatedPlace(input: TranslationInput, language: PhraseLanguage): StoredTranslatedPlace {
  const { place } = input;
  const translated = empty();
  translated.description = translatedHtml(input.descriptionPhrases, language);
  translated.services_all = place.services_all.map((service, index) => {
    const entry: Record<string, string | null> = {};
    const phrase = input.servicePhrases[index] ?? null;
    if (phrase !== null) entry.description = translatedHtml([phrase], language);
    // Service fields are stored under dotted keys; free-text precisions are not machine-translated
    // here, so they are recorded as untranslated (the API falls back to French, §6 trap 24).
    if (service.publics.description) entry['publics.description'] = null;
    for (const key of PRECISION_KEYS) if (service.modalities[key].precisions) entry[`modalities.${key}.precisions`] = null;
    if (service.modalities.other) entry['modalities.other'] = null;
    return entry;
  });
  const { closure, hours, message } = place.tempInfos;
  if (closure.description !== null) translated.tempInfos.closure.description = translatedHtml([NOTICE_PHRASES.closureWorks], language);
  if (hours.description !== null) translated.tempInfos.hours.description = translatedHtml([NOTICE_PHRASES.reducedHours], language);
  if (message.name !== null) {
    translated.tempInfos.message = {
      description: translatedHtml([NOTICE_PHRASES.movedText], language),
      name: NOTICE_PHRASES.movedTitle[language],
    };
  }
  return translated;
}

export function generateTranslation(input: TranslationInput, random: Random): StoredTranslation {
  const { place } = input;
  const createdAt = isoString(input.createdMs + random.int(1_000, 60_000));
  const updatedAt = isoString(Math.max(input.createdMs + 60_000, input.updatedMs + random.int(1_000, 86_400_000)));
  const languages: Partial<Record<TranslationLanguage, StoredTranslationLanguage>> = {};
  let rateSum = 0;
  for (const language of TRANSLATION_LANGUAGES) {
    const covered = RTL.has(language) ? input.rtl : random.chance(COVERAGE[language]);
    const translationRate = covered ? 100 : 0;
    rateSum += translationRate;
    languages[language] = {
      place: covered ? translatedPlace(input, language) : empty(),
      translationRate,
      createdAt,
      updatedAt,
    };
  }
  return {
    _id: objectId(input.createdMs, place.lieu_id * 8 + 7, random),
    languages,
    lastUpdate: updatedAt,
    translationRate: Math.round(rateSum / TRANSLATION_LANGUAGES.length),
    lieu_id: place.lieu_id,
    createdAt,
    updatedAt,
    __v: 0,
    placeObjectId: place._id,
    sourceLanguage: 'fr',
    position: { departmentCode: place.position.departmentCode, regionCode: null, country: 'fr' },
  };
}
