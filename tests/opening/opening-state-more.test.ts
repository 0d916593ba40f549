/**
 * More dated cases of "is it open?" (same format as opening-state.test.ts): three slots a day,
 * opening across midnight, 24/7, temporary closures and hours at their edges, services composed
 * from their place, holidays of many departments and years (2024–2030), daylight saving time in
 * Paris and the zones without it. Every expected instant is worked out by hand from API.md
 * §2.4/§2.5/§6 and the calendar, and written with its UTC offset (Paris +01:00 in winter, +02:00
 * in summer; Réunion +04:00; Mayotte +03:00; Guyane −03:00; Guadeloupe/Martinique −04:00;
 * Nouméa +11:00).
 */
import { describe, expect, it } from 'vitest';
import { openingState } from '../../common/opening/opening-state';
import type { Schedule } from '../../common/opening/schedule';
import { holidayCalendar } from '../../sync/holidays/french-holidays';
import { expectedSummary, summary, type Expected } from './dated-cases';
import { buildPlaceSchedules } from '../../sync/read/place-schedule';
import { MORE_SCHEDULES, SCHEDULES } from './schedules';

/*
 * A place and three of its services, composed the way the mirror reads them (API.md §2.5, §2.7):
 * place: weekdays 09:00–12:00 and 14:00–17:30, Saturday 10:00–12:00, CLOSED on holidays;
 *        temporary hours 1–31 December 2026, weekdays 10:00–13:00; temporary closure 24–26 December 2026.
 * hygiene: own hours Tuesday and Thursday 14:00–16:00 (so the place's temporary hours do not apply).
 * food: no own hours (follows the place, temporary hours included), own closure 14–16 December 2026.
 * domiciliation: own hours Monday 09:00–11:00, own closure from 7 December 2026 until further notice.
 */
const DAY = 1440;
const [MON, TUE, THU, SAT] = [0, DAY, 3 * DAY, 5 * DAY];
const WEEKDAYS = [0, 1, 2, 3, 4].map((index) => index * DAY);
const composed = buildPlaceSchedules(
  { time_zone: 'Europe/Paris', closed_on_holidays: 'CLOSED' },
  [
    { service_id: '1/hygiene', has_own_hours: 1, closure_start_day: null, closure_end_day: null },
    { service_id: '1/food', has_own_hours: 0, closure_start_day: '2026-12-14', closure_end_day: '2026-12-16' },
    { service_id: '1/domiciliation', has_own_hours: 1, closure_start_day: '2026-12-07', closure_end_day: null },
  ],
  {
    slots: [
      ...WEEKDAYS.flatMap((day) => [
        { service_id: null, schedule: 'regular' as const, start_minute: day + 540, end_minute: day + 720 },
        { service_id: null, schedule: 'regular' as const, start_minute: day + 840, end_minute: day + 1050 },
        { service_id: null, schedule: 'temporary' as const, start_minute: day + 600, end_minute: day + 780 },
      ]),
      { service_id: null, schedule: 'regular' as const, start_minute: SAT + 600, end_minute: SAT + 720 },
      { service_id: '1/hygiene', schedule: 'regular' as const, start_minute: TUE + 840, end_minute: TUE + 960 },
      { service_id: '1/hygiene', schedule: 'regular' as const, start_minute: THU + 840, end_minute: THU + 960 },
      { service_id: '1/domiciliation', schedule: 'regular' as const, start_minute: MON + 540, end_minute: MON + 660 },
    ],
    notices: [
      { kind: 'hours', start_day: '2026-12-01', end_day: '2026-12-31' },
      { kind: 'closure', start_day: '2026-12-24', end_day: '2026-12-26' },
    ],
  },
);

