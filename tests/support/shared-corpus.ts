/**
 * The Soliguide conformance corpus (`../shared/soliguide/fixtures/`, beside the repository for
 * developers and CI, never copied into it). Conformance suites run when it is there and say
 * plainly that they were NOT RUN when it is not; other tests that borrow its data fail with a
 * message naming it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

export const SHARED_FIXTURES = fileURLToPath(new URL('../../../shared/soliguide/fixtures/', import.meta.url));

export const hasSharedCorpus = (): boolean => existsSync(SHARED_FIXTURES);

/** `describe`, run only with the corpus; without it, a NOT RUN notice instead of a silent skip. */
export function describeConformance(name: string, body: () => void): void {
  if (!hasSharedCorpus()) {
    console.warn(`Conformance suite NOT RUN: "${name}" needs the Soliguide corpus at ${SHARED_FIXTURES} (clone the project with shared/ beside it).`);
  }
  describe.skipIf(!hasSharedCorpus())(name, body);
}
