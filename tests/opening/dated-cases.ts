/**
 * The format of the dated opening cases (opening-state*.test.ts): what a case expects, and the
 * state as the same comparable list.
 */
import type { OpeningState } from '../../common/opening/opening-state';

export type Expected =
  | ['open', string | null]
  | ['closing-soon', string]
  | ['opens-later-today', string]
  | ['closed-today', string | null, string?]
  | ['temporarily-closed', string | null]
  | ['unknown'];

export function summary(state: OpeningState): unknown[] {
  const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());
  switch (state.kind) {
    case 'open':
      return [state.kind, iso(state.until)];
    case 'closing-soon':
      return [state.kind, iso(state.until)];
    case 'opens-later-today':
      return [state.kind, iso(state.at)];
    case 'closed-today':
      return state.holiday ? [state.kind, iso(state.nextOpening), state.holiday] : [state.kind, iso(state.nextOpening)];
    case 'temporarily-closed':
      return [state.kind, state.untilDay];
    default:
      return [state.kind];
  }
}

export function expectedSummary(expected: Expected): unknown[] {
  const [kind, ...rest] = expected;
  if (kind === 'temporarily-closed' || kind === 'unknown') return expected;
  const [when, holiday] = rest as [string | null, string?];
  const instant = when === null ? null : new Date(when).toISOString();
  return holiday ? [kind, instant, holiday] : [kind, instant];
}