function service(id: string): Schedule {
  const found = composed.services.get(id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
}

const NAMED = {
  ...SCHEDULES,
  ...MORE_SCHEDULES,
  servicePlace: composed.place,
  serviceHygieneOwnHours: service('1/hygiene'),
  serviceFoodFollowsPlace: service('1/food'),
  serviceDomiciliationClosedOpenEnded: service('1/domiciliation'),
} satisfies Record<string, Schedule>;

type Name = keyof typeof NAMED;
type Case = [description: string, schedule: Name, department: string, instant: string, expected: Expected];

const CASES: Case[] = [
  // Three slots a day (08–10, 12–14, 18–20 on weekdays), CLOSED on holidays. Mon 23 Nov 2026.
  ['three slots: before the first', 'threeSlots', '75', '2026-11-23T07:59+01:00', ['opens-later-today', '2026-11-23T08:00+01:00']],
  ['three slots: 30 minutes before the end of the first', 'threeSlots', '75', '2026-11-23T09:30+01:00', ['closing-soon', '2026-11-23T10:00+01:00']],
  ['three slots: end of the first, the second later', 'threeSlots', '75', '2026-11-23T10:00+01:00', ['opens-later-today', '2026-11-23T12:00+01:00']],
  ['three slots: early in the second', 'threeSlots', '75', '2026-11-23T12:10+01:00', ['open', '2026-11-23T14:00+01:00']],
  ['three slots: between the second and the third', 'threeSlots', '75', '2026-11-23T16:00+01:00', ['opens-later-today', '2026-11-23T18:00+01:00']],
  ['three slots: end of the third slot is near', 'threeSlots', '75', '2026-11-23T19:45+01:00', ['closing-soon', '2026-11-23T20:00+01:00']],
  ['three slots: after the third, opens tomorrow', 'threeSlots', '75', '2026-11-23T20:00+01:00', ['closed-today', '2026-11-24T08:00+01:00']],
  ['three slots: Friday night, opens Monday', 'threeSlots', '75', '2026-11-27T21:00+01:00', ['closed-today', '2026-11-30T08:00+01:00']],
  ['three slots: Victory Day (Friday 8 May 2026)', 'threeSlots', '75', '2026-05-08T10:00+02:00', ['closed-today', '2026-05-11T08:00+02:00', 'Fête de la Victoire 1945']],
  ['three slots: the evening before Victory Day', 'threeSlots', '75', '2026-05-07T20:30+02:00', ['closed-today', '2026-05-11T08:00+02:00']],

  // A slot ending 2359 followed by a 0000 slot the next day: one opening across midnight.
  ['late bar at 23:00: open until 01:00 the next day', 'lateBar', '75', '2026-11-23T23:00+01:00', ['open', '2026-11-24T01:00+01:00']],
  ['late bar at 23:45: midnight is not a closing, not closing soon', 'lateBar', '75', '2026-11-23T23:45+01:00', ['open', '2026-11-24T01:00+01:00']],
  ['late bar at 00:30: closing soon at 01:00', 'lateBar', '75', '2026-11-24T00:30+01:00', ['closing-soon', '2026-11-24T01:00+01:00']],
  ['late bar at 01:00: the noon slot later', 'lateBar', '75', '2026-11-24T01:00+01:00', ['opens-later-today', '2026-11-24T11:00+01:00']],
  ['late bar on Friday night runs into Saturday', 'lateBar', '75', '2026-11-27T23:59+01:00', ['open', '2026-11-28T01:00+01:00']],
  ['late bar on Saturday at 02:00: next opening Monday 00:00', 'lateBar', '75', '2026-11-28T02:00+01:00', ['closed-today', '2026-11-30T00:00+01:00']],
  ['late bar on Sunday 23:50: still closed today', 'lateBar', '75', '2026-11-29T23:50+01:00', ['closed-today', '2026-11-30T00:00+01:00']],
  ['late bar the night before 11 November: the night stops at midnight', 'lateBar', '75', '2026-11-10T23:35+01:00', ['closing-soon', '2026-11-11T00:00+01:00']],
  ['late bar on 11 November: even its 00:00 slot is off', 'lateBar', '75', '2026-11-11T10:00+01:00', ['closed-today', '2026-11-12T00:00+01:00', 'Armistice 1918']],
  ['weekend nights, Friday 23:45: open until Saturday 03:00', 'weekendNights', '75', '2026-11-27T23:45+01:00', ['open', '2026-11-28T03:00+01:00']],
  ['weekend nights, Saturday 02:40: closing soon', 'weekendNights', '75', '2026-11-28T02:40+01:00', ['closing-soon', '2026-11-28T03:00+01:00']],
  ['weekend nights, Saturday noon: opens at 19:00', 'weekendNights', '75', '2026-11-28T12:00+01:00', ['opens-later-today', '2026-11-28T19:00+01:00']],
  ['weekend nights, Saturday 23:59: open until Sunday 03:00', 'weekendNights', '75', '2026-11-28T23:59+01:00', ['open', '2026-11-29T03:00+01:00']],
  ['weekend nights, Sunday 03:00: next Friday evening', 'weekendNights', '75', '2026-11-29T03:00+01:00', ['closed-today', '2026-12-04T19:00+01:00']],
  ['weekend nights, Saturday before fall back: 03:00 is winter time', 'weekendNights', '75', '2026-10-24T23:00+02:00', ['open', '2026-10-25T03:00+01:00']],
  ['weekend nights, first 02:15 of fall back: 105 real minutes left', 'weekendNights', '75', '2026-10-25T02:15+02:00', ['open', '2026-10-25T03:00+01:00']],
  ['weekend nights, second 02:35 of fall back: 25 minutes left', 'weekendNights', '75', '2026-10-25T02:35+01:00', ['closing-soon', '2026-10-25T03:00+01:00']],
  ['weekend nights, Saturday before spring forward: 03:00 is summer time', 'weekendNights', '75', '2026-03-28T23:00+01:00', ['open', '2026-03-29T03:00+02:00']],
  ['weekend nights, 01:40 on spring-forward night: only 20 real minutes left', 'weekendNights', '75', '2026-03-29T01:40+01:00', ['closing-soon', '2026-03-29T03:00+02:00']],
  ['long weekend, Friday morning: open until Sunday 18:00', 'longWeekend', '75', '2026-11-27T10:00+01:00', ['open', '2026-11-29T18:00+01:00']],
  ['long weekend, Friday before opening', 'longWeekend', '75', '2026-11-27T08:30+01:00', ['opens-later-today', '2026-11-27T09:00+01:00']],
  ['long weekend, Sunday 17:30: closing soon', 'longWeekend', '75', '2026-11-29T17:30+01:00', ['closing-soon', '2026-11-29T18:00+01:00']],
  ['long weekend, Sunday 18:00: next Friday', 'longWeekend', '75', '2026-11-29T18:00+01:00', ['closed-today', '2026-12-04T09:00+01:00']],
  ['long weekend across fall back: closes Sunday 18:00 winter time', 'longWeekend', '75', '2026-10-23T12:00+02:00', ['open', '2026-10-25T18:00+01:00']],

  // 24/7 places.
  ['24/7 OPEN on holidays, during the repeated hour of fall back', 'allDayEveryDay', '75', '2026-10-25T02:30+02:00', ['open', null]],
  ['24/7 CLOSED on holidays, spring-forward night (Easter Sunday 2027): closes at Easter Monday', 'allDayClosedOnHolidays', '75', '2027-03-28T01:30+01:00', ['open', '2027-03-29T00:00+02:00']],
  ['24/7 CLOSED on holidays, Easter Sunday 23:45 summer time', 'allDayClosedOnHolidays', '75', '2027-03-28T23:45+02:00', ['closing-soon', '2027-03-29T00:00+02:00']],
  ['24/7 CLOSED on holidays, Easter Monday 2027', 'allDayClosedOnHolidays', '75', '2027-03-29T10:00+02:00', ['closed-today', '2027-03-30T00:00+02:00', 'Lundi de Pâques']],
  ['24/7 CLOSED on holidays, fall-back night 2027: All Saints is next day', 'allDayClosedOnHolidays', '75', '2027-10-31T02:30+01:00', ['open', '2027-11-01T00:00+01:00']],
  ['24/7 with a closure in four days: open until the closure starts', 'allDayWithChristmasClosure', '75', '2026-12-20T10:00+01:00', ['open', '2026-12-24T00:00+01:00']],
  ['24/7 20 minutes before its closure starts', 'allDayWithChristmasClosure', '75', '2026-12-23T23:40+01:00', ['closing-soon', '2026-12-24T00:00+01:00']],
  ['24/7 on its temporary closure (Christmas)', 'allDayWithChristmasClosure', '75', '2026-12-25T12:00+01:00', ['temporarily-closed', '2026-12-26']],
  ['24/7 on the last minute of its closure', 'allDayWithChristmasClosure', '75', '2026-12-26T23:59+01:00', ['temporarily-closed', '2026-12-26']],
  ['24/7 after its closure: no closing within the week', 'allDayWithChristmasClosure', '75', '2026-12-27T00:00+01:00', ['open', null]],

  // Temporary closures: calendar days, `actif` is not "in effect", end included.
  ['closure starting tomorrow: open today', 'officeClosedTueWed', '75', '2026-12-07T10:00+01:00', ['open', '2026-12-07T12:00+01:00']],
  ['closure starting tomorrow: lunch break as usual', 'officeClosedTueWed', '75', '2026-12-07T13:00+01:00', ['opens-later-today', '2026-12-07T14:00+01:00']],
  ['closure starting tomorrow: the evening, next opening after it', 'officeClosedTueWed', '75', '2026-12-07T18:00+01:00', ['closed-today', '2026-12-10T09:00+01:00']],
  ['closure ending today: closed until the last minute', 'officeClosedTueWed', '75', '2026-12-09T23:59+01:00', ['temporarily-closed', '2026-12-09']],
  ['closure ended yesterday: opens this morning', 'officeClosedTueWed', '75', '2026-12-10T00:00+01:00', ['opens-later-today', '2026-12-10T09:00+01:00']],
  ['closure ending today (Friday), morning', 'officeClosedWedToFri', '75', '2026-12-04T09:00+01:00', ['temporarily-closed', '2026-12-04']],
  ['the Tuesday evening before a Wed–Fri closure: opens Saturday', 'officeClosedWedToFri', '75', '2026-12-01T18:00+01:00', ['closed-today', '2026-12-05T10:00+01:00']],
  ['the Saturday after a Wed–Fri closure', 'officeClosedWedToFri', '75', '2026-12-05T10:00+01:00', ['open', '2026-12-05T12:00+01:00']],
  ['a closure over Christmas wins over the holiday', 'christmasClosure', '75', '2026-12-25T10:00+01:00', ['temporarily-closed', '2026-12-27']],
  ['closed until further notice, its first minute', 'closedUntilFurtherNotice', '75', '2026-12-01T00:00+01:00', ['temporarily-closed', null]],
  ['Réunion closure starts at local midnight (20:00 UTC the day before)', 'reunionClosure', '974', '2026-11-30T20:00Z', ['temporarily-closed', '2026-12-04']],
  ['Réunion closure seen at 20:30 UTC on 30 Nov (00:30 on 1 Dec there)', 'reunionClosure', '974', '2026-11-30T20:30Z', ['temporarily-closed', '2026-12-04']],
  ['Réunion, one minute before the closure (20:59 in Paris)', 'reunionClosure', '974', '2026-11-30T20:59+01:00', ['closed-today', '2026-12-07T08:00+04:00']],
  ['Réunion, last evening of the closure (20:30 in Paris = 23:30 there)', 'reunionClosure', '974', '2026-12-04T20:30+01:00', ['temporarily-closed', '2026-12-04']],
  ['Réunion, Saturday 00:00 there (21:00 Friday in Paris): closure over', 'reunionClosure', '974', '2026-12-04T21:00+01:00', ['closed-today', '2026-12-07T08:00+04:00']],
  ['Guadeloupe closure starts at local midnight (04:00 UTC)', 'guadeloupeClosure', '971', '2026-12-01T04:00Z', ['temporarily-closed', '2026-12-01']],
  ['Guadeloupe, 04:59 in Paris is still Monday 23:59 there', 'guadeloupeClosure', '971', '2026-12-01T04:59+01:00', ['closed-today', '2026-12-02T08:00-04:00']],
  ['Guadeloupe, 2 Dec 04:30 in Paris is still the closed 1 Dec there', 'guadeloupeClosure', '971', '2026-12-02T04:30+01:00', ['temporarily-closed', '2026-12-01']],
  ['Guadeloupe, Wednesday 00:00 there: closure over', 'guadeloupeClosure', '971', '2026-12-02T05:00+01:00', ['opens-later-today', '2026-12-02T08:00-04:00']],

  // Temporary hours: summer weekdays 10–14 without Wednesday (6 Jul – 28 Aug 2026), regular office otherwise.
  ['temporary hours start on Monday: Friday before keeps regular hours', 'summerHours', '75', '2026-07-03T15:00+02:00', ['open', '2026-07-03T17:30+02:00']],
  ['temporary hours start tomorrow: next opening is the temporary 10:00', 'summerHours', '75', '2026-07-05T10:00+02:00', ['closed-today', '2026-07-06T10:00+02:00']],
  ['temporary hours in effect: 09:30 is before their opening', 'summerHours', '75', '2026-07-06T09:30+02:00', ['opens-later-today', '2026-07-06T10:00+02:00']],
  ['temporary hours in effect: closing soon at 14:00', 'summerHours', '75', '2026-07-06T13:40+02:00', ['closing-soon', '2026-07-06T14:00+02:00']],
  ['temporary hours: Tuesday afternoon, Wednesday has no slot', 'summerHours', '75', '2026-07-07T15:00+02:00', ['closed-today', '2026-07-09T10:00+02:00']],
  ['temporary hours: the Wednesday without slots', 'summerHours', '75', '2026-07-08T10:00+02:00', ['closed-today', '2026-07-09T10:00+02:00']],
  ['temporary hours: evening before 14 July (CLOSED), then an empty Wednesday', 'summerHours', '75', '2026-07-13T18:00+02:00', ['closed-today', '2026-07-16T10:00+02:00']],
  ['temporary hours: 14 July, CLOSED on holidays', 'summerHours', '75', '2026-07-14T11:00+02:00', ['closed-today', '2026-07-16T10:00+02:00', 'Fête Nationale de la France']],
  ['temporary hours: Assumption on a Saturday, CLOSED', 'summerHours', '75', '2026-08-15T10:30+02:00', ['closed-today', '2026-08-17T10:00+02:00', 'Assomption']],
  ['temporary hours, last day, closing soon', 'summerHours', '75', '2026-08-28T13:55+02:00', ['closing-soon', '2026-08-28T14:00+02:00']],
  ['temporary hours, last day, afternoon: regular Saturday next', 'summerHours', '75', '2026-08-28T15:00+02:00', ['closed-today', '2026-08-29T10:00+02:00']],
  ['temporary hours ended yesterday: regular Saturday', 'summerHours', '75', '2026-08-29T10:30+02:00', ['open', '2026-08-29T12:00+02:00']],
  ['temporary hours over: regular Monday afternoon', 'summerHours', '75', '2026-08-31T16:00+02:00', ['open', '2026-08-31T17:30+02:00']],
  ['temporary hours replace regular hours on 14 July (OPEN on holidays)', 'summerHoursOpenOnHolidays', '75', '2026-07-14T11:00+02:00', ['open', '2026-07-14T14:00+02:00']],
  ['OPEN on holidays, Assumption Saturday: temporary week has no Saturday', 'summerHoursOpenOnHolidays', '75', '2026-08-15T10:30+02:00', ['closed-today', '2026-08-17T10:00+02:00']],
  ['open-ended temporary hours months later, on a Sunday', 'winterHoursOpenEnded', '75', '2027-02-07T10:30+01:00', ['open', '2027-02-07T12:00+01:00']],
  ['All Saints on a Sunday, temporary hours from tomorrow', 'winterHoursOpenEnded', '75', '2026-11-01T10:30+01:00', ['closed-today', '2026-11-02T10:00+01:00', 'Toussaint']],
  ['1 May 2027 (Saturday) with open-ended temporary hours', 'winterHoursOpenEnded', '75', '2027-05-01T09:00+02:00', ['closed-today', '2027-05-02T10:00+02:00', 'Fête du travail']],

  // Services composed from the place (own hours ignore the place's temporary hours; closures add up).
  ['service with own hours ignores the place’s temporary hours', 'serviceHygieneOwnHours', '75', '2026-12-01T10:30+01:00', ['opens-later-today', '2026-12-01T14:00+01:00']],
  ['service without own hours follows the place’s temporary hours', 'serviceFoodFollowsPlace', '75', '2026-12-01T10:30+01:00', ['open', '2026-12-01T13:00+01:00']],
  ['the place itself under temporary hours at 12:45', 'servicePlace', '75', '2026-12-01T12:45+01:00', ['closing-soon', '2026-12-01T13:00+01:00']],
  ['service on its own closure', 'serviceFoodFollowsPlace', '75', '2026-12-14T10:30+01:00', ['temporarily-closed', '2026-12-16']],
  ['the place is open during its service’s closure', 'servicePlace', '75', '2026-12-14T10:30+01:00', ['open', '2026-12-14T13:00+01:00']],
  ['service, Sunday before its closure: next opening after it', 'serviceFoodFollowsPlace', '75', '2026-12-13T10:00+01:00', ['closed-today', '2026-12-17T10:00+01:00']],
  ['service with own hours closed by the place’s closure', 'serviceHygieneOwnHours', '75', '2026-12-24T15:00+01:00', ['temporarily-closed', '2026-12-26']],
  ['service with own hours, next opening skips the place’s closure', 'serviceHygieneOwnHours', '75', '2026-12-22T16:00+01:00', ['closed-today', '2026-12-29T14:00+01:00']],
  ['service closed until further notice from Monday: no next opening', 'serviceDomiciliationClosedOpenEnded', '75', '2026-12-04T18:00+01:00', ['closed-today', null]],
  ['service closed until further notice inside the place’s dated closure', 'serviceDomiciliationClosedOpenEnded', '75', '2026-12-24T10:00+01:00', ['temporarily-closed', null]],
  ['service open the Monday before its open-ended closure', 'serviceDomiciliationClosedOpenEnded', '75', '2026-11-30T10:00+01:00', ['open', '2026-11-30T11:00+01:00']],
  ['service with own hours after the place’s temporary hours', 'serviceHygieneOwnHours', '75', '2027-01-07T15:45+01:00', ['closing-soon', '2027-01-07T16:00+01:00']],
  ['service following the place on New Year’s Day', 'serviceFoodFollowsPlace', '75', '2027-01-01T10:00+01:00', ['closed-today', '2027-01-02T10:00+01:00', 'Nouvel An']],

  // Holidays in many departments and years.
  ['Whit Monday 2024 in Rhône', 'office', '69', '2024-05-20T10:00+02:00', ['closed-today', '2024-05-21T09:00+02:00', 'Lundi de Pentecôte']],
  ['Whit Monday 2025 in Gironde', 'office', '33', '2025-06-09T10:00+02:00', ['closed-today', '2025-06-10T09:00+02:00', 'Lundi de Pentecôte']],
  ['Whit Monday 2028 in Nord', 'office', '59', '2028-06-05T10:00+02:00', ['closed-today', '2028-06-06T09:00+02:00', 'Lundi de Pentecôte']],
  ['Saturday before Whit Monday 2029: next opening Tuesday', 'office', '35', '2029-05-19T12:30+02:00', ['closed-today', '2029-05-22T09:00+02:00']],
  ['Whit Monday 2027, OPEN on holidays', 'officeOpenOnHolidays', '75', '2027-05-17T10:00+02:00', ['open', '2027-05-17T12:00+02:00']],
  ['Assumption 2025 (Friday): opens Saturday', 'office', '75', '2025-08-15T10:00+02:00', ['closed-today', '2025-08-16T10:00+02:00', 'Assomption']],
  ['Assumption 2027 on a Sunday', 'office', '75', '2027-08-15T10:00+02:00', ['closed-today', '2027-08-16T09:00+02:00', 'Assomption']],
  ['Assumption 2025, holidays UNKNOWN: normal hours', 'officeHolidaysUnknown', '75', '2025-08-15T15:00+02:00', ['open', '2025-08-15T17:30+02:00']],
  ['Assumption 2029 in Guadeloupe', 'guadeloupeOffice', '971', '2029-08-15T09:00-04:00', ['closed-today', '2029-08-16T08:00-04:00', 'Assomption']],
  ['All Saints 2024 (Friday) in Bouches-du-Rhône', 'office', '13', '2024-11-01T10:00+01:00', ['closed-today', '2024-11-02T10:00+01:00', 'Toussaint']],
  ['All Saints 2026 on a Sunday', 'office', '75', '2026-11-01T10:00+01:00', ['closed-today', '2026-11-02T09:00+01:00', 'Toussaint']],
  ['All Saints 2030 (Friday) in Réunion', 'reunionOffice', '974', '2030-11-01T09:00+04:00', ['closed-today', '2030-11-04T08:00+04:00', 'Toussaint']],
  ['the evening before Ascension 2027', 'office', '75', '2027-05-05T18:00+02:00', ['closed-today', '2027-05-07T09:00+02:00']],
  ['Ascension 2028 in Loire-Atlantique', 'office', '44', '2028-05-25T10:00+02:00', ['closed-today', '2028-05-26T09:00+02:00', 'Ascension']],
  ['Ascension 2029 in Mayotte', 'mayotteOffice', '976', '2029-05-10T09:00+03:00', ['closed-today', '2029-05-11T08:00+03:00', 'Ascension']],
  ['Ascension 2030 in Martinique', 'martiniqueOffice', '972', '2030-05-30T09:00-04:00', ['closed-today', '2030-05-31T08:00-04:00', 'Ascension']],
  ['Good Friday 2025 in Moselle', 'office', '57', '2025-04-18T10:00+02:00', ['closed-today', '2025-04-19T10:00+02:00', 'Vendredi saint']],
  ['the evening before Good Friday 2028 in Haut-Rhin', 'office', '68', '2028-04-13T18:00+02:00', ['closed-today', '2028-04-15T10:00+02:00']],
  ['Good Friday 2029 in Bas-Rhin', 'office', '67', '2029-03-30T10:00+02:00', ['closed-today', '2029-03-31T10:00+02:00', 'Vendredi saint']],
  ['Saturday before Easter Monday 2030 in Bas-Rhin', 'office', '67', '2030-04-20T12:30+02:00', ['closed-today', '2030-04-23T09:00+02:00']],
  ['Good Friday 2027 in Paris is a working day', 'office', '75', '2027-03-26T10:00+01:00', ['open', '2027-03-26T12:00+01:00']],
  ['Christmas Eve 2030 in Bas-Rhin: 25 and 26 December off', 'office', '67', '2030-12-24T18:00+01:00', ['closed-today', '2030-12-27T09:00+01:00']],
  ['New Year’s Eve 2027: 1 January 2028 is a Saturday', 'office', '75', '2027-12-31T18:00+01:00', ['closed-today', '2028-01-03T09:00+01:00']],
  ['Victory Day 2029 (Tuesday)', 'office', '75', '2029-05-08T10:00+02:00', ['closed-today', '2029-05-09T09:00+02:00', 'Fête de la Victoire 1945']],
  ['the evening before 14 July 2027', 'office', '75', '2027-07-13T18:00+02:00', ['closed-today', '2027-07-15T09:00+02:00']],
  ['Guadeloupe abolition day 2027 (27 May)', 'guadeloupeOffice', '971', '2027-05-27T09:00-04:00', ['closed-today', '2027-05-28T08:00-04:00', 'Abolition de l’esclavage']],
  ['Guadeloupe, the evening before abolition day 2027', 'guadeloupeOffice', '971', '2027-05-26T17:00-04:00', ['closed-today', '2027-05-28T08:00-04:00']],
  ['Martinique abolition day 2028 (22 May)', 'martiniqueOffice', '972', '2028-05-22T09:00-04:00', ['closed-today', '2028-05-23T08:00-04:00', 'Abolition de l’esclavage']],
  ['Martinique abolition day 2030 seen at 15:00 in Paris', 'martiniqueOffice', '972', '2030-05-22T15:00+02:00', ['closed-today', '2030-05-23T08:00-04:00', 'Abolition de l’esclavage']],
  ['Guyane abolition day 2027 (10 June)', 'guyaneOffice', '973', '2027-06-10T09:00-03:00', ['closed-today', '2027-06-11T08:00-03:00', 'Abolition de l’esclavage']],
  ['Guyane abolition day 2029 on a Sunday', 'guyaneOffice', '973', '2029-06-10T10:00-03:00', ['closed-today', '2029-06-11T08:00-03:00', 'Abolition de l’esclavage']],
  ['Mayotte abolition day 2027 (27 April)', 'mayotteOffice', '976', '2027-04-27T09:00+03:00', ['closed-today', '2027-04-28T08:00+03:00', 'Abolition de l’esclavage']],
  ['27 April is a working day in Paris', 'office', '75', '2026-04-27T10:00+02:00', ['open', '2026-04-27T12:00+02:00']],
  ['Réunion abolition day 2024 (Friday): opens Monday', 'reunionOffice', '974', '2024-12-20T09:00+04:00', ['closed-today', '2024-12-23T08:00+04:00', 'Abolition de l’esclavage']],
  ['Réunion 20 December 2029 already begun at 21:00 in Paris on the 19th', 'reunionOffice', '974', '2029-12-19T21:00+01:00', ['closed-today', '2029-12-21T08:00+04:00', 'Abolition de l’esclavage']],
  ['Réunion 21 December 2029 begun at 21:00 in Paris on the 20th', 'reunionOffice', '974', '2029-12-20T21:00+01:00', ['opens-later-today', '2029-12-21T08:00+04:00']],

  // Daylight saving time in Paris.
  ['spring forward 2028: 02:00 does not exist, opens 03:00 summer time', 'springForward', '75', '2028-03-26T01:00+01:00', ['opens-later-today', '2028-03-26T03:00+02:00']],
  ['spring forward 2028: 03:15, closing soon', 'springForward', '75', '2028-03-26T03:15+02:00', ['closing-soon', '2028-03-26T03:30+02:00']],
  ['night shelter, evening before spring forward 2027', 'nightShelter', '75', '2027-03-27T21:00+01:00', ['open', '2027-03-28T08:00+02:00']],
  ['night shelter, 01:45 on spring-forward night', 'nightShelter', '75', '2027-03-28T01:45+01:00', ['open', '2027-03-28T08:00+02:00']],
  ['night shelter, 07:35 after spring forward', 'nightShelter', '75', '2027-03-28T07:35+02:00', ['closing-soon', '2027-03-28T08:00+02:00']],
  ['night shelter, evening before fall back 2027', 'nightShelter', '75', '2027-10-30T21:00+02:00', ['open', '2027-10-31T08:00+01:00']],
  ['night shelter, first 02:30 of fall back', 'nightShelter', '75', '2027-10-31T02:30+02:00', ['open', '2027-10-31T08:00+01:00']],
  ['night shelter, second 02:30 of fall back', 'nightShelter', '75', '2027-10-31T02:30+01:00', ['open', '2027-10-31T08:00+01:00']],
  ['fall back 2028, before the 01:00 slot', 'fallBack', '75', '2028-10-29T00:59+02:00', ['opens-later-today', '2028-10-29T01:00+02:00']],
  ['fall back 2028, first 02:40: 80 real minutes left', 'fallBack', '75', '2028-10-29T02:40+02:00', ['open', '2028-10-29T03:00+01:00']],
  ['fall back 2028, second 02:40: 20 minutes left', 'fallBack', '75', '2028-10-29T02:40+01:00', ['closing-soon', '2028-10-29T03:00+01:00']],

  // Zones without DST at the instant Paris changes.
  ['Réunion, Friday before Paris springs forward (05:00 Paris = 08:00 there)', 'reunionOffice', '974', '2026-03-27T05:00+01:00', ['open', '2026-03-27T16:00+04:00']],
  ['Réunion, Monday after: 05:00 Paris is only 07:00 there', 'reunionOffice', '974', '2026-03-30T05:00+02:00', ['opens-later-today', '2026-03-30T08:00+04:00']],
  ['Martinique, Friday before Paris falls back (20:30 Paris = 14:30 there)', 'martiniqueOffice', '972', '2026-10-23T20:30+02:00', ['open', '2026-10-23T16:00-04:00']],
  ['Martinique, Monday after: 20:30 Paris is 15:30 there', 'martiniqueOffice', '972', '2026-10-26T20:30+01:00', ['closing-soon', '2026-10-26T16:00-04:00']],
  ['Guyane at the instant Paris springs forward: still Saturday there', 'guyaneOffice', '973', '2026-03-29T03:00+02:00', ['closed-today', '2026-03-30T08:00-03:00']],
  ['Mayotte, Friday before Paris falls back (06:00 Paris = 07:00 there)', 'mayotteOffice', '976', '2026-10-23T06:00+02:00', ['opens-later-today', '2026-10-23T08:00+03:00']],
  ['Mayotte, Monday after: 06:00 Paris is 08:00 there', 'mayotteOffice', '976', '2026-10-26T06:00+01:00', ['open', '2026-10-26T16:00+03:00']],
  ['Nouméa, Sunday 22:00 summer time in Paris is Monday 07:00 there', 'noumeaOffice', '988', '2026-03-29T22:00+02:00', ['opens-later-today', '2026-03-30T07:30+11:00']],
  ['Nouméa at the second 02:30 of Paris fall back: Sunday afternoon there', 'noumeaOffice', '988', '2026-10-25T02:30+01:00', ['closed-today', '2026-10-26T07:30+11:00']],
];

describe('opening state at an instant, more cases', () => {
  it.each(CASES)('%s (%s, %s, %s)', (_description, name, department, instant, expected) => {
    const state = openingState(NAMED[name], new Date(instant), holidayCalendar(department));
    expect(summary(state)).toEqual(expectedSummary(expected));
  });
});

export { CASES };
