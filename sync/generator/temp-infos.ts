/**
 * Temporary closures, hours and messages placed relative to the reference date (API.md §2.5):
 * calendar days encoded 00:00:00Z / 23:59:59Z (or legacy local midnight), `dateFin: null` when
 * open-ended, `actif: true` already for what starts within the next 15 days.
 */
import { endOfDayIso, localMidnightIso, startOfDayIso } from './calendar';
import { text } from './flat-text';
import { generateHours, toLegacyTempHours } from './hours';
import { NOTICE_PHRASES } from './notice-phrases';
import type { TempTiming } from './place-plan';
import type { Random } from './random';
import type { IsoDateString, StoredServiceClosure, StoredTempInfo, StoredTempInfos } from './stored-place';

export interface DateEncoding {
  legacy: boolean;
  timeZone: string;
}

export interface DayRange {
  start: number;
  end: number | null;
}

/** Day ranges around `today` (a local day number) for each timing. */
export function drawRange(timing: TempTiming, today: number, openEnded: boolean, random: Random): DayRange {
  switch (timing) {
    case 'past': {
      // Ended: the 02:00 job clears it, but `actif` lags until then (API.md §2.5) or the mirror
      // caught the document before the job ran.
      const end = today - random.int(1, 7);
      return { start: end - random.int(0, 20), end };
    }
    case 'current':
      return { start: today - random.int(0, 30), end: openEnded ? null : today + random.int(0, 45) };
    case 'future': {
      // Copied into the place 15 days before it starts; later ones are not visible yet.
      const start = today + random.int(1, 15);
      return { start, end: openEnded ? null : start + random.int(0, 20) };
    }
  }
}

function encodeStart(day: number, encoding: DateEncoding): IsoDateString {
  return encoding.legacy ? localMidnightIso(day, encoding.timeZone) : startOfDayIso(day);
}

function encodeEnd(day: number | null, encoding: DateEncoding, random: Random): IsoDateString | null {
  if (day === null) return null;
  return encoding.legacy ? localMidnightIso(day, encoding.timeZone) : endOfDayIso(day, random.chance(0.2));
}

function dated(range: DayRange, encoding: DateEncoding, actif: boolean, description: string | null, random: Random): StoredTempInfo {
  return { actif, dateDebut: encodeStart(range.start, encoding), dateFin: encodeEnd(range.end, encoding, random), description };
}


export interface TempInfosInput {
  today: number;
  encoding: DateEncoding;
  closure: TempTiming | null;
  hours: Exclude<TempTiming, 'past'> | null;
  message: Exclude<TempTiming, 'past'> | null;
  openEnded: boolean;
  legacyStringTimes: boolean;
  legacyDayKeys: boolean;
}

function maybeParagraph(content: string, random: Random): string {
  return random.chance(0.6) ? text('<p>', content, '</p>') : content;
}

export function generateTempInfos(input: TempInfosInput, random: Random): StoredTempInfos {
  const tempInfos: StoredTempInfos = {
    closure: { actif: false, dateDebut: null, dateFin: null, description: null },
    hours: { actif: false, dateDebut: null, dateFin: null, description: null, hours: null },
    message: { actif: false, dateDebut: null, dateFin: null, description: null, name: null },
  };
  if (input.closure !== null) {
    const range = drawRange(input.closure, input.today, input.openEnded && input.closure !== 'past', random);
    const actif = input.closure === 'past' ? random.chance(0.5) : true;
    tempInfos.closure = dated(range, input.encoding, actif, maybeParagraph(NOTICE_PHRASES.closureWorks.fr, random), random);
  }
  if (input.hours !== null) {
    const range = drawRange(input.hours, input.today, input.openEnded, random);
    const hours = generateHours(random.pick(['mornings', 'continuous', 'sparse'] as const), {
      closedHolidays: 'UNKNOWN',
      legacyDayKeys: input.legacyDayKeys,
      description: null,
    }, random);
    const description = random.chance(0.5) ? maybeParagraph(NOTICE_PHRASES.reducedHours.fr, random) : null;
    tempInfos.hours = {
      ...dated(range, input.encoding, true, description, random),
      hours: input.legacyStringTimes ? toLegacyTempHours(hours) : hours,
    };
  }
  if (input.message !== null) {
    const range = drawRange(input.message, input.today, input.openEnded, random);
    tempInfos.message = {
      ...dated(range, input.encoding, true, text('<p>', NOTICE_PHRASES.movedText.fr, '</p>'), random),
      name: NOTICE_PHRASES.movedTitle.fr,
    };
  }
  return tempInfos;
}

export function noServiceClosure(): StoredServiceClosure {
  return { actif: false, dateDebut: null, dateFin: null };
}

/** A service closed for a while (current or announced), without description (API.md §2.5). */
export function serviceClosure(today: number, encoding: DateEncoding, openEnded: boolean, random: Random): StoredServiceClosure {
  const range = drawRange(random.chance(0.7) ? 'current' : 'future', today, openEnded, random);
  return { actif: true, dateDebut: encodeStart(range.start, encoding), dateFin: encodeEnd(range.end, encoding, random) };
}
