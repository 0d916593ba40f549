/** The opening state as it crosses the contract: plain JSON, instants as ISO strings. */
import type { OpeningState } from './opening-state';

export interface OpeningStateDto {
  kind: OpeningState['kind'];
  /** open / closing-soon: when it closes (null: 24/7). */
  until?: string | null;
  /** opens-later-today: when. */
  at?: string;
  /** closed-today: the next opening (null: none within two weeks). */
  nextOpening?: string | null;
  /** closed-today because of this public holiday. */
  holiday?: string | null;
  /** temporarily-closed: last closed day (null: until further notice). */
  untilDay?: string | null;
}

export function toStateDto(state: OpeningState): OpeningStateDto {
  switch (state.kind) {
    case 'open':
      return { kind: state.kind, until: state.until?.toISOString() ?? null };
    case 'closing-soon':
      return { kind: state.kind, until: state.until.toISOString() };
    case 'opens-later-today':
      return { kind: state.kind, at: state.at.toISOString() };
    case 'closed-today':
      return { kind: state.kind, nextOpening: state.nextOpening?.toISOString() ?? null, holiday: state.holiday };
    case 'temporarily-closed':
      return { kind: state.kind, untilDay: state.untilDay };
    default:
      return { kind: state.kind };
  }
}
