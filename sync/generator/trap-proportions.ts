/**
 * How often each trap of API.md §6 appears among generated places (all statuses, LIEU and
 * PARCOURS_MOBILE together). The generator draws from these numbers and `trapsOf` finds the traps
 * back in the data, so a test can check the proportions and anybody can pick places with a trap.
 * Groups (objects) are exclusive choices; their values add up to 1 or less.
 */

/** Independent draws made for every place. */
export const BASE_DRAWS = {
  /** §6.21: a place without services is never returned by search. */
  noServices: 0.01,
  /** Per place that has services: one service with its own hours/modalities/publics (§6.13). */
  differentHours: 0.15,
  differentModalities: 0.08,
  differentPublics: 0.08,
  /** Per place that has services: one service temporarily closed (§2.5). */
  serviceClosure: 0.04,
  /** Per place that has services: one service with a multi-parent leaf (§6.20) / a hidden leaf (§6.4). */
  multiParentCategory: 0.06,
  hiddenCategories: 0.08,
  /** Temp closure timing relative to `now` (exclusive). */
  tempClosure: { past: 0.03, current: 0.05, future: 0.03 },
  tempHours: 0.06,
  tempMessage: 0.08,
  /** Among places with a current/future temp info: `dateFin: null` ("until further notice"). */
  openEndedGivenEligible: 0.25,
  /** Among places with any dated temp info or service closure: legacy local-midnight dates. */
  legacyDatesGivenDated: 0.3,
  /** Among places with temp hours: "08:00" string times (place 6 of the fixtures). */
  legacyStringTimesGivenTempHours: 1 / 3,
  /** Among itineraries: stops saying `closedHolidays: "UNKOWN"`. */
  stopTypoGivenItinerary: 0.5,
  /** Among translated places: ar/fa/ps translations present, with inline RTL styles. */
  rtlGivenTranslated: 0.75,
} as const;

const ITINERARY = 0.03;
/** Translation documents are the heaviest objects (11 languages): a share large enough for tests. */
const TRANSLATED = 0.12;
const withServices = 1 - BASE_DRAWS.noServices;
const closure = BASE_DRAWS.tempClosure;
const eligibleForOpenEnd = 1 - (1 - closure.current - closure.future) * (1 - BASE_DRAWS.tempHours) * (1 - BASE_DRAWS.tempMessage);
const hasDatedInfo =
  1 -
  (1 - closure.past - closure.current - closure.future) *
    (1 - BASE_DRAWS.tempHours) *
    (1 - BASE_DRAWS.tempMessage) *
    (1 - BASE_DRAWS.serviceClosure * withServices);

export const TRAP_PROPORTIONS = {
  /** §6.8: CKEditor entities such as `&#233;` in the description. */
  htmlWithEntities: 0.3,
  /** §6.8: `<script>`, `onclick=`, `style=` and `javascript:` links in the description (sanitising). */
  scriptInDescription: 0.02,
  /** §6.7: "sur orientation", address to hide. */
  orientation: 0.08,
  /** §6.6: PARCOURS_MOBILE with stops. */
  itinerary: ITINERARY,
  itineraryStopClosedHolidaysTypo: ITINERARY * BASE_DRAWS.stopTypoGivenItinerary,
  /** §6.9: slots split at midnight (…–2359 then 0–… the next day). */
  overnightSlots: 0.05,
  /** §2.4: 0–2359 on all seven days. */
  h24: 0.02,
  /** §6.10: place `newhours.closedHolidays`; `UNKOWN` is the stored typo. */
  closedHolidays: { CLOSED: 0.35, OPEN: 0.1, UNKNOWN: 0.53, UNKOWN: 0.02 },
  /** §6.11: ended (actif may lag), in effect, announced within 15 days (actif already true). */
  tempClosurePast: closure.past,
  tempClosureCurrent: closure.current,
  tempClosureFuture: closure.future,
  tempHours: BASE_DRAWS.tempHours,
  tempMessage: BASE_DRAWS.tempMessage,
  openEndedTempInfo: eligibleForOpenEnd * BASE_DRAWS.openEndedGivenEligible,
  legacyLocalMidnightDates: hasDatedInfo * BASE_DRAWS.legacyDatesGivenDated,
  legacyStringTimes: BASE_DRAWS.tempHours * BASE_DRAWS.legacyStringTimesGivenTempHours,
  serviceClosure: BASE_DRAWS.serviceClosure * withServices,
  differentHours: BASE_DRAWS.differentHours * withServices,
  differentModalities: BASE_DRAWS.differentModalities * withServices,
  differentPublics: BASE_DRAWS.differentPublics * withServices,
  multiParentCategory: BASE_DRAWS.multiParentCategory * withServices,
  hiddenCategories: BASE_DRAWS.hiddenCategories * withServices,
  noServices: BASE_DRAWS.noServices,
  /** §6.15: how the empty contacts of a place are stored. */
  emptyVsNullVsAbsentContacts: { emptyString: 0.25, null: 0.55, absent: 0.2 },
  /** §6.19: "199001234" (national, no 0) vs "01 99 00 12 34" as typed; 115/3919/119. */
  phoneNewFormat: 0.45,
  phoneLegacyFormat: 0.2,
  specialPhoneNumber: 0.05,
  /** §2.9: imported places (dora with licence…) vs a non-origin pairing. */
  sourcesWithOrigin: 0.08,
  sourcesNotOrigin: 0.03,
  missingCreatedAt: 0.03,
  missingUpdatedAt: 0.02,
  /** §6.24: a translation document exists; with ar/fa/ps RTL inline styles. */
  translated: TRANSLATED,
  rtlTranslations: TRANSLATED * BASE_DRAWS.rtlGivenTranslated,
  /** §6.14: never shown by search. */
  nonOnlineStatus: { OFFLINE: 0.05, DRAFT: 0.03, PERMANENTLY_CLOSED: 0.02 },
  proVisibility: 0.02,
  /** §6.17: `day: []` on every day of `newhours`; `position.coordinates {x, y}`. */
  legacyHoursKeys: 0.3,
  legacyPositionCoordinates: 0.35,
  /** §6.16: `seo_url` copied from another place. */
  duplicateSeoUrl: 0.005,
} as const;

export type TrapName = {
  [K in keyof typeof TRAP_PROPORTIONS]: (typeof TRAP_PROPORTIONS)[K] extends number
    ? K
    : `${K & string}.${keyof (typeof TRAP_PROPORTIONS)[K] & string}`;
}[keyof typeof TRAP_PROPORTIONS];

/** Every trap name as `trapsOf` reports it (groups as `group.member`) with its expected share. */
export function flatTrapProportions(): Record<TrapName, number> {
  const flat: Record<string, number> = {};
  for (const [name, value] of Object.entries(TRAP_PROPORTIONS)) {
    if (typeof value === 'number') flat[name] = value;
    else for (const [member, share] of Object.entries(value)) flat[`${name}.${member}`] = share;
  }
  return flat as Record<TrapName, number>;
}
