/**
 * The words a person reads about a place: opening states, how to get in, who it is for,
 * distances, directions links and QR codes. Expected texts are written here by hand.
 */
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { foldForMatch } from '../../common/i18n/fold';
import { walkingDirectionsUrl } from '../../common/geo/directions-url';
import { formatDistance } from '../../common/geo/walking';
import { accessLines } from '../../common/places/access-words';
import { audienceWords } from '../../common/places/audience-words';
import { formatDay, stateWords } from '../../common/places/state-words';
import { qrSvg } from '../../common/qr/qr-svg';
import { localized } from '../../renderer/i18n/localized';

const paris = { locale: 'fr', timeZone: 'Europe/Paris' };

describe('opening state in words', () => {
  it('says until when an open place is open, in the kiosk wall clock', () => {
    expect(stateWords({ kind: 'open', until: '2026-11-24T16:30:00.000Z' }, paris)).toEqual({ tone: 'open', key: 'state.open', values: { time: '17:30' } });
  });
  it('says open 24 hours when nothing closes it', () => {
    expect(stateWords({ kind: 'open', until: null }, paris)).toMatchObject({ tone: 'open', key: 'state.openAllDay' });
  });
  it('warns that a place closes soon, with its closing time', () => {
    expect(stateWords({ kind: 'closing-soon', until: '2026-11-24T11:00:00.000Z' }, paris)).toEqual({ tone: 'soon', key: 'state.closingSoon', values: { time: '12:00' } });
  });
  it('gives the time a place opens later today', () => {
    expect(stateWords({ kind: 'opens-later-today', at: '2026-11-24T13:00:00.000Z' }, paris).values).toEqual({ time: '14:00' });
  });
  it('names the weekday and time of the next opening when closed today', () => {
    expect(stateWords({ kind: 'closed-today', nextOpening: '2026-11-26T08:00:00.000Z', holiday: null }, paris)).toEqual({
      tone: 'closed',
      key: 'state.nextOpening',
      values: { day: 'jeudi', time: '09:00' },
    });
  });
  it('names the holiday that closes a place', () => {
    expect(stateWords({ kind: 'closed-today', nextOpening: null, holiday: 'Noël' }, paris)).toEqual({ tone: 'closed', key: 'state.holiday', values: { name: 'Noël' } });
  });
  it('gives the last closed day of a temporary closure, and says so when it has no end', () => {
    expect(stateWords({ kind: 'temporarily-closed', untilDay: '2026-12-03' }, paris).values).toEqual({ day: '3 décembre' });
    expect(stateWords({ kind: 'temporarily-closed', untilDay: null }, paris).key).toBe('state.temporarilyClosed');
  });
  it('keeps Western digits for times in Arabic, as on French signs and phones', () => {
    expect(stateWords({ kind: 'open', until: '2026-11-24T16:30:00.000Z' }, { locale: 'ar', timeZone: 'Europe/Paris' }).values.time).toBe('17:30');
  });
  it('reads times in the kiosk zone overseas', () => {
    expect(stateWords({ kind: 'open', until: '2026-11-24T13:00:00.000Z' }, { locale: 'fr', timeZone: 'Indian/Reunion' }).values.time).toBe('17:00');
  });
  it('formats a calendar day without any zone moving it', () => {
    expect(formatDay('2026-03-01', 'fr', true)).toBe('1 mars 2026');
    expect(formatDay('2026-03-01', 'en')).toBe('March 1');
  });
});

describe('how to get in', () => {
  const no = { required: false, details: null };
  const base = {
    unconditional: false,
    appointment: no,
    registration: no,
    referral: no,
    fee: { required: null, details: null },
    animalsWelcome: null,
    wheelchairAccessible: null,
    heated: null,
    airConditioned: null,
    otherHtml: null,
    otherText: null,
  };
  it('says open to all when access is unconditional', () => {
    expect(accessLines({ ...base, unconditional: true }).map((l) => l.key)).toEqual(['access.unconditional']);
  });
  it('lists appointment, registration and referral with the place’s own details', () => {
    const lines = accessLines({ ...base, appointment: { required: true, details: 'au 03 88 00 00 00' }, referral: { required: true, details: null } });
    expect(lines).toEqual([
      { key: 'access.appointment', details: 'au 03 88 00 00 00' },
      { key: 'access.referral', details: null },
    ]);
  });
  it('lets a required condition win over a stale "unconditional"', () => {
    expect(accessLines({ ...base, unconditional: true, registration: { required: true, details: null } }).map((l) => l.key)).toEqual(['access.registration']);
  });
  it('says paid or free only when the place said so, and wheelchair and animals when true', () => {
    expect(accessLines({ ...base, fee: no, wheelchairAccessible: true, animalsWelcome: true }).map((l) => l.key)).toEqual([
      'access.free',
      'access.wheelchair',
      'access.animals',
    ]);
    expect(accessLines({ ...base, fee: { required: true, details: '1 €' } })).toEqual([{ key: 'access.paid', details: '1 €' }]);
    expect(accessLines({ ...base, wheelchairAccessible: false, animalsWelcome: null })).toEqual([]);
  });
});

