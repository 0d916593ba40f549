/**
 * The draw made first for every place: which traps it carries. Every probability comes from
 * `trap-proportions.ts`, so the shares measured by `trapsOf` match TRAP_PROPORTIONS.
 */
import type { HoursPattern } from './hours';
import type { Random } from './random';
import type { ClosedHolidays, PlaceStatus, PlaceType, PlaceVisibility } from './stored-place';
import { BASE_DRAWS, TRAP_PROPORTIONS } from './trap-proportions';

export type TempTiming = 'past' | 'current' | 'future';
export type ContactStyle = keyof typeof TRAP_PROPORTIONS.emptyVsNullVsAbsentContacts;
export type PhoneStyle = 'newFormat' | 'legacyFormat' | 'none';
export type SourceStyle = 'withOrigin' | 'notOrigin' | 'none';

export interface PlacePlan {
  status: PlaceStatus;
  visibility: PlaceVisibility;
  placeType: PlaceType;
  stopClosedHolidaysTypo: boolean;
  /** 'everyday' = a usual schedule, chosen with the theme of the place (hours.ts). */
  hoursPattern: HoursPattern | 'everyday';
  closedHolidays: ClosedHolidays;
  legacyHoursKeys: boolean;
  htmlEntities: boolean;
  unsafeHtml: boolean;
  orientation: boolean;
  tempClosure: TempTiming | null;
  tempHours: Exclude<TempTiming, 'past'> | null;
  tempMessage: Exclude<TempTiming, 'past'> | null;
  openEnded: boolean;
  legacyDates: boolean;
  legacyStringTimes: boolean;
  noServices: boolean;
  differentHours: boolean;
  differentModalities: boolean;
  differentPublics: boolean;
  serviceClosure: boolean;
  multiParentCategory: boolean;
  hiddenCategory: boolean;
  contactStyle: ContactStyle;
  phoneStyle: PhoneStyle;
  specialPhone: boolean;
  sources: SourceStyle;
  missingCreatedAt: boolean;
  missingUpdatedAt: boolean;
  translated: boolean;
  rtlTranslations: boolean;
  legacyCoordinates: boolean;
  duplicateSeoUrl: boolean;
}

type Shares<K extends string> = readonly (readonly [K, number])[];

function shares<K extends string>(table: Readonly<Partial<Record<K, number>>>): Shares<K> {
  return Object.entries(table) as unknown as Shares<K>;
}

/** One draw among exclusive outcomes with the given shares; `rest` takes what they leave. */
function exclusive<K extends string>(random: Random, table: Shares<K>, rest: K): K {
  let roll = random.next();
  for (const [key, share] of table) {
    roll -= share;
    if (roll < 0) return key;
  }
  return rest;
}

const P = TRAP_PROPORTIONS;
/** Share tables built once: drawPlan runs for every place. */
const STATUSES = shares<PlaceStatus>(P.nonOnlineStatus);
const SPECIAL_HOURS = shares({ overnight: P.overnightSlots, h24: P.h24 });
const CLOSED_HOLIDAYS = shares<ClosedHolidays>(P.closedHolidays);
const CLOSURE_TIMINGS = shares<TempTiming>(BASE_DRAWS.tempClosure);
const CONTACT_STYLES = shares<ContactStyle>(P.emptyVsNullVsAbsentContacts);
const PHONE_STYLES = shares<PhoneStyle>({ newFormat: P.phoneNewFormat, legacyFormat: P.phoneLegacyFormat });
const SOURCE_STYLES = shares<SourceStyle>({ withOrigin: P.sourcesWithOrigin, notOrigin: P.sourcesNotOrigin });

export function drawPlan(random: Random): PlacePlan {
  const status = exclusive(random, STATUSES, 'ONLINE');
  const visibility: PlaceVisibility = random.chance(P.proVisibility) ? 'PRO' : 'ALL';
  const placeType: PlaceType = random.chance(P.itinerary) ? 'PARCOURS_MOBILE' : 'LIEU';
  const stopClosedHolidaysTypo = random.chance(BASE_DRAWS.stopTypoGivenItinerary) && placeType === 'PARCOURS_MOBILE';
  const special = exclusive<'overnight' | 'h24' | 'everyday'>(random, SPECIAL_HOURS, 'everyday');
  const closedHolidays = exclusive(random, CLOSED_HOLIDAYS, 'UNKNOWN');
  const tempClosure = exclusive<TempTiming | 'none'>(random, CLOSURE_TIMINGS, 'none');
  const tempHours = random.chance(P.tempHours) ? (random.chance(0.7) ? 'current' : 'future') : null;
  const tempMessage = random.chance(P.tempMessage) ? (random.chance(0.7) ? 'current' : 'future') : null;
  const noServices = random.chance(P.noServices);
  const withServices = (p: number): boolean => random.chance(p) && !noServices;
  const serviceClosure = withServices(BASE_DRAWS.serviceClosure);
  const openEndedDraw = random.chance(BASE_DRAWS.openEndedGivenEligible);
  const legacyDatesDraw = random.chance(BASE_DRAWS.legacyDatesGivenDated);
  const legacyTimesDraw = random.chance(BASE_DRAWS.legacyStringTimesGivenTempHours);
  const closureTiming = tempClosure === 'none' ? null : tempClosure;
  const eligibleForOpenEnd = closureTiming === 'current' || closureTiming === 'future' || tempHours !== null || tempMessage !== null;
  const hasDatedInfo = closureTiming !== null || tempHours !== null || tempMessage !== null || serviceClosure;
  const translated = random.chance(P.translated);
  return {
    status,
    visibility,
    placeType,
    stopClosedHolidaysTypo,
    hoursPattern: special,
    closedHolidays,
    legacyHoursKeys: random.chance(P.legacyHoursKeys),
    htmlEntities: random.chance(P.htmlWithEntities),
    unsafeHtml: random.chance(P.scriptInDescription),
    orientation: random.chance(P.orientation),
    tempClosure: closureTiming,
    tempHours,
    tempMessage,
    openEnded: openEndedDraw && eligibleForOpenEnd,
    legacyDates: legacyDatesDraw && hasDatedInfo,
    legacyStringTimes: legacyTimesDraw && tempHours !== null,
    noServices,
    differentHours: withServices(BASE_DRAWS.differentHours),
    differentModalities: withServices(BASE_DRAWS.differentModalities),
    differentPublics: withServices(BASE_DRAWS.differentPublics),
    serviceClosure,
    multiParentCategory: withServices(BASE_DRAWS.multiParentCategory),
    hiddenCategory: withServices(BASE_DRAWS.hiddenCategories),
    contactStyle: exclusive(random, CONTACT_STYLES, 'null'),
    phoneStyle: exclusive(random, PHONE_STYLES, 'none'),
    specialPhone: random.chance(P.specialPhoneNumber),
    sources: exclusive(random, SOURCE_STYLES, 'none'),
    missingCreatedAt: random.chance(P.missingCreatedAt),
    missingUpdatedAt: random.chance(P.missingUpdatedAt),
    translated,
    rtlTranslations: random.chance(BASE_DRAWS.rtlGivenTranslated) && translated,
    legacyCoordinates: random.chance(P.legacyPositionCoordinates),
    duplicateSeoUrl: random.chance(P.duplicateSeoUrl),
  };
}
