/**
 * Dated cases of "is it open?": the instant, the place's hours and temporary information, its
 * department, the expected state and its next change. Expected instants are written by hand
 * with their UTC offset (Paris is +01:00 in winter, +02:00 in summer; Réunion +04:00).
 */
import { describe, expect, it } from 'vitest';
import { openingState } from '../../common/opening/opening-state';
import { holidayCalendar } from '../../sync/holidays/french-holidays';
import { expectedSummary, summary, type Expected } from './dated-cases';
import { SCHEDULES, type ScheduleName } from './schedules';

type Case = [description: string, schedule: ScheduleName, department: string, instant: string, expected: Expected];

const CASES: Case[] = [
  // Weekly hours, two slots a day, Saturday morning, closed on Sunday and on holidays.
  ['before the morning opening', 'office', '75', '2026-11-23T08:00+01:00', ['opens-later-today', '2026-11-23T09:00+01:00']],
  ['at the opening minute', 'office', '75', '2026-11-23T09:00+01:00', ['open', '2026-11-23T12:00+01:00']],
  ['mid-morning', 'office', '75', '2026-11-23T10:15+01:00', ['open', '2026-11-23T12:00+01:00']],
  ['31 minutes before closing: not yet closing soon', 'office', '75', '2026-11-23T11:29+01:00', ['open', '2026-11-23T12:00+01:00']],
  ['30 minutes before closing: closing soon', 'office', '75', '2026-11-23T11:30+01:00', ['closing-soon', '2026-11-23T12:00+01:00']],
  ['one minute before closing', 'office', '75', '2026-11-23T11:59+01:00', ['closing-soon', '2026-11-23T12:00+01:00']],
  ['at the closing minute (end excluded)', 'office', '75', '2026-11-23T12:00+01:00', ['opens-later-today', '2026-11-23T14:00+01:00']],
  ['lunch break', 'office', '75', '2026-11-23T13:00+01:00', ['opens-later-today', '2026-11-23T14:00+01:00']],
  ['afternoon, closing soon', 'office', '75', '2026-11-23T17:00+01:00', ['closing-soon', '2026-11-23T17:30+01:00']],
  ['after the last slot', 'office', '75', '2026-11-23T17:30+01:00', ['closed-today', '2026-11-24T09:00+01:00']],
  ['late evening', 'office', '75', '2026-11-23T23:59+01:00', ['closed-today', '2026-11-24T09:00+01:00']],
  ['Friday evening: opens Saturday', 'office', '75', '2026-11-27T18:00+01:00', ['closed-today', '2026-11-28T10:00+01:00']],
  ['Saturday morning', 'office', '75', '2026-11-28T11:00+01:00', ['open', '2026-11-28T12:00+01:00']],
  ['Saturday afternoon: opens Monday', 'office', '75', '2026-11-28T12:30+01:00', ['closed-today', '2026-11-30T09:00+01:00']],
  ['Sunday', 'office', '75', '2026-11-29T10:00+01:00', ['closed-today', '2026-11-30T09:00+01:00']],
  ['31 December afternoon', 'office', '75', '2026-12-31T16:00+01:00', ['open', '2026-12-31T17:30+01:00']],
  ['31 December evening: 1 January is a holiday', 'office', '75', '2026-12-31T18:00+01:00', ['closed-today', '2027-01-02T10:00+01:00']],

  // Public holidays per department (closedHolidays CLOSED).
  ['11 November, CLOSED on holidays', 'office', '75', '2026-11-11T10:00+01:00', ['closed-today', '2026-11-12T09:00+01:00', 'Armistice 1918']],
  ['Christmas in Paris: open again on the 26th', 'office', '75', '2026-12-25T10:00+01:00', ['closed-today', '2026-12-26T10:00+01:00', 'Noël']],
  ['Christmas in Bas-Rhin: 26 December is a holiday too', 'office', '67', '2026-12-25T10:00+01:00', ['closed-today', '2026-12-28T09:00+01:00', 'Noël']],
  ['26 December in Moselle', 'office', '57', '2026-12-26T10:00+01:00', ['closed-today', '2026-12-28T09:00+01:00', 'Lendemain de Noël']],
  ['26 December in Haut-Rhin', 'office', '68', '2026-12-26T10:00+01:00', ['closed-today', '2026-12-28T09:00+01:00', 'Lendemain de Noël']],
  ['26 December in Paris is a Saturday like others', 'office', '75', '2026-12-26T10:00+01:00', ['open', '2026-12-26T12:00+01:00']],
  ['Good Friday in Bas-Rhin', 'office', '67', '2026-04-03T10:00+02:00', ['closed-today', '2026-04-04T10:00+02:00', 'Vendredi saint']],
  ['Good Friday in Paris is a working day', 'office', '75', '2026-04-03T10:00+02:00', ['open', '2026-04-03T12:00+02:00']],
  ['Easter Monday', 'office', '75', '2026-04-06T10:00+02:00', ['closed-today', '2026-04-07T09:00+02:00', 'Lundi de Pâques']],
  ['1 May', 'office', '13', '2026-05-01T10:00+02:00', ['closed-today', '2026-05-02T10:00+02:00', 'Fête du travail']],
  ['Ascension Thursday', 'office', '33', '2026-05-14T10:00+02:00', ['closed-today', '2026-05-15T09:00+02:00', 'Ascension']],
  ['14 July', 'office', '75', '2026-07-14T10:00+02:00', ['closed-today', '2026-07-15T09:00+02:00', 'Fête Nationale de la France']],
  ['holiday, but the place says OPEN', 'officeOpenOnHolidays', '75', '2026-11-11T10:00+01:00', ['open', '2026-11-11T12:00+01:00']],
  ['holiday, the place does not say (UNKNOWN): normal hours', 'officeHolidaysUnknown', '75', '2026-11-11T10:00+01:00', ['open', '2026-11-11T12:00+01:00']],
  ['Réunion, abolition day 20 December', 'reunionOffice', '974', '2027-12-20T10:00+04:00', ['closed-today', '2027-12-21T08:00+04:00', 'Abolition de l’esclavage']],

  // Overnight slots split across days (22:00–02:00 style), holidays OPEN.
  ['night shelter in the evening: open until the morning', 'nightShelter', '75', '2026-11-23T21:00+01:00', ['open', '2026-11-24T08:00+01:00']],
  ['night shelter at midnight', 'nightShelter', '75', '2026-11-24T00:00+01:00', ['open', '2026-11-24T08:00+01:00']],
  ['night shelter at 07:00', 'nightShelter', '75', '2026-11-24T07:00+01:00', ['open', '2026-11-24T08:00+01:00']],
  ['night shelter at 07:45: closing soon', 'nightShelter', '75', '2026-11-24T07:45+01:00', ['closing-soon', '2026-11-24T08:00+01:00']],
  ['night shelter at noon', 'nightShelter', '75', '2026-11-24T12:00+01:00', ['opens-later-today', '2026-11-24T20:00+01:00']],
  ['night shelter on Christmas night, OPEN on holidays', 'nightShelter', '75', '2026-12-25T22:00+01:00', ['open', '2026-12-26T08:00+01:00']],
  ['night shelter CLOSED on holidays, Christmas evening', 'nightShelterClosedOnHolidays', '75', '2026-12-25T22:00+01:00', ['closed-today', '2026-12-26T00:00+01:00', 'Noël']],
  ['…and the morning after, which is not a holiday in Paris', 'nightShelterClosedOnHolidays', '75', '2026-12-26T01:00+01:00', ['open', '2026-12-26T08:00+01:00']],
  ['evening before a holiday: the night stops at midnight', 'nightShelterClosedOnHolidays', '75', '2026-12-24T21:00+01:00', ['open', '2026-12-25T00:00+01:00']],

  // 24/7.
  ['open day and night', 'allDayEveryDay', '75', '2026-11-25T03:00+01:00', ['open', null]],
  ['open day and night, even on Christmas', 'allDayEveryDay', '75', '2026-12-25T15:00+01:00', ['open', null]],
  ['24/7 but CLOSED on holidays, the evening before', 'allDayClosedOnHolidays', '75', '2026-12-24T22:00+01:00', ['open', '2026-12-25T00:00+01:00']],
  ['24/7 but CLOSED on holidays, 15 minutes before', 'allDayClosedOnHolidays', '75', '2026-12-24T23:45+01:00', ['closing-soon', '2026-12-25T00:00+01:00']],

  // No hours given.
  ['no hours given', 'noHours', '75', '2026-11-23T10:00+01:00', ['unknown']],
  ['no hours given, but temporarily closed', 'noHoursButClosed', '75', '2026-11-23T10:00+01:00', ['temporarily-closed', '2026-11-30']],

  // Temporary closures: calendar days, end included, null end = until further notice.
  ['the Sunday before a closure week', 'christmasClosure', '75', '2026-12-20T10:00+01:00', ['closed-today', '2026-12-28T09:00+01:00']],
  ['first day of a closure', 'christmasClosure', '75', '2026-12-21T10:00+01:00', ['temporarily-closed', '2026-12-27']],
  ['last day of a closure, late evening (end included)', 'christmasClosure', '75', '2026-12-27T23:00+01:00', ['temporarily-closed', '2026-12-27']],
  ['the day after a closure', 'christmasClosure', '75', '2026-12-28T10:00+01:00', ['open', '2026-12-28T12:00+01:00']],
  ['Friday evening before a closure: opens on Saturday', 'christmasClosure', '75', '2026-12-18T18:00+01:00', ['closed-today', '2026-12-19T10:00+01:00']],
  ['a place closure and a longer service closure: closed until the later end', 'serviceClosedWithinPlaceClosure', '75', '2026-12-22T10:00+01:00', ['temporarily-closed', '2027-01-03']],
  ['closed until further notice, seen the day before', 'closedUntilFurtherNotice', '75', '2026-11-30T18:00+01:00', ['closed-today', null]],
  ['closed until further notice, months later', 'closedUntilFurtherNotice', '75', '2027-06-01T10:00+02:00', ['temporarily-closed', null]],
  ['a closure announced for later does not close today (actif is not "in effect")', 'announcedClosure', '75', '2026-11-24T10:00+01:00', ['open', '2026-11-24T12:00+01:00']],
  ['the evening before an announced closure: next opening after it', 'announcedClosure', '75', '2026-12-09T18:00+01:00', ['closed-today', '2026-12-14T09:00+01:00']],

  // Temporary hours replace the week during their period.
  ['temporary hours: opens later', 'decemberHours', '75', '2026-12-01T09:30+01:00', ['opens-later-today', '2026-12-01T10:00+01:00']],
  ['temporary hours: closing soon', 'decemberHours', '75', '2026-12-01T12:45+01:00', ['closing-soon', '2026-12-01T13:00+01:00']],
  ['temporary hours: afternoon closed', 'decemberHours', '75', '2026-12-01T15:00+01:00', ['closed-today', '2026-12-02T10:00+01:00']],
  ['the day before temporary hours: regular hours', 'decemberHours', '75', '2026-11-30T15:00+01:00', ['open', '2026-11-30T17:30+01:00']],
  ['temporary week without Saturday', 'decemberHours', '75', '2026-12-05T10:30+01:00', ['closed-today', '2026-12-07T10:00+01:00']],
  ['last day of temporary hours: regular week again after the holiday', 'decemberHours', '75', '2026-12-31T15:00+01:00', ['closed-today', '2027-01-02T10:00+01:00']],

  // Time zones: a place in Réunion seen from a kiosk clock anywhere.
  ['Réunion at 09:30 local (06:30 in Paris)', 'reunionOffice', '974', '2026-11-23T06:30+01:00', ['open', '2026-11-23T16:00+04:00']],
  ['Réunion at 15:30 local: closing soon', 'reunionOffice', '974', '2026-11-23T12:30+01:00', ['closing-soon', '2026-11-23T16:00+04:00']],
  ['Réunion at 17:00 local', 'reunionOffice', '974', '2026-11-23T14:00+01:00', ['closed-today', '2026-11-24T08:00+04:00']],
  ['Monday night in Paris is Tuesday morning in Réunion', 'reunionOffice', '974', '2026-11-23T23:30+01:00', ['opens-later-today', '2026-11-24T08:00+04:00']],

  // Daylight saving time in Paris.
  ['spring forward: 02:00 does not exist, the slot opens at 03:00 summer time', 'springForward', '75', '2026-03-29T01:30+01:00', ['opens-later-today', '2026-03-29T03:00+02:00']],
  ['spring forward: 03:00, half an hour left', 'springForward', '75', '2026-03-29T03:00+02:00', ['closing-soon', '2026-03-29T03:30+02:00']],
  ['spring forward: after the slot, next Sunday', 'springForward', '75', '2026-03-29T03:30+02:00', ['closed-today', '2026-04-05T02:00+02:00']],
  ['fall back: 01:30 summer time, the hour 02:00–03:00 happens twice', 'fallBack', '75', '2026-10-25T01:30+02:00', ['open', '2026-10-25T03:00+01:00']],
  ['fall back: second 02:30, in winter time', 'fallBack', '75', '2026-10-25T02:30+01:00', ['closing-soon', '2026-10-25T03:00+01:00']],

  // Overseas departments: their zone, their abolition day.
  ['Guyane, 10 June abolition day', 'guyaneOffice', '973', '2026-06-10T10:00-03:00', ['closed-today', '2026-06-11T08:00-03:00', 'Abolition de l’esclavage']],
  ['Guyane, 15 minutes before closing', 'guyaneOffice', '973', '2026-06-09T15:45-03:00', ['closing-soon', '2026-06-09T16:00-03:00']],
  ['Guyane seen at 20:00 in Paris (15:00 there)', 'guyaneOffice', '973', '2026-06-09T20:00+02:00', ['open', '2026-06-09T16:00-03:00']],
  ['Guadeloupe, 27 May abolition day', 'guadeloupeOffice', '971', '2026-05-27T09:00-04:00', ['closed-today', '2026-05-28T08:00-04:00', 'Abolition de l’esclavage']],
  ['Martinique, 22 May abolition day, then Whit Monday', 'martiniqueOffice', '972', '2026-05-22T09:00-04:00', ['closed-today', '2026-05-26T08:00-04:00', 'Abolition de l’esclavage']],
  ['Mayotte, 27 April abolition day', 'mayotteOffice', '976', '2026-04-27T09:00+03:00', ['closed-today', '2026-04-28T08:00+03:00', 'Abolition de l’esclavage']],
  ['Nouméa on Tuesday morning is Monday night in Paris', 'noumeaOffice', '988', '2026-11-23T22:00+01:00', ['open', '2026-11-24T11:30+11:00']],
  ['Nouméa at 11:05 local: closing soon', 'noumeaOffice', '988', '2026-11-24T01:05+01:00', ['closing-soon', '2026-11-24T11:30+11:00']],
  ['Nouméa on Monday evening', 'noumeaOffice', '988', '2026-11-23T09:00+01:00', ['closed-today', '2026-11-24T07:30+11:00']],
  ['Nouméa on 11 November', 'noumeaOffice', '988', '2026-11-11T09:00+11:00', ['closed-today', '2026-11-12T07:30+11:00', 'Armistice 1918']],

  // A service's own hours and its own closure.
  ['a service with its own afternoon hours, in the morning', 'serviceOwnAfternoon', '75', '2026-11-23T10:00+01:00', ['opens-later-today', '2026-11-23T14:00+01:00']],
  ['a service closed for two days, first day', 'serviceClosedTwoDays', '75', '2026-11-25T10:00+01:00', ['temporarily-closed', '2026-11-26']],
  ['a service closed for two days, the evening before', 'serviceClosedTwoDays', '75', '2026-11-24T18:00+01:00', ['closed-today', '2026-11-27T09:00+01:00']],
  ['a service closed for two days, the day after', 'serviceClosedTwoDays', '75', '2026-11-27T09:30+01:00', ['open', '2026-11-27T12:00+01:00']],

  // Edge minutes of a week.
  ['one minute before the afternoon opening', 'office', '75', '2026-11-24T13:59+01:00', ['opens-later-today', '2026-11-24T14:00+01:00']],
  ['at the afternoon opening', 'office', '75', '2026-11-24T14:00+01:00', ['open', '2026-11-24T17:30+01:00']],
  ['one minute before the evening closing', 'office', '75', '2026-11-25T17:29+01:00', ['closing-soon', '2026-11-25T17:30+01:00']],
  ['Saturday one minute before opening', 'office', '75', '2026-11-28T09:59+01:00', ['opens-later-today', '2026-11-28T10:00+01:00']],
  ['Saturday half an hour before closing', 'office', '75', '2026-11-28T11:30+01:00', ['closing-soon', '2026-11-28T12:00+01:00']],
  ['Saturday at closing', 'office', '75', '2026-11-28T12:00+01:00', ['closed-today', '2026-11-30T09:00+01:00']],
  ['Sunday one minute before midnight', 'office', '75', '2026-11-29T23:59+01:00', ['closed-today', '2026-11-30T09:00+01:00']],
  ['Monday at midnight', 'office', '75', '2026-11-30T00:00+01:00', ['opens-later-today', '2026-11-30T09:00+01:00']],
  ['night shelter one minute before it opens', 'nightShelter', '75', '2026-11-24T19:59+01:00', ['opens-later-today', '2026-11-24T20:00+01:00']],
  ['night shelter at opening', 'nightShelter', '75', '2026-11-24T20:00+01:00', ['open', '2026-11-25T08:00+01:00']],
  ['night shelter one minute before midnight', 'nightShelter', '75', '2026-11-24T23:59+01:00', ['open', '2026-11-25T08:00+01:00']],
  ['night shelter CLOSED on holidays, 20 minutes before Christmas', 'nightShelterClosedOnHolidays', '75', '2026-12-24T23:40+01:00', ['closing-soon', '2026-12-25T00:00+01:00']],

  // Temporary hours and closures, more edges.
  ['temporary hours, one minute before closing', 'decemberHours', '75', '2026-12-04T12:59+01:00', ['closing-soon', '2026-12-04T13:00+01:00']],
  ['temporary hours, Friday at closing: opens Monday', 'decemberHours', '75', '2026-12-04T13:00+01:00', ['closed-today', '2026-12-07T10:00+01:00']],
  ['temporary hours on Christmas Eve', 'decemberHours', '75', '2026-12-24T11:00+01:00', ['open', '2026-12-24T13:00+01:00']],
  ['temporary hours, Christmas day (CLOSED on holidays)', 'decemberHours', '75', '2026-12-25T11:00+01:00', ['closed-today', '2026-12-28T10:00+01:00', 'Noël']],
  ['closure starts at midnight', 'christmasClosure', '75', '2026-12-21T00:00+01:00', ['temporarily-closed', '2026-12-27']],
  ['one minute before a closure starts', 'christmasClosure', '75', '2026-12-20T23:59+01:00', ['closed-today', '2026-12-28T09:00+01:00']],

  // DST, more edges.
  ['the evening before spring forward: next opening after the gap', 'springForward', '75', '2026-03-28T23:00+01:00', ['closed-today', '2026-03-29T03:00+02:00']],
  ['fall back, before the slot', 'fallBack', '75', '2026-10-25T00:30+02:00', ['opens-later-today', '2026-10-25T01:00+02:00']],
  ['fall back, after the slot: next Sunday in winter time', 'fallBack', '75', '2026-10-25T03:00+01:00', ['closed-today', '2026-11-01T01:00+01:00']],

  // 24/7 with holidays.
  ['24/7 CLOSED on holidays, on Christmas day', 'allDayClosedOnHolidays', '75', '2026-12-25T12:00+01:00', ['closed-today', '2026-12-26T00:00+01:00', 'Noël']],
  ['24/7 CLOSED on holidays, after Christmas: open until New Year', 'allDayClosedOnHolidays', '75', '2026-12-26T00:10+01:00', ['open', '2027-01-01T00:00+01:00']],
];

describe('opening state at an instant', () => {
  it.each(CASES)('%s (%s, %s, %s)', (_description, name, department, instant, expected) => {
    const state = openingState(SCHEDULES[name], new Date(instant), holidayCalendar(department));
    expect(summary(state)).toEqual(expectedSummary(expected));
  });
});

export { CASES };
