/**
 * When a kiosk syncs (DESIGN.md "The mirror"): a full pass daily after Soliguide's 04:00 jobs,
 * light refreshes every N minutes from 07:00 to 20:00, all in Europe/Paris time, shifted by an
 * offset that is random across the fleet but stable for one kiosk (derived from its id), so that
 * a thousand kiosks do not call the API in the same second, every day.
 */
import { createHash } from 'node:crypto';

export const SCHEDULE_TIME_ZONE = 'Europe/Paris';
const LIGHT_FIRST_MINUTE = 7 * 60;
const LIGHT_LAST_MINUTE = 20 * 60;

export interface ScheduleSettings {
  kioskId: string;
  fullAfter: string; // HH:MM
  lightEveryMinutes: number;
  randomOffsetMinutes: number;
}

export interface TimeOfDay {
  hour: number;
  minute: number;
}

export function stableOffsetMinutes(kioskId: string, maxMinutes: number): number {
  if (maxMinutes <= 0) return 0;
  const digest = createHash('sha256').update(kioskId).digest();
  return digest.readUInt32BE(0) % (maxMinutes + 1);
}

function parseClock(value: string): number {
  const [hours, minutes] = value.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function timeOfDay(minuteOfDay: number): TimeOfDay {
  const wrapped = ((minuteOfDay % 1440) + 1440) % 1440;
  return { hour: Math.floor(wrapped / 60), minute: wrapped % 60 };
}

/** The daily full pass, offset included. */
export function fullPassTime(settings: ScheduleSettings): TimeOfDay {
  return timeOfDay(parseClock(settings.fullAfter) + stableOffsetMinutes(settings.kioskId, settings.randomOffsetMinutes));
}

/** The light refreshes of a day, from 07:00 to 20:00, offset within one interval. */
export function lightRefreshTimes(settings: ScheduleSettings): TimeOfDay[] {
  const step = settings.lightEveryMinutes;
  const offset = stableOffsetMinutes(`${settings.kioskId}/light`, Math.min(settings.randomOffsetMinutes, step - 1));
  const times: TimeOfDay[] = [];
  for (let minute = LIGHT_FIRST_MINUTE + offset; minute <= LIGHT_LAST_MINUTE; minute += step) times.push(timeOfDay(minute));
  return times;
}

/** Catch-up at start: the last full success is missing or older than the budget. */
export function needsCatchUp(lastFullSuccess: Date | null, now: Date, budgetHours: number): boolean {
  return lastFullSuccess === null || now.getTime() - lastFullSuccess.getTime() > budgetHours * 3_600_000;
}

/** Delay before retrying a failed pass: 5 min doubling to 2 h, with full jitter; none when an admin must act. */
export function retryDelayMs(consecutiveFailures: number, needsAdmin: boolean, random: () => number): number | null {
  if (needsAdmin) return null;
  const ceiling = Math.min(2 * 3_600_000, 5 * 60_000 * 2 ** Math.max(0, consecutiveFailures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
