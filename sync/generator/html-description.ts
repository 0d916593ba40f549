/**
 * Descriptions as CKEditor stores them (API.md §6 trap 8): `<p>`, `<strong>`, lists, `<br />`,
 * links, sometimes no tag at all, often every non-ASCII character as a numeric entity (`&#233;`),
 * and — in a small share — markup a kiosk must never render (script, event handlers, inline styles,
 * `javascript:` links). Translations wrap the same sentences, with Soliguide's inline RTL style for
 * Arabic, Persian and Pashto (§1.8).
 */
import { memoized } from './flat-text';
import { searchSlug } from './place-names';
import type { Random } from './random';
import type { Phrase, PhraseLanguage } from './root-phrases';

export type DescriptionLayout = 'paragraphs' | 'plain' | 'strongLead' | 'list' | 'lineBreaks' | 'link';

const LAYOUTS: Readonly<Record<DescriptionLayout, number>> = {
  paragraphs: 40,
  plain: 15,
  strongLead: 15,
  list: 12,
  lineBreaks: 8,
  link: 10,
};

export interface DescriptionPlan {
  phrases: readonly Phrase[];
  layout: DescriptionLayout;
  entities: boolean;
  unsafe: boolean;
  website: string | null;
}

export function drawLayout(random: Random, hasWebsite: boolean): DescriptionLayout {
  const layout = random.weighted(LAYOUTS);
  return layout === 'link' && !hasWebsite ? 'paragraphs' : layout;
}

/**
 * CKEditor 4's default output: every character above U+007F as a decimal entity. A regular
 * expression rather than `+=` in a loop: the latter leaves a rope of one heap object per
 * character, which 100 000 descriptions turn into hundreds of megabytes.
 */
export function encodeEntities(html: string): string {
  return html.replace(/[^\u0000-\u007f]/gu, (char) => `&#${char.codePointAt(0)};`);
}

/** What a sanitiser must drop: a script, an event handler, an inline style, a `javascript:` link. */
export const UNSAFE_HTML =
  '<p style="color:red" onclick="alert(\'xss\')">Cliquez ici pour vous inscrire</p>' +
  '<script>alert("xss")</script>' +
  '<p><a href="javascript:alert(document.cookie)">Formulaire en ligne</a></p>';

export function frenchDescription(plan: DescriptionPlan): string {
  const texts = plan.phrases.map((phrase) => phrase.fr);
  const [lead = '', ...rest] = texts;
  // Pieces go into one array joined once, so the stored description is a flat string (flat-text.ts).
  const parts: string[] = [];
  const paragraph = (content: string): void => {
    parts.push('<p>', content, '</p>');
  };
  switch (plan.layout) {
    case 'plain':
      parts.push(texts.join(' '));
      break;
    case 'strongLead':
      parts.push('<p><strong>', lead, '</strong></p>');
      rest.forEach(paragraph);
      break;
    case 'list':
      paragraph(lead);
      if (rest.length > 0) {
        parts.push('<ul>');
        for (const item of rest) parts.push('<li>', item, '</li>');
        parts.push('</ul>');
      }
      break;
    case 'lineBreaks':
      paragraph(texts.join('<br />'));
      break;
    case 'link':
      texts.forEach(paragraph);
      parts.push("<p>Plus d'informations : <a href=\"", plan.website ?? '', '" target="_blank">', plan.website ?? '', '</a></p>');
      break;
    case 'paragraphs':
      texts.forEach(paragraph);
      break;
  }
  if (plan.unsafe) parts.push(UNSAFE_HTML);
  const html = parts.join('');
  return plan.entities ? encodeEntities(html) : html;
}

/** The translated phrases are few: escape each once. */
const escapeApostrophes = memoized((sentence) => sentence.replace(/'/g, '&#39;'));

const sentenceSlug = memoized(searchSlug);
const UNSAFE_SLUG = searchSlug(UNSAFE_HTML);

/**
 * `searchSlug(frenchDescription(plan))` without scanning the HTML: tags and entities do not change
 * the slug, so it is the slugs of the text pieces joined by spaces (checked against searchSlug
 * for every generated place by the tests).
 */
export function descriptionSlug(plan: DescriptionPlan): string {
  const pieces = plan.phrases.map((phrase) => sentenceSlug(phrase.fr));
  if (plan.layout === 'link') pieces.push('plus d informations', searchSlug(plan.website ?? ''));
  if (plan.unsafe) pieces.push(UNSAFE_SLUG);
  return pieces.filter((piece) => piece !== '').join(' ');
}

const RTL_LANGUAGES: ReadonlySet<PhraseLanguage> = new Set(['ar', 'fa', 'ps']);

/** A translated HTML field, one paragraph per sentence; apostrophes as `&#39;` like the fixtures. */
export function translatedHtml(phrases: readonly Phrase[], language: PhraseLanguage): string {
  const open = RTL_LANGUAGES.has(language) ? '<p style=";text-align:right;direction:rtl">' : '<p>';
  const parts: string[] = [];
  for (const phrase of phrases) parts.push(open, escapeApostrophes(phrase[language]), '</p>');
  return parts.join('');
}

export function isRtl(language: PhraseLanguage): boolean {
  return RTL_LANGUAGES.has(language);
}
