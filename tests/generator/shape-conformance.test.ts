/**
 * The generated documents have the stored shape of the real fixtures: every key path of the
 * ONLINE places of `places-db.json` (and of `translated-places-db.json`) exists in generated
 * documents with a compatible JSON type, and keys that every fixture object has are in every
 * generated object of the same path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeConformance } from '../support/shared-corpus';
import { directory, FIXTURES } from './generator-support';

type JsonType = 'null' | 'array' | 'object' | 'boolean' | 'number' | 'string';

interface ShapeIndex {
  /** Key path ("services_all[].hours.monday.timeslot[].end") → JSON types seen. */
  types: Map<string, Set<JsonType>>;
  /** Object path → how many objects were seen there, and how often each key was present. */
  objects: Map<string, { count: number; keys: Map<string, number> }>;
}

function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as JsonType;
}

/** `languages.ar`, `languages.en`… of translation documents share one path. */
function step(path: string, key: string): string {
  if (path === 'languages') return 'languages.*';
  return path === '' ? key : `${path}.${key}`;
}

function index(documents: readonly unknown[]): ShapeIndex {
  const shape: ShapeIndex = { types: new Map(), objects: new Map() };
  const walk = (value: unknown, path: string): void => {
    const types = shape.types.get(path) ?? new Set<JsonType>();
    types.add(jsonType(value));
    shape.types.set(path, types);
    if (Array.isArray(value)) value.forEach((item) => walk(item, `${path}[]`));
    else if (value !== null && typeof value === 'object') {
      const object = shape.objects.get(path) ?? { count: 0, keys: new Map<string, number>() };
      object.count++;
      for (const [key, inner] of Object.entries(value)) {
        object.keys.set(key, (object.keys.get(key) ?? 0) + 1);
        walk(inner, step(path, key));
      }
      shape.objects.set(path, object);
    }
  };
  for (const document of documents) walk(document, '');
  return shape;
}

function readFixture(name: string): unknown[] {
  const file = join(FIXTURES, name);
  if (!existsSync(file)) {
    throw new Error(`Fixture ${file} is missing: the shape conformance test compares generated places with it (shared/soliguide/fixtures/).`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as unknown[];
}

/** Fixture paths the generator does not produce, and why. */
const NOT_GENERATED: ReadonlyMap<string, string> = new Map([
  ['photos[]', 'photo ObjectIds point to a photos collection the generator does not create'],
  ['modalities.docs[]', 'document ObjectIds point to a docs collection (and are removed for partners)'],
  ['services_all[].modalities.docs[]', 'same as modalities.docs[]'],
]);

/** Keys every fixture object has but generated objects may lack on purpose. */
const MAY_BE_ABSENT: ReadonlyMap<string, string> = new Map([
  ['services_all[].categorie', 'the legacy number exists only for leaves older than the 2021 taxonomy (API.md §3.4)'],
  ['entity.mail', 'absent contacts (API.md §6 trap 15)'],
  ['entity.website', 'absent contacts'],
  ['entity.facebook', 'absent contacts'],
  ['entity.instagram', 'absent contacts'],
  ['entity.fax', 'absent contacts'],
]);

/**
 * `null` stands for an empty value anywhere (§6 trap 15); a path only ever null in the fixtures
 * says nothing about its filled type; times may be HHMM numbers or legacy "08:00" strings (§2.4).
 */
function compatible(path: string, fixture: Set<JsonType>, generated: JsonType): boolean {
  if (generated === 'null' || fixture.has(generated)) return true;
  if ([...fixture].every((type) => type === 'null')) return generated !== 'object' && generated !== 'array';
  return /timeslot\[\]\.(start|end)$/.test(path) && (generated === 'number' || generated === 'string');
}

function checkConformance(fixture: ShapeIndex, generated: ShapeIndex): string[] {
  const problems: string[] = [];
  for (const [path, fixtureTypes] of fixture.types) {
    if (NOT_GENERATED.has(path)) continue;
    const generatedTypes = generated.types.get(path);
    if (generatedTypes === undefined) {
      problems.push(`${path}: in the fixtures (${[...fixtureTypes].join('|')}), never generated`);
      continue;
    }
    for (const type of generatedTypes) {
      if (!compatible(path, fixtureTypes, type)) problems.push(`${path}: generated ${type}, fixtures have ${[...fixtureTypes].join('|')}`);
    }
  }
  for (const [path, object] of fixture.objects) {
    // Below five examples, "always present" in the fixtures is not evidence of a rule.
    if (object.count < 5) continue;
    const generatedObject = generated.objects.get(path);
    if (generatedObject === undefined) continue;
    for (const [key, count] of object.keys) {
      const keyPath = path === '' ? key : `${path}.${key}`;
      if (count < object.count || MAY_BE_ABSENT.has(keyPath)) continue;
      const present = generatedObject.keys.get(key) ?? 0;
      if (present < generatedObject.count) problems.push(`${keyPath}: in every fixture object, missing in ${generatedObject.count - present} of ${generatedObject.count} generated ones`);
    }
  }
  return problems;
}

describeConformance('shape conformance with the real stored fixtures', () => {
  const generated = directory({ count: 4000, seed: 99, departments: ['75', '93', '2A', '971', '976'] });

  it('generated ONLINE places have every key path of the ONLINE places of places-db.json, with compatible types', () => {
    const fixturePlaces = readFixture('places-db.json').filter((place) => (place as { status?: string }).status === 'ONLINE');
    expect(fixturePlaces.length).toBeGreaterThan(10);
    const online = generated.places.filter((place) => place.status === 'ONLINE');
    expect(checkConformance(index(fixturePlaces), index(online))).toEqual([]);
  });

  it('generated translation documents have every key path of translated-places-db.json', () => {
    const problems = checkConformance(index(readFixture('translated-places-db.json')), index(generated.translations));
    expect(problems).toEqual([]);
  });

  it('fails with a clear message when a fixture is missing', () => {
    expect(() => readFixture('no-such-fixture.json')).toThrow(/no-such-fixture\.json is missing: the shape conformance test compares/);
  });
});
