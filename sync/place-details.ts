/**
 * What only GET /place gives (API.md §1.7: search omits `languages`): fetched for the places that
 * are new or changed, or never fetched, with If-None-Match so that unchanged answers cost a 304.
 * Itineraries are skipped (GET is 403 for them, §2.8). A place whose details cannot be fetched
 * keeps no languages and is tried again at the next pass; it never fails the pass, except when
 * the API refuses us as a whole (401/403), which the caller must hear about.
 */
import type { MirrorDatabase } from './mirror-database';
import { SoliguideRequestError, type SoliguideClient } from './soliguide/api-client';

export interface DetailsOutcome {
  fetched: number;
  unchanged: number;
  failed: number;
}

interface Candidate {
  lieu_id: number;
  etag: string | null;
}

/** Staging places that need details: LIEU places new, changed, or never fetched in the live mirror. */
function candidates(staging: MirrorDatabase): Candidate[] {
  return staging
    .prepare(
      `SELECT s.lieu_id, d.etag FROM places s
         LEFT JOIN live.places m ON m.lieu_id = s.lieu_id
         LEFT JOIN live.place_details d ON d.lieu_id = s.lieu_id
       WHERE s.place_type = 'LIEU' AND (m.lieu_id IS NULL OR m.content_hash <> s.content_hash OR d.lieu_id IS NULL)
       ORDER BY s.lieu_id`,
    )
    .all() as Candidate[];
}

export async function fetchPlaceDetails(
  staging: MirrorDatabase,
  livePath: string,
  client: SoliguideClient,
  now: Date,
  concurrency: number,
): Promise<DetailsOutcome> {
  staging.prepare('ATTACH DATABASE ? AS live').run(livePath);
  let todo: Candidate[];
  try {
    todo = candidates(staging);
  } finally {
    staging.exec('DETACH DATABASE live');
  }
  const saveDetails = staging.prepare('INSERT OR REPLACE INTO place_details (lieu_id, etag, fetched_at) VALUES (?, ?, ?)');
  const saveLanguage = staging.prepare('INSERT OR IGNORE INTO place_languages (lieu_id, language) VALUES (?, ?)');
  const outcome: DetailsOutcome = { fetched: 0, unchanged: 0, failed: 0 };
  const notModified: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const candidate = todo[next++] as Candidate;
      try {
        const answer = await client.place(candidate.lieu_id, candidate.etag);
        if (answer.status === 304) {
          notModified.push(candidate.lieu_id);
          saveDetails.run(candidate.lieu_id, candidate.etag, now.toISOString());
          outcome.unchanged++;
          continue;
        }
        const languages = (answer.body as { languages?: unknown } | null)?.languages;
        staging.transaction(() => {
          saveDetails.run(candidate.lieu_id, answer.etag, now.toISOString());
          if (Array.isArray(languages)) {
            for (const language of languages) if (typeof language === 'string' && /^[a-z]{2,3}$/.test(language)) saveLanguage.run(candidate.lieu_id, language);
          }
        })();
        outcome.fetched++;
      } catch (error) {
        if (error instanceof SoliguideRequestError && error.needsAdmin) throw error;
        outcome.failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  if (notModified.length > 0) {
    staging.prepare('ATTACH DATABASE ? AS live').run(livePath);
    try {
      const copyLanguages = staging.prepare('INSERT OR IGNORE INTO place_languages SELECT * FROM live.place_languages WHERE lieu_id = ?');
      staging.transaction(() => notModified.forEach((id) => copyLanguages.run(id)))();
    } finally {
      staging.exec('DETACH DATABASE live');
    }
  }
  return outcome;
}
