/**
 * Turns the handler table into one function `(method, payload) => envelope` that both transports
 * serve: it checks the method name, validates the payload against the contract, runs the handler
 * and converts every failure into an error payload fit for the screen (details go to `log`).
 */
import { kioskContract, type CallContext, type KioskApi } from './kiosk-api';
import { KioskCallError, type KioskEnvelope, type KioskIssue } from './errors';
import { isKioskMethod, STAFF_METHODS, STAFF_TOKEN_FIELD } from './methods';

export type KioskDispatch = (method: string, payload: unknown) => Promise<KioskEnvelope<unknown>>;

export interface DispatchOptions {
  /** Where unexpected failures are written, with their stack. */
  logError: (message: string, error: unknown) => void;
  /** Also check what handlers answer (on in tests and development). */
  validateResponses?: boolean;
  /** Whether a staff token is the one in force (and keeps it alive); absent: no call is staff. */
  authorizeStaff?: (token: string) => boolean;
}

/** The staff token out of a payload, and the payload without it. */
function takeStaffToken(payload: unknown): { token: string | null; rest: unknown } {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload) || !(STAFF_TOKEN_FIELD in payload)) {
    return { token: null, rest: payload };
  }
  const { [STAFF_TOKEN_FIELD]: token, ...rest } = payload as Record<string, unknown>;
  return { token: typeof token === 'string' && token.length <= 200 ? token : '', rest };
}

interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
}

function toIssues(issues: readonly SchemaIssue[]): KioskIssue[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export function createDispatcher(handlers: KioskApi, options: DispatchOptions): KioskDispatch {
  return async (method, payload) => {
    if (!isKioskMethod(method)) {
      return { ok: false, error: { code: 'unknown-method', message: `No method named "${method}"` } };
    }
    const { token, rest } = takeStaffToken(payload);
    const call: CallContext = { staff: token !== null && (options.authorizeStaff?.(token) ?? false), staffToken: token };
    if (STAFF_METHODS.includes(method) && !call.staff) {
      return { ok: false, error: { code: 'staff-only', message: `${method} is for staff mode: unlock it with the PIN (it locks itself when left idle)` } };
    }
    const schemas = kioskContract[method];
    const request = schemas.request.safeParse(rest ?? {});
    if (!request.success) {
      return {
        ok: false,
        error: {
          code: 'invalid-request',
          message: `Invalid request for ${method}`,
          issues: toIssues(request.error.issues),
        },
      };
    }
    try {
      // The request was parsed with this method's own schema, so the handler's parameter type holds.
      const handler = handlers[method] as (request: unknown, call: CallContext) => Promise<unknown>;
      const value = await handler(request.data, call);
      if (options.validateResponses) {
        const checked = schemas.response.safeParse(value);
        if (!checked.success) {
          options.logError(`Handler ${method} answered outside the contract`, checked.error);
          return { ok: false, error: { code: 'internal', message: 'The kiosk could not answer' } };
        }
      }
      return { ok: true, value };
    } catch (error) {
      if (error instanceof KioskCallError) return { ok: false, error: error.toPayload() };
      options.logError(`Handler ${method} failed`, error);
      return { ok: false, error: { code: 'internal', message: 'The kiosk could not answer' } };
    }
  };
}
