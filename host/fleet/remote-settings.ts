/**
 * The fleet admin's signed settings, on the kiosk: fetched on a schedule, verified with the
 * Ed25519 public key of the local config, kept on disk as the signed envelope (so that it is
 * verified again at every start: a file edited on the kiosk is refused like a forged download).
 *
 * What is refused, with the reason logged and the last good settings kept: a body that is not a
 * signed envelope, a bad signature (or another key's), a document outside the schema, an expired
 * one, one issued more than a day ahead of the kiosk's clock (a typo there would otherwise lock
 * out every later document), one addressed to other kiosks, and one older than the settings in
 * use (replay, rollback) or as old but different (sign changes with a later issuedAt).
 *
 * Expiry: the stored document applies until its `expiresAt`, then the config's own settings do.
 * The expired envelope stays on disk as the replay floor: after a restart an older document is
 * still refused. `current()` and the merge functions check the date on every call; `onChange`
 * hears of an expiry at the next scheduled fetch.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { dirname, join } from 'node:path';
import {
  describeSettingsIssues,
  isInForce,
  MAX_SETTINGS_BYTES,
  SETTINGS_FORMAT,
  settingsDocumentSchema,
  signedSettingsSchema,
  type SettingsDocument,
  type SignedSettings,
} from '../../common/fleet/remote-settings';

/** Documents issued this far ahead of the kiosk's clock are refused (clocks drift; typos do not). */
const FUTURE_TOLERANCE_MS = 24 * 3_600_000;
/** A real answer comes in well under a second; a hung server must not hold the refresh for long. */
const DEFAULT_TIMEOUT_MS = 15_000;
/** Kiosks powered on together at opening time spread their first fetch over this. */
const STARTUP_SPREAD_MS = 60_000;

export type VerifiedSettings = { ok: true; document: SettingsDocument; documentText: string } | { ok: false; reason: string };

export interface VerifyOptions {
  now: Date;
  kioskId: string;
  /** issuedAt of the settings in use; an older document is refused. */
  lastIssuedAt: string | null;
}

/** The stored envelope's file, beside the mirror. */
export function remoteSettingsPathFor(mirrorPath: string): string {
  return join(dirname(mirrorPath), 'remote-settings.json');
}

/** The raw 32-byte key of the config (`remoteSettings.publicKey`) as a Node key object. */
export function ed25519PublicKey(publicKeyBase64: string): KeyObject {
  const raw = Buffer.from(publicKeyBase64, 'base64');
  if (raw.length !== 32) throw new Error(`an Ed25519 public key is 32 bytes; this one is ${raw.length}`);
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

/** The other way: a key (public, or the private one it belongs to) as the config writes it, raw 32 bytes in base64. */
export function rawPublicKeyBase64(key: KeyObject): string {
  return Buffer.from(createPublicKey(key).export({ format: 'jwk' }).x ?? '', 'base64url').toString('base64');
}

/** The envelope of a document: these exact characters are signed, and travel as a string. */
/** The first 16 hex digits of the SHA-256 of the raw public key (base64): `sign-settings -- keygen` prints it, staff see it. */
export function keyFingerprint(publicKeyBase64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 16);
}

export function sealSettings(documentText: string, privateKey: KeyObject): SignedSettings {
  return { format: SETTINGS_FORMAT, document: documentText, signature: sign(null, Buffer.from(documentText, 'utf8'), privateKey).toString('base64') };
}

