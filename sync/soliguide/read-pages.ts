/**
 * Reads every page of a search, validates each record against the partner shape, and hands the
 * good ones over page by page. A bad record is quarantined and counted; a page where most
 * records are bad, or that is not a search answer at all, fails the pass.
 */
import type { QuarantinedRecord } from '../sync-runs';
import { SoliguideRequestError, type SoliguideClient } from './api-client';
import { rawPlaceSchema, type RawPlace } from './partner-place';
import { searchBody, type PageRequest } from './search-queries';
import type { PlaceType } from './map-place';

export class MalformedPageError extends Error {
  constructor(request: string, detail: string) {
    super(`${request}: ${detail}`);
    this.name = 'MalformedPageError';
  }
}

export interface PageOfPlaces {
  placeType: PlaceType;
  page: number;
  places: { raw: unknown; place: RawPlace }[];
}

export interface ReadPagesOptions {
  client: SoliguideClient;
  rootCategories: readonly string[];
  placeType: PlaceType;
  pageSize: number;
  language?: string;
  updatedSince?: string;
  /** Called with each page's valid records, in order; may write them. */
  onPage: (page: PageOfPlaces) => void;
  onQuarantine: (record: QuarantinedRecord) => void;
}

function excerpt(raw: unknown): string {
  const text = JSON.stringify(raw) ?? String(raw);
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

type SearchAnswer = { nbResults?: unknown; places?: unknown } | null;

function pageLabel(options: ReadPagesOptions, page: number): string {
  return `POST /new-search${options.language ? `/${options.language}` : ''} (${options.placeType}, page ${page})`;
}

async function fetchPage(options: ReadPagesOptions, page: number): Promise<SearchAnswer> {
  const request: PageRequest = { placeType: options.placeType, page, limit: options.pageSize, updatedSince: options.updatedSince };
  try {
    return (await options.client.search(searchBody(options.rootCategories, request), options.language)) as SearchAnswer;
  } catch (error) {
    // Name the page in the message: "which request failed".
    if (error instanceof SoliguideRequestError) throw error.relabel(pageLabel(options, page));
    throw error;
  }
}

/**
 * Returns the number of records received (valid or not). The next page is requested while the
 * current one is processed: the API's time and ours overlap.
 */
export async function readAllPages(options: ReadPagesOptions): Promise<number> {
  let received = 0;
  let upcoming: Promise<SearchAnswer> = fetchPage(options, 1);
  for (let page = 1; ; page++) {
    const label = pageLabel(options, page);
    const answer = await upcoming;
    if (typeof answer !== 'object' || answer === null || typeof answer.nbResults !== 'number' || !Array.isArray(answer.places)) {
      throw new MalformedPageError(label, 'the answer is not a search result ({ nbResults, places })');
    }
    const last = answer.places.length === 0 || page * options.pageSize >= answer.nbResults;
    if (!last) {
      upcoming = fetchPage(options, page + 1);
      upcoming.catch(() => undefined); // awaited at the next turn; a failure while this page is processed is not lost
    }
    const good: PageOfPlaces['places'] = [];
    let bad = 0;
    for (const raw of answer.places as unknown[]) {
      const parsed = rawPlaceSchema.safeParse(raw);
      if (parsed.success) {
        // The schema has no transform, so the record itself is what it validated: keeping it
        // rather than zod's deep copy halves the memory of a page.
        good.push({ raw, place: raw as RawPlace });
        continue;
      }
      bad++;
      const issue = parsed.error.issues[0];
      const lieuId = (raw as { lieu_id?: unknown } | null)?.lieu_id;
      options.onQuarantine({
        lieuId: typeof lieuId === 'number' && Number.isInteger(lieuId) ? lieuId : null,
        reason: issue ? `${issue.path.join('.') || '(record)'}: ${issue.message}` : 'invalid record',
        excerpt: excerpt(raw),
      });
    }
    if (bad > 0 && bad * 2 > answer.places.length) {
      throw new MalformedPageError(label, `${bad} of ${answer.places.length} records do not have the partner shape`);
    }
    received += answer.places.length;
    options.onPage({ placeType: options.placeType, page, places: good });
    if (last) return received;
  }
}
