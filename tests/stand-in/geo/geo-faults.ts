/**
 * Fault injection shared by the geo stand-ins: the `X-Stand-In-Fault` syntax (each server's file
 * documents its own names and target), which faults hit a given request, and `fail-every`'s count.
 *
 *     spec  := fault (";" fault)*                       e.g. "status=503@tile=12/2074/1409; latency=200"
 *     fault := name ["=" value] ["@" target-key "=" target]
 *
 * Unlike the Soliguide stand-in's syntax, only `;` separates faults: a routing target
 * (`@end=2.35,48.85`) holds a comma.
 */
import { FaultSyntaxError } from '../faults';

export { FaultSyntaxError };

/** A fault's scope: one target (a tile, a destination), or every request. */
export type Selector<Target> = Target | 'any';

/** The faults both geo servers know. */
export interface CommonFaults<Target> {
  latency?: { ms: number; at: Selector<Target> };
  status?: { status: number; at: Selector<Target> };
  reset?: Selector<Target>;
  hang?: Selector<Target>;
  truncate?: Selector<Target>;
  /** Every n-th request the selector matches gets `status`. */
  failEvery?: { n: number; status: number; at: Selector<Target> };
}

/** What one server adds to the common syntax. */
export interface FaultDialect<Target, Faults extends CommonFaults<Target>> {
  /** The target key after `@`: `tile`, `end`. */
  targetKey: string;
  /** e.g. `z/x/y`, for error messages. */
  targetSyntax: string;
  parseTarget(text: string): Target | null;
  /** The server's own flag faults (no value), by name. */
  flags: Readonly<Record<string, (faults: Faults, at: Selector<Target>) => void>>;
  empty(): Faults;
}

function nonNegativeInteger(text: string | undefined, what: string, item: string): number {
  const value = Number(text);
  if (text === undefined || text === '' || !Number.isInteger(value) || value < 0) {
    throw new FaultSyntaxError(`fault "${item}": ${what} must be a non-negative integer, got ${JSON.stringify(text ?? '')}`);
  }
  return value;
}

function httpStatus(text: string | undefined, item: string): number {
  const status = nonNegativeInteger(text, 'status', item);
  if (status < 100 || status > 599) throw new FaultSyntaxError(`fault "${item}": status must be 100–599`);
  return status;
}

function failEvery(value: string | undefined, item: string): { n: number; status: number } {
  const [count, code] = (value ?? '').split(':');
  const n = nonNegativeInteger(count, 'n', item);
  if (n < 1) throw new FaultSyntaxError(`fault "${item}": n must be at least 1`);
  return { n, status: code === undefined ? 500 : httpStatus(code, item) };
}

const COMMON_NAMES = ['latency', 'status', 'reset', 'hang', 'truncate', 'fail-every', 'none'];

function selectorOf<Target, Faults extends CommonFaults<Target>>(key: string | undefined, text: string | undefined, dialect: FaultDialect<Target, Faults>, item: string): Selector<Target> {
  if (key === undefined) return 'any';
  if (key !== dialect.targetKey) throw new FaultSyntaxError(`fault "${item}": the target is @${dialect.targetKey}=${dialect.targetSyntax}, not @${key}`);
  const target = dialect.parseTarget(text ?? '');
  if (target === null) throw new FaultSyntaxError(`fault "${item}": @${key} must be ${dialect.targetSyntax}`);
  return target;
}

/** Sets one common fault; false when `name` is not one. */
function setCommon<Target>(faults: CommonFaults<Target>, name: string, value: string | undefined, at: Selector<Target>, item: string): boolean {
  switch (name) {
    case 'latency':
      faults.latency = { ms: nonNegativeInteger(value, 'latency (ms)', item), at };
      return true;
    case 'status':
      faults.status = { status: httpStatus(value, item), at };
      return true;
    case 'fail-every':
      faults.failEvery = { ...failEvery(value, item), at };
      return true;
    case 'reset':
    case 'hang':
    case 'truncate':
      if (value !== undefined) throw new FaultSyntaxError(`fault "${item}": ${name} takes no value`);
      faults[name] = at;
      return true;
    default:
      return false;
  }
}

/** Parses a whole spec in `dialect`; throws `FaultSyntaxError` naming the faulty part. */
export function parseGeoFaults<Target, Faults extends CommonFaults<Target>>(spec: string, dialect: FaultDialect<Target, Faults>): Faults {
  const faults = dialect.empty();
  for (const rawItem of spec.split(';')) {
    const item = rawItem.trim();
    if (item === '') continue;
    const match = /^([a-z-]+)(?:=([^@]*))?(?:@([a-z]+)=(.*))?$/.exec(item);
    if (!match) throw new FaultSyntaxError(`fault "${item}": expected name[=value][@${dialect.targetKey}=${dialect.targetSyntax}]`);
    const [, name = '', value, key, targetText] = match;
    if (name === 'none') continue;
    const at = selectorOf(key, targetText, dialect, item);
    if (setCommon(faults, name, value, at, item)) continue;
    const flag = dialect.flags[name];
    if (!flag) {
      const names = [...COMMON_NAMES, ...Object.keys(dialect.flags)].join(', ');
      throw new FaultSyntaxError(`fault "${item}": unknown name ${JSON.stringify(name)} (${names})`);
    }
    if (value !== undefined) throw new FaultSyntaxError(`fault "${item}": ${name} takes no value`);
    flag(faults, at);
  }
  return faults;
}

/** The faults of one request: the server's, overridden field by field by its header; `none` drops the server's. */
export function geoFaultsForRequest<Target, Faults extends CommonFaults<Target>>(serverFaults: Faults, header: string | null, dialect: FaultDialect<Target, Faults>): Faults {
  if (header === null) return serverFaults;
  const ownOnly = header.split(';').some((item) => item.trim() === 'none');
  return { ...(ownOnly ? dialect.empty() : serverFaults), ...parseGeoFaults(header, dialect) };
}

/** Whether a fault scoped by `selector` hits a request about `target` (null: about no target). */
export function hits<Target>(selector: Selector<Target> | undefined, target: Target | null, same: (a: Target, b: Target) => boolean): boolean {
  if (selector === undefined) return false;
  if (selector === 'any') return true;
  return target !== null && same(selector, target);
}

/** What the common faults do to a request before the server looks at it. */
export type EarlyFault = { kind: 'hang' } | { kind: 'reset' } | { kind: 'status'; status: number } | null;

/** `counter.count`: requests `failEvery` has matched so far (reset when the server's faults change). */
export function earlyFault<Target>(faults: CommonFaults<Target>, target: Target | null, same: (a: Target, b: Target) => boolean, counter: { count: number }): EarlyFault {
  if (hits(faults.hang, target, same)) return { kind: 'hang' };
  if (hits(faults.reset, target, same)) return { kind: 'reset' };
  const every = faults.failEvery;
  if (every && hits(every.at, target, same)) {
    counter.count += 1;
    if (counter.count % every.n === 0) return { kind: 'status', status: every.status };
  }
  const status = faults.status;
  if (status && hits(status.at, target, same)) return { kind: 'status', status: status.status };
  return null;
}

export function latencyFor<Target>(faults: CommonFaults<Target>, target: Target | null, same: (a: Target, b: Target) => boolean): number {
  const latency = faults.latency;
  return latency && hits(latency.at, target, same) ? latency.ms : 0;
}
