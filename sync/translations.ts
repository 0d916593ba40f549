/**
 * Texts in the kiosk's other languages, from `/new-search/{lang}` (API.md §1.8). Soliguide falls
 * back to French silently per field and translates at most 100 places per answer, so pages are
 * of 100 and a text is stored only where it differs from the French one: no row means "only in
 * French", which the UI says.
 */
import type { MirrorDatabase } from './mirror-database';
import type { SoliguideClient } from './soliguide/api-client';
import { mapPlace, type CategoryText, type MappedPlace } from './soliguide/map-place';
import { readAllPages } from './soliguide/read-pages';
import type { QuarantinedRecord } from './sync-runs';

/** Languages Soliguide translates into (the `:lang` of §1.3); others get no request (a 500 otherwise). */
export const SOLIGUIDE_LANGUAGES = new Set(['ar', 'ca', 'en', 'es', 'fa', 'ka', 'ps', 'pt', 'ro', 'ru', 'uk']);
const TRANSLATION_PAGE_SIZE = 100;

interface FrenchTexts {
  description_text: string | null;
  notices: Map<string, { title: string | null; description_text: string | null }>;
  services: Map<number, string | null>;
}

function translatedFields(mapped: MappedPlace): [field: string, html: string | null, text: string | null][] {
  const fields: [string, string | null, string | null][] = [
    ['description', mapped.place.description_html, mapped.place.description_text],
  ];
  for (const notice of mapped.notices) {
    fields.push([`notice.${notice.kind}.title`, null, notice.title]);
    fields.push([`notice.${notice.kind}.description`, notice.description_html, notice.description_text]);
  }
  for (const service of mapped.services) fields.push([`service.${service.position}.description`, service.description_html, service.description_text]);
  return fields;
}

export async function fetchTranslations(
  staging: MirrorDatabase,
  client: SoliguideClient,
  languages: readonly string[],
  rootCategories: readonly string[],
  categoryText: CategoryText,
  onQuarantine: (record: QuarantinedRecord) => void,
): Promise<number> {
  const frenchPlace = staging.prepare('SELECT description_text FROM places WHERE lieu_id = ?').pluck();
  const frenchNotices = staging.prepare('SELECT kind, title, description_text FROM temporary_notices WHERE lieu_id = ?');
  const frenchServices = staging.prepare('SELECT position, description_text FROM services WHERE lieu_id = ?');
  const insert = staging.prepare('INSERT OR REPLACE INTO place_translations (lieu_id, language, field, html, text) VALUES (?, ?, ?, ?, ?)');
  const french = (lieuId: number): FrenchTexts | null => {
    const description = frenchPlace.get(lieuId) as string | null | undefined;
    if (description === undefined) return null; // not in this pass (quarantined in French)
    const notices = new Map<string, { title: string | null; description_text: string | null }>();
    for (const row of frenchNotices.all(lieuId) as { kind: string; title: string | null; description_text: string | null }[]) notices.set(row.kind, row);
    const services = new Map<number, string | null>();
    for (const row of frenchServices.all(lieuId) as { position: number; description_text: string | null }[]) services.set(row.position, row.description_text);
    return { description_text: description, notices, services };
  };
  const frenchText = (source: FrenchTexts, field: string): string | null => {
    const [group, key, part] = field.split('.');
    if (group === 'description') return source.description_text;
    if (group === 'notice') {
      const notice = source.notices.get(key as string);
      return (part === 'title' ? notice?.title : notice?.description_text) ?? null;
    }
    return source.services.get(Number(key)) ?? null;
  };
  let stored = 0;
  for (const language of languages.filter((code) => SOLIGUIDE_LANGUAGES.has(code))) {
    for (const placeType of ['LIEU', 'PARCOURS_MOBILE'] as const) {
      await readAllPages({
        client,
        rootCategories,
        placeType,
        pageSize: TRANSLATION_PAGE_SIZE,
        language,
        onQuarantine,
        onPage: (page) => {
          staging.transaction(() => {
            for (const { place } of page.places) {
              const source = french(place.lieu_id);
              if (!source) continue;
              for (const [field, html, text] of translatedFields(mapPlace(place, placeType, categoryText))) {
                if (text === null || text === frenchText(source, field)) continue;
                insert.run(place.lieu_id, language, field, html, text);
                stored++;
              }
            }
          })();
        },
      });
    }
  }
  return stored;
}
