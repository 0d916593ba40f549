import { describe, expect, it } from 'vitest';
import { isoString, localDay, localMidnightIso, storedCalendarDay, utcOffsetMinutes } from '../../sync/generator/calendar';
import { createRandom } from '../../sync/generator/random';
import { trapsOf } from '../../sync/generator/generate-directory';
import { timingOf } from '../../sync/generator/open-today';
import type { StoredPlace } from '../../sync/generator/stored-place';
import { directory, NOW } from './generator-support';

const NEW_START = /T00:00:00\.000Z$/;
const NEW_END = /T23:59:59\.(000|999)Z$/;

function tempDates(place: StoredPlace): string[] {
  const { closure, hours, message } = place.tempInfos;
  return [closure, hours, message, ...place.services_all.map((service) => service.close)]
    .flatMap((info) => [info.dateDebut, info.dateFin])
    .filter((date): date is string => date !== null);
}

describe('calendar helpers', () => {
  it('formats instants exactly like Date.prototype.toISOString', () => {
    const random = createRandom(5);
    for (let index = 0; index < 20_000; index++) {
      const ms = Math.floor(random.next() * 4_102_444_800_000);
      expect(isoString(ms)).toBe(new Date(ms).toISOString());
    }
    expect(isoString(Date.UTC(2024, 1, 29, 23, 59, 59, 999))).toBe('2024-02-29T23:59:59.999Z');
  });

  it('follows Paris summer time and fixed overseas offsets', () => {
    expect(utcOffsetMinutes('Europe/Paris', Date.UTC(2026, 0, 15))).toBe(60);
    expect(utcOffsetMinutes('Europe/Paris', Date.UTC(2026, 6, 15))).toBe(120);
    expect(utcOffsetMinutes('Europe/Paris', Date.UTC(2026, 2, 29, 0, 59))).toBe(60); // last Sunday of March
    expect(utcOffsetMinutes('Europe/Paris', Date.UTC(2026, 2, 29, 1, 0))).toBe(120);
    expect(utcOffsetMinutes('Indian/Reunion', Date.UTC(2026, 6, 15))).toBe(240);
    expect(utcOffsetMinutes('America/Cayenne', Date.UTC(2026, 6, 15))).toBe(-180);
  });

  it('writes legacy dates as local midnight and reads both encodings back as the same calendar day', () => {
    const march3 = Math.floor(Date.UTC(2022, 2, 3) / 86_400_000);
    expect(localMidnightIso(march3, 'Europe/Paris')).toBe('2022-03-02T23:00:00.000Z'); // fixtures, place 6
    expect(localMidnightIso(march3, 'Indian/Reunion')).toBe('2022-03-02T20:00:00.000Z');
    expect(localMidnightIso(march3, 'America/Guadeloupe')).toBe('2022-03-03T04:00:00.000Z');
    for (const zone of ['Europe/Paris', 'Indian/Reunion', 'America/Guadeloupe', 'Indian/Mayotte']) {
      expect(storedCalendarDay(localMidnightIso(march3, zone), zone)).toBe(march3);
    }
    expect(storedCalendarDay('2022-03-03T00:00:00.000Z', 'Indian/Reunion')).toBe(march3);
    expect(storedCalendarDay('2022-03-03T23:59:59.000Z', 'America/Cayenne')).toBe(march3);
  });
});

describe('temporary information relative to the reference date (API.md §2.5)', () => {
  const places = directory().places;
  const withTraps = places.map((place) => ({ place, traps: trapsOf(place, NOW) }));

  it('encodes new dates as start 00:00:00.000Z and end 23:59:59Z, legacy ones as local midnight', () => {
    for (const { place, traps } of withTraps) {
      const legacy = traps.includes('legacyLocalMidnightDates');
      const { closure, hours, message } = place.tempInfos;
      for (const info of [closure, hours, message, ...place.services_all.map((service) => service.close)]) {
        if (info.dateDebut === null) continue;
        if (legacy) expect(info.dateDebut).not.toMatch(NEW_START);
        else expect(info.dateDebut).toMatch(NEW_START);
        if (info.dateFin !== null && !legacy) expect(info.dateFin).toMatch(NEW_END);
      }
      if (legacy) for (const date of tempDates(place)) expect(date).not.toMatch(/T(00:00:00|23:59:59)/);
    }
  });

  it('places past, current and future closures around the local day of `now`', () => {
    for (const { place, traps } of withTraps) {
      const zone = place.position.timeZone;
      const today = localDay(NOW.getTime(), zone);
      const closure = place.tempInfos.closure;
      if (closure.dateDebut === null) continue;
      const start = storedCalendarDay(closure.dateDebut, zone);
      const end = closure.dateFin === null ? Number.POSITIVE_INFINITY : storedCalendarDay(closure.dateFin, zone);
      if (traps.includes('tempClosurePast')) expect(end).toBeLessThan(today);
      if (traps.includes('tempClosureCurrent')) expect(start <= today && today <= end).toBe(true);
      if (traps.includes('tempClosureFuture')) {
        expect(start - today).toBeGreaterThanOrEqual(1);
        expect(start - today).toBeLessThanOrEqual(15);
        expect(closure.actif).toBe(true);
      }
    }
  });

  it('has open-ended entries (`dateFin: null`) only for current or announced information', () => {
    const openEnded = withTraps.filter(({ traps }) => traps.includes('openEndedTempInfo'));
    expect(openEnded.length).toBeGreaterThan(30);
    for (const { place } of openEnded) {
      const zone = place.position.timeZone;
      const today = localDay(NOW.getTime(), zone);
      const { closure, hours, message } = place.tempInfos;
      for (const info of [closure, hours, message]) {
        if (info.dateDebut !== null && info.dateFin === null) expect(timingOf(info, today, zone)).not.toBe('past');
      }
    }
  });

  it('computes the isOpenToday snapshot with the Paris day: never open while a closure is in effect', () => {
    for (const { place, traps } of withTraps) {
      if (traps.includes('tempClosureCurrent') && place.tempInfos.closure.actif) {
        expect(place.isOpenToday).toBe(false);
        for (const service of place.services_all) expect(service.isOpenToday).toBe(false);
      }
    }
    expect(places.some((place) => place.isOpenToday)).toBe(true);
  });
});
