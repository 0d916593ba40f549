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

/** Returns the number of records received (valid or not). */
export async function readAllPages(options: ReadPagesOptions): Promise<number> {
  let received = 0;
  for (let page = 1; ; page++) {
    const request: PageRequest = { placeType: options.placeType, page, limit: options.pageSize, updatedSince: options.updatedSince };
    const label = `POST /new-search${options.language ? `/${options.language}` : ''} (${options.placeType}, page ${page})`;
    let answer: { nbResults?: unknown; places?: unknown } | null;
    try {
      answer = (await options.client.search(searchBody(options.rootCategories, request), options.language)) as typeof answer;
    } catch (error) {
      // Name the page in the message: "which request failed".
      if (error instanceof SoliguideRequestError) throw error.relabel(label);
      throw error;
    }
    if (typeof answer !== 'object' || answer === null || typeof answer.nbResults !== 'number' || !Array.isArray(answer.places)) {
      throw new MalformedPageError(label, 'the answer is not a search result ({ nbResults, places })');
    }
    const good: PageOfPlaces['places'] = [];
    let bad = 0;
    for (const raw of answer.places as unknown[]) {
      const parsed = rawPlaceSchema.safeParse(raw);
      if (parsed.success) {
        good.push({ raw, place: parsed.data });
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
    if (answer.places.length === 0 || page * options.pageSize >= answer.nbResults) return received;
  }
}
