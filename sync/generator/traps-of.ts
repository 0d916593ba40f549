/**
 * Finds the API.md §6 traps in a stored place, from the data alone, so that tests (and the sync
 * and kiosk code) can pick places with a given trap out of a generated directory. Temporary
 * information is placed relative to a reference date (the generator's `now`), and translation
 * traps need the place's translation document.
 */
import { isLegacyLocalMidnight, localDay } from './calendar';
import { HIDDEN_LEAVES, MULTI_PARENT_LEAVES } from './category-pools';
import { hasOvernightSplit, isOpen24h, WEEK } from './hours';
import { timingOf } from './open-today';
import type { StoredPlace, StoredTranslation } from './stored-place';
import type { TrapName } from './trap-proportions';

/** `nonParisTimeZone` is reported too, but its share depends on the departments asked for. */
export type DetectedTrap = TrapName | 'nonParisTimeZone';

const CONTACT_KEYS = ['mail', 'website', 'facebook', 'instagram', 'fax'] as const;
const HIDDEN = new Set(HIDDEN_LEAVES);
const MULTI_PARENT = new Set(MULTI_PARENT_LEAVES);

function allDates(place: StoredPlace): string[] {
  const { closure, hours, message } = place.tempInfos;
  const dates = [closure, hours, message, ...place.services_all.map((service) => service.close)].flatMap((info) => [info.dateDebut, info.dateFin]);
  return dates.filter((date): date is string => date !== null);
}

function contactStyle(place: StoredPlace): 'absent' | 'emptyString' | 'null' | null {
  const entity = place.entity;
  if (CONTACT_KEYS.some((key) => !(key in entity))) return 'absent';
  if (CONTACT_KEYS.some((key) => entity[key] === '')) return 'emptyString';
  if (CONTACT_KEYS.some((key) => entity[key] === null)) return 'null';
  return null;
}

function hasStringTimes(place: StoredPlace): boolean {
  const hours = place.tempInfos.hours.hours;
  return hours !== null && WEEK.some((day) => hours[day].timeslot.some((slot) => typeof slot.start === 'string' || typeof slot.end === 'string'));
}

export function trapsOf(place: StoredPlace, now: Date, translation?: StoredTranslation): DetectedTrap[] {
  const traps: DetectedTrap[] = [];
  const add = (condition: boolean, trap: DetectedTrap): void => {
    if (condition) traps.push(trap);
  };
  const description = place.description ?? '';
  const { closure, hours, message } = place.tempInfos;
  const timeZone = place.position.timeZone;
  const today = localDay(now.getTime(), timeZone);
  const services = place.services_all;
  const phones = place.entity.phones.filter((phone) => !phone.isSpecialPhoneNumber);

  add(/&#\d+;/.test(description), 'htmlWithEntities');
  add(/<script/i.test(description), 'scriptInDescription');
  add(place.modalities.orientation.checked, 'orientation');
  add(place.placeType === 'PARCOURS_MOBILE', 'itinerary');
  add(place.parcours.some((stop) => stop.hours.closedHolidays === 'UNKOWN'), 'itineraryStopClosedHolidaysTypo');
  add(hasOvernightSplit(place.newhours), 'overnightSlots');
  add(isOpen24h(place.newhours), 'h24');
  traps.push(`closedHolidays.${place.newhours.closedHolidays}`);
  const closureTiming = timingOf(closure, today, timeZone);
  add(closureTiming === 'past', 'tempClosurePast');
  add(closureTiming === 'current', 'tempClosureCurrent');
  add(closureTiming === 'future', 'tempClosureFuture');
  add(hours.actif && hours.hours !== null, 'tempHours');
  add(message.actif, 'tempMessage');
  add([closure, hours, message].some((info) => info.actif && info.dateDebut !== null && info.dateFin === null), 'openEndedTempInfo');
  add(allDates(place).some(isLegacyLocalMidnight), 'legacyLocalMidnightDates');
  add(hasStringTimes(place), 'legacyStringTimes');
  add(services.some((service) => service.close.actif), 'serviceClosure');
  add(services.some((service) => service.differentHours), 'differentHours');
  add(services.some((service) => service.differentModalities), 'differentModalities');
  add(services.some((service) => service.differentPublics), 'differentPublics');
  add(services.some((service) => MULTI_PARENT.has(service.category)), 'multiParentCategory');
  add(services.some((service) => HIDDEN.has(service.category)), 'hiddenCategories');
  add(services.length === 0, 'noServices');
  const style = contactStyle(place);
  if (style !== null) traps.push(`emptyVsNullVsAbsentContacts.${style}`);
  add(phones.some((phone) => /^\d{9}$/.test(phone.phoneNumber ?? '')), 'phoneNewFormat');
  add(phones.some((phone) => !/^\d{9}$/.test(phone.phoneNumber ?? '')), 'phoneLegacyFormat');
  add(place.entity.phones.some((phone) => phone.isSpecialPhoneNumber), 'specialPhoneNumber');
  add(place.sources.some((source) => source.isOrigin), 'sourcesWithOrigin');
  add(place.sources.length > 0 && !place.sources.some((source) => source.isOrigin), 'sourcesNotOrigin');
  add(place.createdAt === undefined, 'missingCreatedAt');
  add(place.updatedAt === undefined, 'missingUpdatedAt');
  if (translation !== undefined) {
    traps.push('translated');
    const rtl = (['ar', 'fa', 'ps'] as const).some((language) =>
      (translation.languages[language]?.place.description ?? '').includes('direction:rtl'),
    );
    add(rtl, 'rtlTranslations');
  }
  if (place.status !== 'ONLINE') traps.push(`nonOnlineStatus.${place.status}`);
  add(place.visibility === 'PRO', 'proVisibility');
  add(place.newhours.monday.day !== undefined, 'legacyHoursKeys');
  add(place.position.coordinates !== undefined, 'legacyPositionCoordinates');
  add(!place.seo_url.endsWith(`-${place.lieu_id}`), 'duplicateSeoUrl');
  add(timeZone !== 'Europe/Paris', 'nonParisTimeZone');
  return traps;
}
