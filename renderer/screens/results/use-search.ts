/**
 * The search behind the results screen. A newer request always wins: answers to older ones are
 * dropped, so quick taps on filters never show stale results. The previous list stays on
 * screen until the new one arrives (no flash of emptiness).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { KioskRequest, KioskResponse } from '../../../common/contract/kiosk-api';
import type { KioskApi } from '../../../common/contract/kiosk-api';

export type SearchAnswer = KioskResponse<'search'>;

export interface SearchState {
  answer: SearchAnswer | null;
  loading: boolean;
  failed: boolean;
}

export function useSearch(api: KioskApi, request: KioskRequest<'search'>, pages: number): SearchState & { retry: () => void } {
  const [state, setState] = useState<SearchState>({ answer: null, loading: true, failed: false });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const key = JSON.stringify(request);

  useEffect(() => {
    const ticket = ++latest.current;
    setState((current) => ({ ...current, loading: true, failed: false }));
    const calls = Array.from({ length: pages }, (_, index) => api.search({ ...request, page: index + 1 }));
    Promise.all(calls).then(
      (answers) => {
        if (ticket !== latest.current) return;
        const items = answers.flatMap((answer) => answer.items);
        setState({ answer: { total: answers[0]?.total ?? 0, items }, loading: false, failed: false });
      },
      () => {
        if (ticket === latest.current) setState((current) => ({ ...current, loading: false, failed: true }));
      },
    );
  }, [key, pages, attempt]);

  return { ...state, retry: () => setAttempt((value) => value + 1) };
}
