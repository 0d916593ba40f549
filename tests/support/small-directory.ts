/** A small generated directory in Paris for sync tests that need data but not Soliguide's fixtures. */
import { generateDirectory, type StoredPlace, type StoredTranslation } from '../../sync/generator/generate-directory';

export const DIRECTORY_NOW = new Date('2026-11-22T04:00:00Z');

export interface SmallDirectory {
  places: StoredPlace[];
  translations: StoredTranslation[];
  /** Fixed places a territory-75 partner receives (online, public, with services). */
  publicFixedPlaces: StoredPlace[];
}

export function smallDirectory(count = 80, seed = 5): SmallDirectory {
  const { places, translations } = generateDirectory({ count, seed, departments: ['75'], now: DIRECTORY_NOW });
  const publicFixedPlaces = places.filter(
    (p) => p.status === 'ONLINE' && p.visibility === 'ALL' && p.placeType !== 'PARCOURS_MOBILE' && p.services_all.length > 0,
  );
  return { places, translations, publicFixedPlaces };
}
