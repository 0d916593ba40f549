/**
 * A week of slots packed as bytes for the search index (little-endian u16 triples: weekday,
 * start, end; sorted by weekday then start, like weekFromMinuteSlots), and the state kind it
 * gives at a local weekday and minute when the day is an ordinary one: no temporary information,
 * no public holiday closing the place, no clock change around it. On such a day it gives exactly
 * the kind openingState gives (a property test holds the two together), in a fraction of the time,
 * so that search ranks thousands of candidates and runs the full engine only where it must.
 */
import type { OpeningState } from './opening-state';
import type { WeekSlots } from './schedule';

export type StateKind = OpeningState['kind'];

export function packWeek(week: WeekSlots): Uint8Array {
  const values: number[] = [];
  week.forEach((slots, weekday) => {
    for (const slot of slots) values.push(weekday, slot.start, slot.end);
  });
  const bytes = new Uint8Array(values.length * 2);
  values.forEach((value, index) => {
    bytes[index * 2] = value & 0xff;
    bytes[index * 2 + 1] = value >> 8;
  });
  return bytes;
}

/** The week back from its packed form. */
export function unpackWeek(bytes: Uint8Array): WeekSlots {
  const week: WeekSlots = [[], [], [], [], [], [], []];
  for (let index = 0; index < bytes.length / 6; index++) {
    week[at(bytes, index * 3)]?.push({ start: at(bytes, index * 3 + 1), end: at(bytes, index * 3 + 2) });
  }
  return week;
}

function at(bytes: Uint8Array, index: number): number {
  return (bytes[index * 2] as number) | ((bytes[index * 2 + 1] as number) << 8);
}

/**
 * The kind of state on a day whose week is `today` (regular or temporary hours), at a local
 * weekday and minute, as openingState gives it; `tomorrow` is the week that applies tomorrow
 * (null: tomorrow is closed all day), which only matters for a slot running on past midnight.
 */
export function packedKind(
  today: Uint8Array,
  weekday: number,
  minute: number,
  closingSoonMinutes = 30,
  tomorrow: Uint8Array | null = today,
): Exclude<StateKind, 'unknown' | 'temporarily-closed'> {
  const count = today.length / 6;
  let current = -1;
  let later = -1;
  for (let index = 0; index < count; index++) {
    if (at(today, index * 3) !== weekday) continue;
    const start = at(today, index * 3 + 1);
    if (start <= minute && minute < at(today, index * 3 + 2)) {
      current = index;
      break;
    }
    if (later < 0 && start > minute) later = index;
  }
  if (current < 0) return later >= 0 ? 'opens-later-today' : 'closed-today';
  const until = at(today, current * 3 + 2);
  if (until < 1440) return until - minute <= closingSoonMinutes ? 'closing-soon' : 'open';
  // Open until midnight at least: more than the threshold away, whatever follows, it is open.
  if (1440 - minute > closingSoonMinutes) return 'open';
  // As closingInstant: a slot at 00:00 tomorrow continues the opening.
  const next = (weekday + 1) % 7;
  const tomorrowCount = tomorrow === null ? 0 : tomorrow.length / 6;
  for (let index = 0; index < tomorrowCount; index++) {
    const bytes = tomorrow as Uint8Array;
    if (at(bytes, index * 3) === next && at(bytes, index * 3 + 1) === 0) {
      const end = at(bytes, index * 3 + 2);
      return end < 1440 && 1440 + end - minute <= closingSoonMinutes ? 'closing-soon' : 'open';
    }
  }
  return 'closing-soon';
}
