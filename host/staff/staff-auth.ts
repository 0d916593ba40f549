/**
 * Staff mode's lock: a PIN checked against the scrypt hash of the config, attempts slowed down by
 * a delay that doubles after each wrong PIN, and a token for the staff screens that lapses when
 * they stay untouched as long as a person's session would. The PIN and its hash never leave Node;
 * the token is worth nothing once locked, lapsed or replaced.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** What a staff PIN may be: 4 to 12 digits (typed on the screen's digit pad). */
export const PIN_PATTERN = /^\d{4,12}$/;

/** scrypt cost: ~50 ms and 16 MiB per check here, far too slow to try 10⁴ PINs off a stolen config quickly. */
const SCRYPT = { N: 16_384, r: 8, p: 1, keyLength: 32, maxmem: 64 * 1024 * 1024 };

/** The longest wait between two attempts, reached after 11 wrong PINs in a row. */
export const MAX_DELAY_SECONDS = 15 * 60;

function derive(pin: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: SCRYPT.maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$<salt>$<hash>` (base64), the form of `staff.pinHash` in the config. */
export async function hashPin(pin: string, salt: Buffer = randomBytes(16)): Promise<string> {
  if (!PIN_PATTERN.test(pin)) throw new Error('A staff PIN is 4 to 12 digits');
  return `scrypt$${salt.toString('base64')}$${(await derive(pin, salt)).toString('base64')}`;
}

export async function pinMatches(pin: string, pinHash: string): Promise<boolean> {
  const [kind, salt, hash] = pinHash.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(pin, Buffer.from(salt, 'base64'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Seconds to wait after `failures` wrong PINs in a row: 1, 2, 4, 8… up to 15 minutes. */
export function delayAfter(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(2 ** (failures - 1), MAX_DELAY_SECONDS);
}

export type UnlockResult =
  | { unlocked: true; token: string }
  | { unlocked: false; reason: 'wrong-pin' | 'wait' | 'not-configured'; retryAfterSeconds: number };

export interface StaffAuthOptions {
  /** The config's hash; null: staff mode is off on this kiosk. */
  pinHash: string | null;
  /** How long an untouched staff token lives, read at each call (the session's idle time and countdown). */
  idleSeconds: () => number;
  /** Monotonic milliseconds (the kiosk's wall clock may be fixed for demos, or jump). */
  clock?: () => number;
  log?: (line: string) => void;
}

export class StaffAuth {
  private failures = 0;
  private nextAttemptAt = 0;
  private session: { token: string; lastUse: number } | null = null;
  private readonly clock: () => number;

  constructor(private readonly options: StaffAuthOptions) {
    this.clock = options.clock ?? (() => performance.now());
  }

  get configured(): boolean {
    return this.options.pinHash !== null;
  }

  async unlock(pin: string): Promise<UnlockResult> {
    if (this.options.pinHash === null) return { unlocked: false, reason: 'not-configured', retryAfterSeconds: 0 };
    const now = this.clock();
    if (now < this.nextAttemptAt) {
      return { unlocked: false, reason: 'wait', retryAfterSeconds: Math.ceil((this.nextAttemptAt - now) / 1000) };
    }
    // Reserve the attempt before the (slow) check, so that parallel calls cannot each try a PIN.
    this.nextAttemptAt = Number.POSITIVE_INFINITY;
    let matches = false;
    try {
      matches = PIN_PATTERN.test(pin) && (await pinMatches(pin, this.options.pinHash));
    } finally {
      this.nextAttemptAt = 0;
    }
    if (matches) {
      this.failures = 0;
      const token = randomBytes(24).toString('base64url');
      this.session = { token, lastUse: this.clock() };
      this.options.log?.('staff mode unlocked');
      return { unlocked: true, token };
    }
    this.failures += 1;
    const delay = delayAfter(this.failures);
    this.nextAttemptAt = this.clock() + delay * 1000;
    this.options.log?.(`staff mode: wrong PIN (${this.failures} in a row; next attempt in ${delay} s)`);
    return { unlocked: false, reason: 'wrong-pin', retryAfterSeconds: delay };
  }

  /** True for the current token while it is in use; each use keeps it alive. */
  authorize(token: string): boolean {
    const session = this.session;
    if (!session) return false;
    const now = this.clock();
    if (now - session.lastUse > this.options.idleSeconds() * 1000) {
      this.session = null;
      return false;
    }
    const given = Buffer.from(token);
    const expected = Buffer.from(session.token);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
    session.lastUse = now;
    return true;
  }

  /** Ends staff mode (the screen's "leave" button, the idle reset). */
  lock(token: string): boolean {
    if (!this.authorize(token)) return false;
    this.session = null;
    this.options.log?.('staff mode locked');
    return true;
  }
}
