/**
 * When a temporary information applies, and the `isOpenToday` snapshot Soliguide's nightly job
 * stores (API.md §2.5, §6 trap 12): computed with the Paris calendar day for every place, which
 * is exactly why it is wrong overseas and must never drive "open now" in a kiosk.
 */
import { storedCalendarDay, weekDayOf } from './calendar';
import type { StoredPlace, StoredServiceClosure, StoredTempInfo } from './stored-place';

export type Timing = 'past' | 'current' | 'future';

type Dated = Pick<StoredTempInfo | StoredServiceClosure, 'actif' | 'dateDebut' | 'dateFin'>;

/** Where a dated entry sits relative to a local calendar day; null when it holds no dates. */
export function timingOf(info: Dated, day: number, timeZone: string): Timing | null {
  if (info.dateDebut === null) return null;
  const start = storedCalendarDay(info.dateDebut, timeZone);
  const end = info.dateFin === null ? Number.POSITIVE_INFINITY : storedCalendarDay(info.dateFin, timeZone);
  if (end < day) return 'past';
  if (start > day) return 'future';
  return 'current';
}

/** `actif: true` only means announced or current; in effect = actif and the day inside the range. */
export function inEffect(info: Dated, day: number, timeZone: string): boolean {
  return info.actif && timingOf(info, day, timeZone) === 'current';
}

/**
 * Sets `isOpenToday` on the place and its services as the 04:00 Paris job would on `parisDay`
 * (the Paris calendar day of the reference date). Public holidays
 * are left out: the generator has no holiday calendar, and the flag is a stale snapshot anyway.
 */
export function applyOpenTodaySnapshot(place: StoredPlace, parisDay: number): void {
  const timeZone = place.position.timeZone;
  const weekDay = weekDayOf(parisDay);
  const closed = inEffect(place.tempInfos.closure, parisDay, timeZone);
  const tempHours = place.tempInfos.hours.hours !== null && inEffect(place.tempInfos.hours, parisDay, timeZone) ? place.tempInfos.hours.hours : null;
  place.isOpenToday = !closed && (tempHours ?? place.newhours)[weekDay].timeslot.length > 0;
  for (const service of place.services_all) {
    const hours = !service.differentHours && tempHours !== null ? tempHours : service.hours;
    service.isOpenToday = !closed && !inEffect(service.close, parisDay, timeZone) && hours[weekDay].timeslot.length > 0;
  }
}
