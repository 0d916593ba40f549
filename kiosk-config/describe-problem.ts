/**
 * Turns a schema issue into a sentence for the admin who wrote the file: which field, what value
 * it has, and what is expected there (from the schema's own descriptions).
 */
import type { z } from 'zod';

export interface ConfigProblem {
  /** Dotted path of the field ('' for the whole file). */
  field: string;
  /** What was found, as written (undefined when the field is missing). */
  value?: unknown;
  /** What the field must hold. */
  expected: string;
  kind: 'syntax' | 'wrong-type' | 'unknown-field' | 'missing' | 'invalid-value' | 'token';
}

type AnySchema = z.core.$ZodType & { description?: string };

interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  options?: AnySchema[];
  /** z.int() and friends: a number schema with an integer format. */
  format?: string;
}

function defOf(schema: AnySchema): Def {
  return schema._zod.def as unknown as Def;
}

/** Unwraps optional/default/pipe layers, keeping the outermost description seen. */
function unwrap(schema: AnySchema): { schema: AnySchema; description: string | undefined } {
  let current = schema;
  let description = schema.description;
  for (;;) {
    const def = defOf(current);
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) return { schema: current, description };
    current = inner;
    description ??= current.description;
  }
}

/** The schema of the field at `path`, if the path leads through objects and arrays. */
export function schemaAt(root: AnySchema, path: readonly PropertyKey[]): { schema: AnySchema; description: string | undefined } | null {
  let found = unwrap(root);
  for (const key of path) {
    const def = defOf(found.schema);
    if (def.type === 'object' && def.shape && typeof key === 'string' && key in def.shape) {
      found = unwrap(def.shape[key] as AnySchema);
    } else if (def.type === 'array' && def.element && typeof key === 'number') {
      found = unwrap(def.element);
    } else {
      return null;
    }
  }
  return found;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function dotted(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function withDescription(expected: string, description: string | undefined): string {
  return description && !expected.includes(description) ? `${expected} (${description})` : expected;
}

const ARTICLE: Record<string, string> = {
  string: 'a text string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object { … }',
  array: 'a list [ … ]',
};

export function describeIssue(root: AnySchema, input: unknown, issue: z.core.$ZodIssue): ConfigProblem[] {
  const field = dotted(issue.path);
  const at = schemaAt(root, issue.path);
  const value = valueAt(input, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const def = at ? defOf(at.schema) : undefined;
      const allowed = def?.shape ? Object.keys(def.shape).filter((k) => k !== '$schema') : [];
      return issue.keys.map((key) => ({
        field: field ? `${field}.${key}` : key,
        value: valueAt(input, [...issue.path, key]),
        expected: `no such field here; allowed: ${allowed.join(', ')}`,
        kind: 'unknown-field' as const,
      }));
    }
    case 'invalid_type': {
      const integer = at !== null && /int/.test(defOf(at.schema).format ?? '');
      const kind = integer ? 'int' : issue.expected;
      const expected = withDescription(ARTICLE[kind] ?? kind, at?.description);
      if (value === undefined) return [{ field, expected, kind: 'missing' }];
      return [{ field, value, expected, kind: 'wrong-type' }];
    }
    case 'invalid_value':
      return [
        {
          field,
          value,
          expected: withDescription(`one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`, at?.description),
          kind: 'invalid-value',
        },
      ];
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? `at least ${String(issue.minimum)}` : `at most ${String(issue.maximum)}`;
      const unit = issue.origin === 'array' ? ' item(s)' : issue.origin === 'string' ? ' character(s)' : '';
      return [{ field, value, expected: withDescription(`${bound}${unit}`, at?.description), kind: 'invalid-value' }];
    }
    case 'custom':
      if (value === undefined && issue.input === undefined) return [{ field, expected: issue.message, kind: 'missing' }];
      return [{ field, value, expected: issue.message, kind: 'invalid-value' }];
    default:
      // invalid_format (our regex messages), invalid_union (our union message), and the rest.
      return [{ field, value, expected: issue.message, kind: 'invalid-value' }];
  }
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function formatProblem(problem: ConfigProblem): string {
  const where = problem.field || '(whole file)';
  switch (problem.kind) {
    case 'missing':
      return `${where}: missing; expected ${problem.expected}`;
    case 'unknown-field':
      return `${where}: unknown field (value ${show(problem.value)}); ${problem.expected}`;
    case 'syntax':
    case 'token':
      return `${where}: ${problem.expected}`;
    default:
      return `${where}: got ${show(problem.value)}; expected ${problem.expected}`;
  }
}