/** Authenticity and shape only: the signature over the document string, then the schema. */
export function openSignedSettings(envelopeText: string, publicKey: KeyObject): VerifiedSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(envelopeText);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const envelope = signedSettingsSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, reason: `not a signed settings envelope (${describeSettingsIssues(envelope.error).join('; ')})` };
  const { document: documentText, signature } = envelope.data;
  let authentic: boolean;
  try {
    authentic = verify(null, Buffer.from(documentText, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  } catch (error) {
    return { ok: false, reason: `the signature cannot be checked: ${(error as Error).message}` };
  }
  if (!authentic) return { ok: false, reason: 'bad signature: not signed by the key in remoteSettings.publicKey, or altered since' };
  let document: unknown;
  try {
    document = JSON.parse(documentText);
  } catch {
    return { ok: false, reason: 'the signed document is not JSON' };
  }
  const parsed = settingsDocumentSchema.safeParse(document);
  if (!parsed.success) return { ok: false, reason: `invalid document: ${describeSettingsIssues(parsed.error).join('; ')}` };
  return { ok: true, document: parsed.data, documentText };
}

/** Whether an authentic document may apply here and now; null when it may. */
function refusal(document: SettingsDocument, options: VerifyOptions): string | null {
  const now = options.now.getTime();
  if (!isInForce(document, options.now)) return `expired at ${document.expiresAt}`;
  if (Date.parse(document.issuedAt) - now > FUTURE_TOLERANCE_MS) {
    return `issued in the future (${document.issuedAt}): check the document's issuedAt or the kiosk's clock`;
  }
  if (document.kiosks !== undefined && !document.kiosks.includes(options.kioskId)) {
    return `addressed to other kiosks, not to ${options.kioskId}`;
  }
  if (options.lastIssuedAt !== null && Date.parse(document.issuedAt) < Date.parse(options.lastIssuedAt)) {
    return `older than the settings in use (issued ${document.issuedAt}, before ${options.lastIssuedAt}): a replay or a rollback`;
  }
  return null;
}

function verifyWithKey(envelopeText: string, key: KeyObject, options: VerifyOptions): VerifiedSettings {
  const opened = openSignedSettings(envelopeText, key);
  if (!opened.ok) return opened;
  const problem = refusal(opened.document, options);
  return problem === null ? opened : { ok: false, reason: problem };
}

/** Everything a fetched envelope must pass before it applies. */
export function verifySettings(envelopeText: string, publicKeyBase64: string, options: VerifyOptions): VerifiedSettings {
  let key: KeyObject;
  try {
    key = ed25519PublicKey(publicKeyBase64);
  } catch (error) {
    return { ok: false, reason: `the public key in remoteSettings.publicKey cannot be used: ${(error as Error).message}` };
  }
  return verifyWithKey(envelopeText, key, options);
}

export type RefreshOutcome =
  | { kind: 'applied'; issuedAt: string }
  | { kind: 'unchanged' }
  | { kind: 'refused'; reason: string }
  | { kind: 'failed'; reason: string };

export interface RemoteSettingsOptions {
  url: string;
  /** `remoteSettings.publicKey`: raw Ed25519 key, base64. */
  publicKey: string;
  everyMinutes: number;
  kioskId: string;
  /** The stored envelope (see remoteSettingsPathFor). */
  storePath: string;
  now: () => Date;
  log: (line: string) => void;
  /** Called whenever current() changes: at start() when a stored document applies, then on each change. */
  onChange: (document: SettingsDocument | null) => void;
  fetch?: typeof fetch;
  random?: () => number;
  timeoutMs?: number;
}

interface Accepted {
  document: SettingsDocument;
  /** The signed string, to tell the same document fetched again from a new one. */
  documentText: string;
}

class FetchProblem extends Error {}

function describeFetchError(error: unknown): string {
  if (error instanceof FetchProblem) return error.message;
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as Error).message;
}

