import { describe, expect, it } from 'vitest';
import { findDepartment, FRENCH_DEPARTMENTS, REGION_NAMES } from '../../sync/generator/french-towns';

const METROPOLITAN = [
  ...Array.from({ length: 19 }, (_, index) => String(index + 1).padStart(2, '0')),
  '2A',
  '2B',
  ...Array.from({ length: 75 }, (_, index) => String(index + 21)),
];
const OVERSEAS = ['971', '972', '973', '974', '976'];

/** Rough boxes (lat, lon) that a town of each area must fall in. */
const BOXES: Readonly<Record<string, [number, number, number, number]>> = {
  metropolitan: [41.3, 51.2, -5.2, 9.6],
  '971': [15.8, 16.6, -61.9, -61.0],
  '972': [14.3, 14.9, -61.3, -60.8],
  '973': [2.1, 5.8, -54.6, -51.6],
  '974': [-21.4, -20.8, 55.2, 55.9],
  '976': [-13.1, -12.6, 45.0, 45.3],
};

describe('French towns table', () => {
  it('covers every department: 01–95 with 2A/2B instead of 20, and 971–976 except 975', () => {
    expect(FRENCH_DEPARTMENTS.map((department) => department.code)).toEqual([...METROPOLITAN, ...OVERSEAS]);
  });

  it.each(FRENCH_DEPARTMENTS.map((department) => [department.code, department] as const))('department %s has ≥ 5 consistent real towns', (code, department) => {
    expect(department.towns.length).toBeGreaterThanOrEqual(5);
    expect(REGION_NAMES[department.regionCode]).toBe(department.regionName);
    const box = BOXES[OVERSEAS.includes(code) ? code : 'metropolitan'] as [number, number, number, number];
    const postalPrefix = code === '2A' || code === '2B' ? '20' : code;
    for (const town of department.towns) {
      expect(town.postalCode).toMatch(/^\d{5}$/);
      expect(town.postalCode.startsWith(postalPrefix), `${town.name} ${town.postalCode}`).toBe(true);
      expect(town.inseeCode.startsWith(code), `${town.name} ${town.inseeCode}`).toBe(true);
      expect(town.inseeCode).toHaveLength(5);
      expect(town.latitude).toBeGreaterThan(box[0]);
      expect(town.latitude).toBeLessThan(box[1]);
      expect(town.longitude).toBeGreaterThan(box[2]);
      expect(town.longitude).toBeLessThan(box[3]);
    }
    expect(new Set(department.towns.map((town) => town.inseeCode)).size).toBe(department.towns.length);
  });

  it('gives each overseas department its own time zone and region code', () => {
    expect(OVERSEAS.map((code) => findDepartment(code)?.timeZone)).toEqual([
      'America/Guadeloupe',
      'America/Martinique',
      'America/Cayenne',
      'Indian/Reunion',
      'Indian/Mayotte',
    ]);
    expect(OVERSEAS.map((code) => findDepartment(code)?.regionCode)).toEqual(['01', '02', '03', '04', '06']);
    expect(METROPOLITAN.every((code) => findDepartment(code)?.timeZone === 'Europe/Paris')).toBe(true);
  });

  it('knows the main towns: Strasbourg in Grand Est, Paris arrondissements, Saint-Denis de La Réunion', () => {
    expect(findDepartment('67')?.towns[0]).toEqual({ name: 'Strasbourg', postalCode: '67000', inseeCode: '67482', latitude: expect.closeTo(48.58, 1), longitude: expect.closeTo(7.75, 1) });
    expect(findDepartment('67')).toMatchObject({ name: 'Bas-Rhin', regionCode: '44', regionName: 'Grand Est' });
    expect(findDepartment('75')?.towns).toHaveLength(20);
    expect(findDepartment('75')?.towns.map((town) => town.inseeCode)).toContain('75111');
    expect(findDepartment('974')?.towns[0]).toMatchObject({ name: 'Saint-Denis', postalCode: '97400', inseeCode: '97411' });
    expect(findDepartment('20')).toBeUndefined();
  });
});
