/**
 * Stored positions (API.md §2.2): a real town, a common street, coordinates scattered within
 * ~3 km of the town centre, the current fields plus their deprecated French duplicates.
 * Itineraries (§2.8) store their stops in `parcours`, the root position being the first stop.
 */
import type { FrenchDepartment, FrenchTown } from './french-towns';
import { text } from './flat-text';
import { generateHours } from './hours';
import { additionalInformation, cachedSlug, streetAddress } from './place-names';
import type { Random } from './random';
import type { ClosedHolidays, StoredItineraryStop, StoredPosition, StoredPositionSlugs } from './stored-place';

/** Places are scattered up to this distance from the town centre. */
export const SCATTER_KM = 3;
const KM_PER_DEGREE_LATITUDE = 111.32;

function round7(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}

/** Uniform in a disc: the square root keeps the density flat instead of piling up at the centre. */
function scatter(town: FrenchTown, random: Random): [longitude: number, latitude: number] {
  const distanceKm = SCATTER_KM * Math.sqrt(random.next());
  const bearing = 2 * Math.PI * random.next();
  const latitude = town.latitude + (distanceKm * Math.cos(bearing)) / KM_PER_DEGREE_LATITUDE;
  const longitude =
    town.longitude + (distanceKm * Math.sin(bearing)) / (KM_PER_DEGREE_LATITUDE * Math.cos((town.latitude * Math.PI) / 180));
  return [round7(longitude), round7(latitude)];
}

export interface PositionOptions {
  /** Older records keep a copy of the coordinates as `{x, y}` (API.md §6 trap 17). */
  legacyCoordinates: boolean;
  /** Itinerary stops store `complementAdresse: null`. */
  nullComplement: boolean;
}

export function generatePosition(department: FrenchDepartment, town: FrenchTown, options: PositionOptions, random: Random): StoredPosition {
  const [longitude, latitude] = scatter(town, random);
  const address = text(streetAddress(random), ', ', town.postalCode, ' ', town.name);
  const complement = additionalInformation(random);
  const citySlug = cachedSlug(town.name);
  const departmentSlug = cachedSlug(department.name);
  const position: StoredPosition = {
    location: { type: 'Point', coordinates: [longitude, latitude] },
    slugs: {
      ville: citySlug,
      departement: departmentSlug,
      pays: 'fr',
      department: departmentSlug,
      country: 'fr',
      region: cachedSlug(department.regionName),
      city: citySlug,
    },
    complementAdresse: options.nullComplement ? null : complement,
    departement: department.name,
    pays: 'France',
    region: department.regionName,
    ville: town.name,
    adresse: address,
    codePostal: town.postalCode,
    departementCode: department.code,
    address,
    additionalInformation: complement,
    city: town.name,
    postalCode: town.postalCode,
    cityCode: town.inseeCode,
    department: department.name,
    departmentCode: department.code,
    country: 'fr',
    regionCode: department.regionCode,
    timeZone: department.timeZone,
  };
  if (options.legacyCoordinates) position.coordinates = { x: longitude, y: latitude };
  return position;
}

export function copyPosition(position: StoredPosition): StoredPosition {
  const copy: StoredPosition = {
    ...position,
    location: { type: 'Point', coordinates: [position.location.coordinates[0], position.location.coordinates[1]] },
    slugs: { ...position.slugs },
  };
  if (position.coordinates) copy.coordinates = { ...position.coordinates };
  return copy;
}

/** Stops store empty slugs, all null (fixtures, place 39). */
const EMPTY_STOP_SLUGS: Readonly<StoredPositionSlugs> = {
  ville: null,
  departement: null,
  pays: null,
  department: null,
  country: null,
  region: null,
  city: null,
};

const STOP_DESCRIPTIONS = [null, null, 'Devant la gare routière', 'Parking du supermarché', 'Place du marché, près de la fontaine'];

export interface StopsInput {
  department: FrenchDepartment;
  town: FrenchTown;
  /** Stops have been seen with the typo "UNKOWN" (API.md §2.4). */
  closedHolidays: ClosedHolidays;
  legacyCoordinates: boolean;
}

/** 2–5 stops of a mobile service ("maraude"), mostly in the same town, one or two days each. */
export function generateStops(input: StopsInput, random: Random): StoredItineraryStop[] {
  const count = random.int(2, 5);
  const stops: StoredItineraryStop[] = [];
  for (let index = 0; index < count; index++) {
    const town = random.chance(0.7) ? input.town : random.pick(input.department.towns);
    const hours = generateHours(random.pick(['sparse', 'evening', 'mornings'] as const), {
      closedHolidays: input.closedHolidays,
      legacyDayKeys: false,
      description: '',
    }, random);
    if (random.chance(0.3)) hours.isTemp = false;
    stops.push({
      description: random.pick(STOP_DESCRIPTIONS),
      hours,
      photos: [],
      position: generatePosition(input.department, town, { legacyCoordinates: input.legacyCoordinates, nullComplement: true }, random),
      slugs: { ...EMPTY_STOP_SLUGS },
    });
  }
  return stops;
}