/** The body as text, refused beyond the size limit (announced or actual) without reading it all. */
async function readLimited(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limit) throw new FetchProblem(`the answer announces ${declared} bytes, over the ${limit}-byte limit`);
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new FetchProblem(`the answer is over the ${limit}-byte limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export class RemoteSettingsClient {
  private readonly key: KeyObject;
  private readonly fetch: typeof fetch;
  /** The last document accepted, even expired: its issuedAt is the replay floor. */
  private lastGood: Accepted | null = null;
  /** What onChange was last told. */
  private applied: SettingsDocument | null = null;
  private etag: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<RefreshOutcome> | null = null;
  private abort: AbortController | null = null;
  private stopped = false;
  private checked: { at: string; outcome: RefreshOutcome } | null = null;

  /** Throws when the config's public key is unusable (the config schema only checks its length). */
  constructor(private readonly options: RemoteSettingsOptions) {
    this.key = ed25519PublicKey(options.publicKey);
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /** Loads the stored envelope (verified again), then fetches shortly and every everyMinutes. */
  start(): void {
    this.stopped = false;
    this.load();
    const random = this.options.random ?? Math.random;
    this.schedule(Math.round(random() * STARTUP_SPREAD_MS));
  }

  /** The document in force now, or null: the config's own settings apply. */
  current(): SettingsDocument | null {
    return this.applied !== null && isInForce(this.applied, this.options.now()) ? this.applied : null;
  }

  /** One fetch now; a refresh already running is joined, not doubled. */
  refresh(): Promise<RefreshOutcome> {
    this.running ??= this.fetchAndApply()
      .then((outcome) => {
        this.checked = { at: this.options.now().toISOString(), outcome };
        return outcome;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** The last fetch and what came of it, for the staff screen; null before the first. */
  lastCheck(): { at: string; outcome: RefreshOutcome } | null {
    return this.checked;
  }

  /** Stops the schedule, cuts a fetch in flight and waits for it (a store write is never cut). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort?.abort(new FetchProblem('the kiosk is stopping'));
    await this.running;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      void this.refresh().then(() => {
        if (!this.stopped) this.schedule(this.options.everyMinutes * 60_000);
      });
    }, delayMs);
    this.timer.unref();
  }

  private log(line: string): void {
    this.options.log(`remote settings: ${line}`);
  }

  private kept(): string {
    const applied = this.current();
    return applied ? `keeping the settings issued at ${applied.issuedAt}` : "keeping the config's own settings";
  }

  private apply(document: SettingsDocument | null): void {
    this.applied = document;
    try {
      this.options.onChange(document);
    } catch (error) {
      this.log(`applying the settings failed: ${(error as Error).message}`);
    }
  }

  private load(): void {
    let envelopeText: string;
    try {
      envelopeText = readFileSync(this.options.storePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`the stored settings cannot be read (${(error as Error).message}); using the config's own settings`);
      return;
    }
    const opened = openSignedSettings(envelopeText, this.key);
    if (!opened.ok) {
      this.log(`stored settings refused: ${opened.reason}; using the config's own settings`);
      return;
    }
    this.lastGood = { document: opened.document, documentText: opened.documentText };
    const problem = refusal(opened.document, { now: this.options.now(), kioskId: this.options.kioskId, lastIssuedAt: null });
    if (problem !== null) {
      this.log(`stored settings issued at ${opened.document.issuedAt} not used: ${problem}; using the config's own settings`);
      return;
    }
    this.log(`stored settings issued at ${opened.document.issuedAt} in use until ${opened.document.expiresAt}`);
    this.apply(opened.document);
  }

  private dropIfExpired(): void {
    if (this.applied !== null && !isInForce(this.applied, this.options.now())) {
      this.log(`the settings issued at ${this.applied.issuedAt} expired at ${this.applied.expiresAt}; back to the config's own settings`);
      this.apply(null);
    }
  }

  private async fetchAndApply(): Promise<RefreshOutcome> {
    this.dropIfExpired();
    let envelopeText: string;
    let etag: string | null;
    try {
      const fetched = await this.fetchEnvelope();
      if (fetched === null) return { kind: 'unchanged' };
      ({ envelopeText, etag } = fetched);
    } catch (error) {
      const reason = describeFetchError(error);
      this.log(`GET ${this.options.url} failed (${reason}); ${this.kept()}`);
      return { kind: 'failed', reason };
    }
    const verified = verifyWithKey(envelopeText, this.key, {
      now: this.options.now(),
      kioskId: this.options.kioskId,
      lastIssuedAt: this.lastGood?.document.issuedAt ?? null,
    });
    if (!verified.ok) return this.refuse(verified.reason);
    const { document, documentText } = verified;
    const sameDocument = this.lastGood?.documentText === documentText;
    if (sameDocument && this.applied !== null) {
      this.etag = etag;
      return { kind: 'unchanged' };
    }
    if (!sameDocument && this.lastGood?.document.issuedAt === document.issuedAt) {
      return this.refuse(`same issuedAt as the settings in use (${document.issuedAt}) but a different content: sign changes with a later issuedAt`);
    }
    // A new document is stored; the stored one not applied at start (the kiosk's clock was off) just applies.
    if (!sameDocument) {
      this.store(envelopeText);
      this.lastGood = { document, documentText };
    }
    this.etag = etag;
    this.log(`settings issued at ${document.issuedAt} applied, until ${document.expiresAt}`);
    this.apply(document);
    return { kind: 'applied', issuedAt: document.issuedAt };
  }

  private refuse(reason: string): RefreshOutcome {
    this.log(`refused: ${reason}; ${this.kept()}`);
    return { kind: 'refused', reason };
  }

  /** The envelope's text and ETag, or null for 304 Not Modified; throws FetchProblem or network errors. */
  private async fetchEnvelope(): Promise<{ envelopeText: string; etag: string | null } | null> {
    const abort = new AbortController();
    this.abort = abort;
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timer = setTimeout(() => abort.abort(new FetchProblem(`no complete answer within ${timeoutMs} ms`)), timeoutMs);
    try {
      const response = await this.fetch(this.options.url, {
        // Node's fetch adds `Cache-Control: no-cache` to a conditional request, and some servers
        // (Express) then never answer 304: say a cached answer is fine (as sync/soliguide does).
        headers: { Accept: 'application/json', ...(this.etag !== null ? { 'If-None-Match': this.etag, 'Cache-Control': 'max-age=0' } : {}) },
        signal: abort.signal,
      });
      if (response.status === 304) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new FetchProblem(`HTTP ${response.status}`);
      }
      const envelopeText = await readLimited(response, MAX_SETTINGS_BYTES);
      return { envelopeText, etag: response.headers.get('etag') };
    } catch (error) {
      // An abort rejects with its reason for fetch, but with a generic AbortError for the body.
      throw abort.signal.aborted && abort.signal.reason instanceof FetchProblem ? abort.signal.reason : error;
    } finally {
      clearTimeout(timer);
      this.abort = null;
    }
  }

  /** Write to a temporary file, flush, rename: a power cut leaves the old file or the new one. */
  private store(envelopeText: string): void {
    const temporary = `${this.options.storePath}.tmp`;
    try {
      mkdirSync(dirname(this.options.storePath), { recursive: true });
      const fd = openSync(temporary, 'w', 0o644);
      try {
        writeSync(fd, envelopeText);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, this.options.storePath);
    } catch (error) {
      this.log(`the settings apply but cannot be stored (${(error as Error).message}); they will be fetched again after a restart`);
    }
  }
}
