/**
 * A mirror filled directly (no HTTP) with generated places through the real mapping and writer,
 * for search tests and the search bench.
 */
import { replaceCategories } from '../../sync/categories/store-categories';
import { demoTaxonomy } from '../../sync/demo/demo-mirror';
import { generateDirectory, type GeneratorOptions } from '../../sync/generator/generate-directory';
import { openMirror } from '../../sync/mirror-database';
import { createMirrorWriter, refreshDerivedIndexes, resetChangedIds } from '../../sync/mirror-writer';
import { categoryTextFor } from '../../sync/soliguide/category-text';
import { mapPlace } from '../../sync/soliguide/map-place';
import { rawPlaceSchema } from '../../sync/soliguide/partner-place';

/** Writes the public places of a generated directory; returns how many places and services. */
export function writeGeneratedMirror(file: string, options: GeneratorOptions): { places: number; services: number } {
  const db = openMirror(file);
  try {
    const taxonomy = demoTaxonomy();
    const text = categoryTextFor(taxonomy);
    const { places } = generateDirectory(options);
    let services = 0;
    const ids: number[] = [];
    db.transaction(() => {
      replaceCategories(db, taxonomy);
      const writer = createMirrorWriter(db);
      for (const stored of places) {
        if (stored.status !== 'ONLINE' || stored.visibility !== 'ALL') continue;
        const parsed = rawPlaceSchema.safeParse(stored);
        if (!parsed.success) continue;
        const mapped = mapPlace(parsed.data, stored.placeType === 'PARCOURS_MOBILE' ? 'PARCOURS_MOBILE' : 'LIEU', text);
        writer.insert(mapped);
        services += mapped.services.length;
        ids.push(stored.lieu_id);
      }
      resetChangedIds(db, ids);
      refreshDerivedIndexes(db);
    })();
    db.exec('ANALYZE');
    return { places: ids.length, services };
  } finally {
    db.close();
  }
}