describe('who it is for', () => {
  const everyone = {
    policy: 'everyone' as const,
    ageMin: 0,
    ageMax: 99,
    genders: ['men', 'women'],
    administrative: ['regular', 'asylum', 'refugee', 'undocumented'],
    family: ['isolated', 'family', 'couple', 'pregnant'],
    other: [],
    description: null,
  };
  it('says everyone for an unconditional welcome, whatever the lists', () => {
    expect(audienceWords({ ...everyone, genders: ['women'] })).toEqual({ policy: 'everyone', groups: [], description: null });
  });
  it('lists only the groups singled out, and the age range', () => {
    const words = audienceWords({ ...everyone, policy: 'exclusive', genders: ['women'], ageMin: 18, ageMax: 25, other: ['violence'], description: 'Femmes victimes' });
    expect(words).toEqual({
      policy: 'exclusive',
      groups: [{ key: 'audience.women' }, { key: 'audience.violence' }, { key: 'audience.ageRange', values: { min: '18', max: '25' } }],
      description: 'Femmes victimes',
    });
  });
  it('says "from" or "up to" for an open-ended age', () => {
    expect(audienceWords({ ...everyone, policy: 'preferential', ageMin: 60 }).groups).toEqual([{ key: 'audience.ageFrom', values: { min: '60' } }]);
    expect(audienceWords({ ...everyone, policy: 'preferential', ageMax: 17 }).groups).toEqual([{ key: 'audience.ageUpTo', values: { max: '17' } }]);
  });
  it('falls back to everyone when an exclusive welcome singles nobody out', () => {
    expect(audienceWords({ ...everyone, policy: 'exclusive' }).policy).toBe('everyone');
    expect(audienceWords({ ...everyone, policy: 'exclusive', other: ['addiction', 'handicap', 'hiv', 'lgbt', 'prison', 'prostitution', 'student', 'mentalHealth', 'violence'] }).groups).toEqual([]);
  });
  it('ignores values it does not know', () => {
    expect(audienceWords({ ...everyone, policy: 'preferential', genders: ['aliens', 'men'] }).groups).toEqual([{ key: 'audience.men' }]);
  });
});

describe('distances and directions', () => {
  it('shows metres under a kilometre, rounded to ten, and kilometres with one decimal above', () => {
    // French puts a narrow no-break space between number and unit.
    expect(formatDistance(347, 'fr')).toBe('350\u202fm');
    expect(formatDistance(3, 'fr')).toBe('10\u202fm');
    expect(formatDistance(1_250, 'fr')).toBe('1,3\u202fkm');
    expect(formatDistance(12_000, 'en')).toBe('12 km');
  });
  it('links to walking directions on OpenStreetMap from the kiosk to the place', () => {
    expect(walkingDirectionsUrl({ latitude: 48.5846, longitude: 7.7507 }, { latitude: 48.57341234, longitude: 7.7521 })).toBe(
      'https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=48.5846,7.7507;48.57341,7.7521',
    );
  });
});

describe('matching typed words', () => {
  it('folds case, accents, Arabic vowel marks and punctuation', () => {
    expect(foldForMatch('Épicerie  SOLIDAIRE-d’État')).toBe('epicerie solidaire d etat');
    expect(foldForMatch('طَعَام')).toBe('طعام');
  });
});

describe('texts written by the agency', () => {
  it('shows the chosen language, else French marked as French, else nothing', () => {
    expect(localized({ fr: 'Guichet 1', en: 'Desk 1' }, 'en')).toEqual({ text: 'Desk 1', inFrench: false });
    expect(localized({ fr: 'Guichet 1' }, 'ar')).toEqual({ text: 'Guichet 1', inFrench: true });
    expect(localized({ fr: 'Guichet 1' }, 'fr')).toEqual({ text: 'Guichet 1', inFrench: false });
    expect(localized(null, 'fr')).toBeNull();
  });
});

/** Draws the SVG's unit squares into a bitmap (4 px a module) and decodes it as a phone would. */
function decodeQrSvg(svg: string): string | null {
  const side = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  const scale = 4;
  const width = side * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const match of svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    const x = Number(match[1]);
    const y = Number(match[2]);
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const offset = ((y * scale + dy) * width + x * scale + dx) * 4;
        pixels[offset] = pixels[offset + 1] = pixels[offset + 2] = 0;
      }
    }
  }
  return jsQR(pixels, width, width)?.data ?? null;
}

describe('QR codes', () => {
  it('encode the URL a phone reads back, with a quiet zone of four modules', () => {
    const url = 'https://soliguide.fr/fr/fiche/12345';
    const { svg, modules } = qrSvg(url);
    expect(decodeQrSvg(svg)).toBe(url);
    expect(svg).not.toMatch(/M[0-3] |M\d+ [0-3]h/);
    expect(modules).toBeGreaterThanOrEqual(21 + 8);
  });
  it('grow with the text and the error correction', () => {
    expect(qrSvg('https://x.fr', 'L').modules).toBeLessThan(qrSvg(`https://x.fr/${'a'.repeat(120)}`, 'L').modules);
    expect(qrSvg('https://soliguide.fr/fr/fiche/12345', 'L').modules).toBeLessThanOrEqual(qrSvg('https://soliguide.fr/fr/fiche/12345', 'H').modules);
  });
});
