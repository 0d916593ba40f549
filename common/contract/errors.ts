/** What went wrong with a call, in terms both transports carry unchanged. */
export type KioskErrorCode =
  | 'invalid-request' // the payload does not match the contract
  | 'unknown-method' // no such method
  | 'not-found' // the thing asked for is not in the mirror (a place gone since the screen showed it)
  | 'unavailable' // the kiosk cannot answer now (mirror missing, shutting down)
  | 'timeout' // no answer in time (client side)
  | 'staff-only' // a staff call without a valid staff token (locked, lapsed after idle, or never unlocked)
  | 'internal'; // a bug or an unexpected failure; details are in the log, never on screen

export interface KioskIssue {
  /** Dotted path of the offending field, '' for the payload itself. */
  path: string;
  message: string;
}

export interface KioskErrorPayload {
  code: KioskErrorCode;
  message: string;
  issues?: KioskIssue[];
}

/** IPC answers carry this envelope: Electron rewrites thrown errors, so we never throw across it. */
export type KioskEnvelope<T> = { ok: true; value: T } | { ok: false; error: KioskErrorPayload };

export class KioskCallError extends Error {
  readonly code: KioskErrorCode;
  readonly issues: KioskIssue[];

  constructor(payload: KioskErrorPayload) {
    super(payload.message);
    this.name = 'KioskCallError';
    this.code = payload.code;
    this.issues = payload.issues ?? [];
  }

  toPayload(): KioskErrorPayload {
    return this.issues.length > 0
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}

const ERROR_CODES: ReadonlySet<string> = new Set<KioskErrorCode>([
  'invalid-request',
  'unknown-method',
  'not-found',
  'unavailable',
  'timeout',
  'internal',
]);

/** Reads an error payload received from the other side; anything malformed becomes `internal`. */
export function readErrorPayload(raw: unknown): KioskErrorPayload {
  if (typeof raw === 'object' && raw !== null) {
    const { code, message, issues } = raw as Record<string, unknown>;
    if (typeof code === 'string' && ERROR_CODES.has(code) && typeof message === 'string') {
      const payload: KioskErrorPayload = { code: code as KioskErrorCode, message };
      if (Array.isArray(issues)) {
        payload.issues = issues.filter(
          (i): i is KioskIssue =>
            typeof i === 'object' && i !== null && typeof i.path === 'string' && typeof i.message === 'string',
        );
      }
      return payload;
    }
  }
  return { code: 'internal', message: 'Malformed error answer' };
}
