/**
 * The schedules of a place and of its services, read from the mirror's rows (API.md §2.4–2.5):
 * a service with its own hours uses them, else the place's; temporary hours apply to services
 * without their own hours only; a service is closed when the place's or its own closure is in effect.
 */
import type { DatedPeriod, Schedule } from '../../common/opening/schedule';
import { weekFromMinuteSlots } from '../../common/opening/schedule';
import type { MirrorDatabase } from '../mirror-database';

interface SlotRow {
  service_id: string | null;
  schedule: 'regular' | 'temporary';
  start_minute: number;
  end_minute: number;
}

interface NoticeRow {
  kind: 'closure' | 'hours' | 'message';
  start_day: string;
  end_day: string | null;
}

export interface ServiceScheduleRow {
  service_id: string;
  has_own_hours: number;
  closure_start_day: string | null;
  closure_end_day: string | null;
}

export interface PlaceSchedules {
  place: Schedule;
  services: Map<string, Schedule>;
}

export interface ScheduleRows {
  slots: SlotRow[];
  notices: NoticeRow[];
}

/** Slots and notices of many places in two queries (a search reads hundreds of places). */
export function loadScheduleRows(db: MirrorDatabase, lieuIds: readonly number[]): Map<number, ScheduleRows> {
  const rows = new Map<number, ScheduleRows>(lieuIds.map((id) => [id, { slots: [], notices: [] }]));
  const ids = JSON.stringify(lieuIds);
  const slots = db
    .prepare('SELECT lieu_id, service_id, schedule, start_minute, end_minute FROM opening_slots WHERE lieu_id IN (SELECT value FROM json_each(?))')
    .all(ids) as (SlotRow & { lieu_id: number })[];
  for (const slot of slots) rows.get(slot.lieu_id)?.slots.push(slot);
  const notices = db
    .prepare('SELECT lieu_id, kind, start_day, end_day FROM temporary_notices WHERE lieu_id IN (SELECT value FROM json_each(?))')
    .all(ids) as (NoticeRow & { lieu_id: number })[];
  for (const notice of notices) rows.get(notice.lieu_id)?.notices.push(notice);
  return rows;
}

export function buildPlaceSchedules(
  place: { time_zone: string; closed_on_holidays: Schedule['closedOnHolidays'] },
  services: readonly ServiceScheduleRow[],
  { slots, notices }: ScheduleRows,
): PlaceSchedules {
  const week = (serviceId: string | null, schedule: SlotRow['schedule']) =>
    weekFromMinuteSlots(
      slots.filter((s) => s.service_id === serviceId && s.schedule === schedule).map((s) => ({ startMinute: s.start_minute, endMinute: s.end_minute })),
    );
  const regularRows = slots.some((s) => s.service_id === null && s.schedule === 'regular');
  const period = (kind: NoticeRow['kind']): DatedPeriod | null => {
    const notice = notices.find((n) => n.kind === kind);
    return notice ? { startDay: notice.start_day, endDay: notice.end_day } : null;
  };
  const closure = period('closure');
  const hours = period('hours');
  const placeSchedule: Schedule = {
    timeZone: place.time_zone,
    // No weekly slot at all: Soliguide had no hours for the place, the state is "unknown".
    regular: regularRows ? week(null, 'regular') : null,
    temporaryHours: hours ? { ...hours, week: week(null, 'temporary') } : null,
    closures: closure ? [closure] : [],
    closedOnHolidays: place.closed_on_holidays,
  };
  const serviceSchedules = new Map<string, Schedule>();
  for (const service of services) {
    const own = service.has_own_hours === 1;
    const serviceClosure: DatedPeriod[] = service.closure_start_day ? [{ startDay: service.closure_start_day, endDay: service.closure_end_day }] : [];
    serviceSchedules.set(service.service_id, {
      ...placeSchedule,
      regular: own ? week(service.service_id, 'regular') : placeSchedule.regular,
      temporaryHours: own ? null : placeSchedule.temporaryHours,
      closures: [...placeSchedule.closures, ...serviceClosure],
    });
  }
  return { place: placeSchedule, services: serviceSchedules };
}

export function readPlaceSchedules(
  db: MirrorDatabase,
  place: { lieu_id: number; time_zone: string; closed_on_holidays: Schedule['closedOnHolidays'] },
  services: readonly ServiceScheduleRow[],
): PlaceSchedules {
  const rows = loadScheduleRows(db, [place.lieu_id]).get(place.lieu_id) as ScheduleRows;
  return buildPlaceSchedules(place, services, rows);
}
