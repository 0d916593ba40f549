/**
 * Fault injection: the `X-Stand-In-Fault` / `--fault` syntax (documented at the top of
 * `stand-in-server.ts`), which faults hit a given response, and the wrong-type records.
 */
import type { FaultPage, StandInFaults } from './stand-in-server';
import { isJsonObject, type JsonObject } from './stored-shapes';

export class FaultSyntaxError extends Error {}

/** How a 200 answer is delivered instead of normally. */
export type Delivery =
  | { kind: 'normal' }
  | { kind: 'truncate' }
  | { kind: 'malformed' }
  | { kind: 'drip'; bytesPerSecond: number }
  | { kind: 'reset' }
  | { kind: 'hang' };

function positiveInteger(text: string | undefined, what: string, item: string): number {
  const value = Number(text);
  if (text === undefined || text === '' || !Number.isInteger(value) || value < 0) {
    throw new FaultSyntaxError(`fault "${item}": ${what} must be a non-negative integer, got ${JSON.stringify(text ?? '')}`);
  }
  return value;
}

/** Parses `status=500@page=3; truncate@page=2; latency=200` (see the server file for every name). */
export function parseFaultSpec(spec: string): StandInFaults {
  const faults: StandInFaults = {};
  for (const rawItem of spec.split(/[;,]/)) {
    const item = rawItem.trim();
    if (item === '') continue;
    const match = /^([a-z-]+)(?:=([^@]*))?(?:@page=(.*))?$/.exec(item);
    if (!match) throw new FaultSyntaxError(`fault "${item}": expected name[=value][@page=N]`);
    const [, name = '', value, pageText] = match;
    const page: FaultPage = pageText === undefined ? 'any' : positiveInteger(pageText, 'page', item);
    const needValue = (what: string): number => positiveInteger(value, what, item);
    switch (name) {
      case 'none':
        // Handled by `faultsForRequest`: drops the server-wide faults for this request.
        break;
      case 'latency':
        faults.latencyMs = needValue('latency (ms)');
        break;
      case 'status':
        faults.statusAtPage = { page, status: needValue('status') };
        break;
      case 'truncate':
        faults.truncateAtPage = page;
        break;
      case 'malformed':
        faults.malformedAtPage = page;
        break;
      case 'drip':
        faults.slowDripAtPage = { page, bytesPerSecond: Math.max(1, needValue('bytes per second')) };
        break;
      case 'wrong-types':
        faults.wrongTypeRecordAtPage = { page, count: needValue('count') };
        break;
      case 'reset':
        faults.resetAtPage = page;
        break;
      case 'hang':
        faults.hangAtPage = page;
        break;
      case 'auth': {
        const status = needValue('auth status');
        if (status !== 401 && status !== 403) throw new FaultSyntaxError(`fault "${item}": auth status must be 401 or 403`);
        faults.authStatus = status;
        break;
      }
      case 'fail-every': {
        const [n, status] = (value ?? '').split(':');
        faults.failEveryNthRequest = { n: Math.max(1, positiveInteger(n, 'n', item)), status: status === undefined ? 500 : positiveInteger(status, 'status', item) };
        break;
      }
      default:
        throw new FaultSyntaxError(`fault "${item}": unknown name ${JSON.stringify(name)} (latency, status, truncate, malformed, drip, wrong-types, reset, hang, auth, fail-every, none)`);
    }
  }
  return faults;
}

/** The faults of one request: the server's, overridden field by field by its `X-Stand-In-Fault` header. */
export function faultsForRequest(serverFaults: StandInFaults, header: string | undefined): StandInFaults {
  if (header === undefined) return serverFaults;
  const ownOnly = header.split(/[;,]/).some((item) => item.trim() === 'none');
  return { ...(ownOnly ? {} : serverFaults), ...parseFaultSpec(header) };
}

/** `page`: the search page asked for (`options.page`, default 1); `null` for the GET routes. */
export function pageMatches(selector: FaultPage | undefined, page: number | null): boolean {
  if (selector === undefined) return false;
  return selector === 'any' || selector === page;
}

/** The one delivery fault of a 200 answer, the most drastic first. */
export function deliveryFor(faults: StandInFaults, page: number | null): Delivery {
  if (pageMatches(faults.hangAtPage, page)) return { kind: 'hang' };
  if (pageMatches(faults.resetAtPage, page)) return { kind: 'reset' };
  if (pageMatches(faults.truncateAtPage, page)) return { kind: 'truncate' };
  if (pageMatches(faults.malformedAtPage, page)) return { kind: 'malformed' };
  const drip = faults.slowDripAtPage;
  if (drip && pageMatches(drip.page, page)) return { kind: 'drip', bytesPerSecond: drip.bytesPerSecond };
  return { kind: 'normal' };
}

export function statusFor(faults: StandInFaults, page: number | null): number | null {
  const fault = faults.statusAtPage;
  return fault && pageMatches(fault.page, page) ? fault.status : null;
}

export function wrongTypeCount(faults: StandInFaults, page: number | null): number {
  const fault = faults.wrongTypeRecordAtPage;
  return fault && pageMatches(fault.page, page) ? fault.count : 0;
}

/**
 * Gives `count` records fields of the wrong type — a number for the name, a string for the hours,
 * a string for the services — and leaves `lieu_id` intact so that a client can say which record it
 * rejected.
 */
export function corruptRecords(records: JsonObject[], count: number): void {
  for (const record of records.slice(0, count)) {
    if (!isJsonObject(record)) continue;
    record.name = 42;
    record.newhours = 'x';
    record.services_all = 'x';
  }
}

/** The categories answer's version: roots with a numeric id and a string for children. */
export function corruptCategoryNodes(roots: { id: unknown; children: unknown }[], count: number): void {
  for (const root of roots.slice(0, count)) {
    root.id = 42;
    root.children = 'x';
  }
}
