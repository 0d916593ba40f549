/**
 * An opening state in words a person reads at a glance: the catalogue key, its values, and a
 * tone that the screen shows as colour *and* icon (never colour alone). Times are the kiosk's
 * wall clock with Western digits, whatever the language (as on French signs and phones).
 */
import { localeWithLatinDigits } from '../i18n/languages';
import type { OpeningStateDto } from '../opening/state-dto';

export type StateTone = 'open' | 'soon' | 'later' | 'closed' | 'unknown';

export interface StateWords {
  tone: StateTone;
  key: string;
  values: Record<string, string>;
}

export interface WordsContext {
  /** BCP 47 language of the screen. */
  locale: string;
  timeZone: string;
}

export function formatTime(iso: string, context: WordsContext): string {
  return new Intl.DateTimeFormat(localeWithLatinDigits(context.locale), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: context.timeZone,
  }).format(new Date(iso));
}

export function formatWeekday(iso: string, context: WordsContext): string {
  return new Intl.DateTimeFormat(localeWithLatinDigits(context.locale), { weekday: 'long', timeZone: context.timeZone }).format(new Date(iso));
}

/** A calendar day (YYYY-MM-DD) as "3 mars": read at noon UTC so no zone can move it to another day. */
export function formatDay(day: string, locale: string, withYear = false): string {
  return new Intl.DateTimeFormat(localeWithLatinDigits(locale), {
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}

export function stateWords(state: OpeningStateDto, context: WordsContext): StateWords {
  switch (state.kind) {
    case 'open':
      return state.until
        ? { tone: 'open', key: 'state.open', values: { time: formatTime(state.until, context) } }
        : { tone: 'open', key: 'state.openAllDay', values: {} };
    case 'closing-soon':
      return { tone: 'soon', key: 'state.closingSoon', values: { time: formatTime(state.until as string, context) } };
    case 'opens-later-today':
      return { tone: 'later', key: 'state.opensLater', values: { time: formatTime(state.at as string, context) } };
    case 'closed-today':
      if (state.holiday) return { tone: 'closed', key: 'state.holiday', values: { name: state.holiday } };
      return state.nextOpening
        ? {
            tone: 'closed',
            key: 'state.nextOpening',
            values: { day: formatWeekday(state.nextOpening, context), time: formatTime(state.nextOpening, context) },
          }
        : { tone: 'closed', key: 'state.closedToday', values: {} };
    case 'temporarily-closed':
      return state.untilDay
        ? { tone: 'closed', key: 'state.temporarilyClosedUntil', values: { day: formatDay(state.untilDay, context.locale) } }
        : { tone: 'closed', key: 'state.temporarilyClosed', values: {} };
    default:
      return { tone: 'unknown', key: 'state.unknown', values: {} };
  }
}
