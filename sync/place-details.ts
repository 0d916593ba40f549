/**
 * What only GET /place gives (API.md §1.7: search omits `languages`), fetched after the pass has
 * published, so that the directory is served as soon as it is complete. Asked for: fixed places
 * never fetched (new, or changed since — publishing drops their old details), and details older
 * than a month, with If-None-Match so that an unchanged place costs a 304. Itineraries are
 * skipped (GET is 403 for them, §2.8). Results are written in small transactions; a place whose
 * details cannot be fetched is tried again at the next pass and never fails this one, except
 * when the API refuses us as a whole (401/403), which the caller must hear about.
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

interface Fetched {
  lieuId: number;
  etag: string | null;
  languages: string[] | null; // null: 304, keep the stored ones
}

const REFRESH_AFTER_DAYS = 30;
const BATCH = 100;

export async function fetchPlaceDetails(
  live: MirrorDatabase,
  client: SoliguideClient,
  now: Date,
  concurrency: number,
): Promise<DetailsOutcome> {
  const staleBefore = new Date(now.getTime() - REFRESH_AFTER_DAYS * 86_400_000).toISOString();
  const todo = live
    .prepare(
      `SELECT p.lieu_id, d.etag FROM places p LEFT JOIN place_details d ON d.lieu_id = p.lieu_id
       WHERE p.place_type = 'LIEU' AND (d.lieu_id IS NULL OR d.fetched_at < ?) ORDER BY p.lieu_id`,
    )
    .all(staleBefore) as Candidate[];
  const saveDetails = live.prepare('INSERT OR REPLACE INTO place_details (lieu_id, etag, fetched_at) VALUES (?, ?, ?)');
  const dropLanguages = live.prepare('DELETE FROM place_languages WHERE lieu_id = ?');
  const saveLanguage = live.prepare('INSERT OR IGNORE INTO place_languages (lieu_id, language) VALUES (?, ?)');
  const stillThere = live.prepare('SELECT 1 FROM places WHERE lieu_id = ?').pluck();
  const outcome: DetailsOutcome = { fetched: 0, unchanged: 0, failed: 0 };
  let pending: Fetched[] = [];
  const flush = (): void => {
    const batch = pending;
    pending = [];
    live.transaction(() => {
      for (const result of batch) {
        if (!stillThere.get(result.lieuId)) continue;
        saveDetails.run(result.lieuId, result.etag, now.toISOString());
        if (result.languages === null) continue;
        dropLanguages.run(result.lieuId);
        for (const language of result.languages) saveLanguage.run(result.lieuId, language);
      }
    })();
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const candidate = todo[next++] as Candidate;
      try {
        const answer = await client.place(candidate.lieu_id, candidate.etag);
        if (answer.status === 304) {
          pending.push({ lieuId: candidate.lieu_id, etag: candidate.etag, languages: null });
          outcome.unchanged++;
        } else {
          const raw = (answer.body as { languages?: unknown } | null)?.languages;
          const languages = Array.isArray(raw) ? raw.filter((l): l is string => typeof l === 'string' && /^[a-z]{2,3}$/.test(l)) : [];
          pending.push({ lieuId: candidate.lieu_id, etag: answer.etag, languages });
          outcome.fetched++;
        }
        if (pending.length >= BATCH) flush();
      } catch (error) {
        if (error instanceof SoliguideRequestError && error.needsAdmin) throw error;
        outcome.failed++;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  } finally {
    if (pending.length > 0) flush();
  }
  return outcome;
}
