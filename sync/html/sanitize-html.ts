/**
 * Texts from Soliguide are CKEditor HTML, entity-encoded, sometimes with inline RTL styles
 * (API.md §6 trap 8). At ingest they become (a) HTML with an allow-list of harmless tags, no
 * script, no event handler, no style (an RTL style becomes `dir="rtl"`), links kept as data
 * (`<span data-href>`), never as navigable anchors — the kiosk turns them into QR codes — and
 * (b) plain text for search, print and read-aloud.
 */
import sanitize from 'sanitize-html';

const LINK_SCHEMES = /^(https?:|mailto:|tel:)/i;

function direction(attribs: Record<string, string>): Record<string, string> {
  if (attribs.dir === 'rtl' || attribs.dir === 'ltr') return { dir: attribs.dir };
  return /direction\s*:\s*rtl/i.test(attribs.style ?? '') ? { dir: 'rtl' } : {};
}

const OPTIONS: sanitize.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'span', 'h3', 'h4', 'blockquote'],
  allowedAttributes: { '*': ['dir'], span: ['dir', 'data-href'] },
  allowedSchemes: [],
  disallowedTagsMode: 'discard',
  transformTags: {
    // One transform for every tag: sanitize-html applies '*' instead of, not besides, a per-tag one.
    '*': (tagName, attribs) => {
      if (tagName !== 'a') return { tagName, attribs: direction(attribs) };
      const href = (attribs.href ?? '').trim();
      return { tagName: 'span', attribs: { ...direction(attribs), ...(LINK_SCHEMES.test(href) ? { 'data-href': href } : {}) } };
    },
  },
};

export interface CleanText {
  html: string;
  text: string;
}

const ESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

/** Plain text of sanitised HTML: paragraphs and line breaks kept, list items bulleted. */
function toText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '• ')
    .replace(/<\/(p|li|h3|h4|blockquote|ul|ol)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (entity) => ESCAPES[entity] ?? entity)
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/**
 * Services carry copies of their place's texts (API.md §6 trap 13) and many places share
 * boilerplate, so the same HTML comes again and again in one pass: sanitising dominated the
 * ingest profile. Results are memoised; the cache is dropped whole when it grows past the limit.
 */
const MEMO_LIMIT = 2_000; // repeats are mostly within a place and its neighbours; 20 000 cost ~60 MB at 50 000 places
const memo = new Map<string, CleanText | null>();

/** null for null, absent, blank or markup-only input. */
export function cleanHtml(raw: string | null | undefined): CleanText | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const known = memo.get(raw);
  if (known !== undefined) return known;
  const html = sanitize(raw, OPTIONS).trim();
  const text = toText(html);
  const clean = text === '' ? null : { html, text };
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(raw, clean);
  return clean;
}

/** For fields documented as plain text (names, precisions) that may still carry markup or entities. */
export function cleanPlain(raw: string | null | undefined): string | null {
  return cleanHtml(raw)?.text.replace(/\s*\n\s*/g, ' ') ?? null;
}
