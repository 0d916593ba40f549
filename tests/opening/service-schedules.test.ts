/**
 * How a service's schedule is composed from its place's (API.md §2.5): own hours replace the
 * place's week and ignore its temporary hours; without own hours the service follows the place,
 * temporary hours included; a service is closed by the place's closure and by its own.
 */
import { describe, expect, it } from 'vitest';
import { buildPlaceSchedules } from '../../sync/read/place-schedule';

const MONDAY = 0;
const rows = {
  slots: [
    { service_id: null, schedule: 'regular' as const, start_minute: MONDAY + 540, end_minute: MONDAY + 720 }, // place Mon 09–12
    { service_id: null, schedule: 'temporary' as const, start_minute: MONDAY + 600, end_minute: MONDAY + 660 }, // temp Mon 10–11
    { service_id: '1/own', schedule: 'regular' as const, start_minute: MONDAY + 840, end_minute: MONDAY + 960 }, // service Mon 14–16
  ],
  notices: [
    { kind: 'hours' as const, start_day: '2026-12-01', end_day: '2026-12-31' },
    { kind: 'closure' as const, start_day: '2026-12-24', end_day: '2026-12-26' },
  ],
};
const services = [
  { service_id: '1/own', has_own_hours: 1, closure_start_day: null, closure_end_day: null },
  { service_id: '1/follows', has_own_hours: 0, closure_start_day: '2026-11-30', closure_end_day: null },
];

describe('service schedules', () => {
  const { place, services: byService } = buildPlaceSchedules({ time_zone: 'Europe/Paris', closed_on_holidays: 'CLOSED' }, services, rows);

  it('gives the place its week, its temporary hours and its closure', () => {
    expect(place.regular?.[MONDAY]).toEqual([{ start: 540, end: 720 }]);
    expect(place.temporaryHours).toMatchObject({ startDay: '2026-12-01', endDay: '2026-12-31', week: expect.any(Array) });
    expect(place.temporaryHours?.week[MONDAY]).toEqual([{ start: 600, end: 660 }]);
    expect(place.closures).toEqual([{ startDay: '2026-12-24', endDay: '2026-12-26' }]);
  });

  it('gives a service with its own hours those hours, without the place’s temporary hours', () => {
    const own = byService.get('1/own');
    expect(own?.regular?.[MONDAY]).toEqual([{ start: 840, end: 960 }]);
    expect(own?.temporaryHours).toBeNull();
    expect(own?.closures).toEqual([{ startDay: '2026-12-24', endDay: '2026-12-26' }]);
  });

  it('gives a service without own hours the place’s week and temporary hours, and adds its own closure', () => {
    const follows = byService.get('1/follows');
    expect(follows?.regular).toEqual(place.regular);
    expect(follows?.temporaryHours).toEqual(place.temporaryHours);
    expect(follows?.closures).toEqual([
      { startDay: '2026-12-24', endDay: '2026-12-26' },
      { startDay: '2026-11-30', endDay: null },
    ]);
  });

  it('reads no weekly slot at all as "no hours given"', () => {
    const empty = buildPlaceSchedules({ time_zone: 'Europe/Paris', closed_on_holidays: 'UNKNOWN' }, [], { slots: [], notices: [] });
    expect(empty.place.regular).toBeNull();
  });
});
