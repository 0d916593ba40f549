/**
 * The fleet admin's tool for remote settings, run on the admin's machine, never on a kiosk:
 *
 *   npm run sign-settings -- keygen --out <dir>
 *       writes <dir>/settings-private.pem (mode 0600, never overwritten) and prints the public
 *       key to put in every kiosk's config as remoteSettings.publicKey;
 *   npm run sign-settings -- sign --key <private.pem> <document.json> [--out <signed.json>]
 *       checks the document against the schema kiosks apply, then writes the signed envelope
 *       (to stdout without --out);
 *   npm run sign-settings -- verify --public-key <base64> [--kiosk <id>] <signed.json>
 *       checks an envelope the way a kiosk would (served file, or a kiosk's stored copy).
 *
 * Exit codes: 0 done, 1 the document is invalid or refused, 2 bad usage or unreadable files.
 */
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeSettingsIssues, isInForce, settingsDocumentSchema } from '../../common/fleet/remote-settings';
import { ed25519PublicKey, keyFingerprint, openSignedSettings, rawPublicKeyBase64, sealSettings, verifySettings } from './remote-settings';

const USAGE = [
  'usage: npm run sign-settings -- keygen --out <dir>',
  '       npm run sign-settings -- sign --key <private.pem> <document.json> [--out <signed.json>]',
  '       npm run sign-settings -- verify --public-key <base64> [--kiosk <id>] <signed.json>',
].join('\n');

const PRIVATE_KEY_FILE = 'settings-private.pem';

/** A problem with the command line or its files (exit 2), as opposed to with the document (exit 1). */
class UsageError extends Error {}
class RefusedDocument extends Error {}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function keygen(out: string): void {
  mkdirSync(out, { recursive: true });
  const file = join(out, PRIVATE_KEY_FILE);
  const { privateKey } = generateKeyPairSync('ed25519');
  try {
    // 'wx': an existing key is never replaced, since every kiosk trusts its public half.
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${file} already exists: kiosks may trust it; move it away first to make a new one`);
    throw error;
  }
  console.error(`Private key written to ${file} (readable only by you; keep it off the kiosks).`);
  console.error('Public key, for "remoteSettings": { "publicKey": … } in every kiosk config:');
  const publicKey = rawPublicKeyBase64(privateKey);
  console.error(`Its fingerprint, shown on each kiosk's staff screen (Kiosk tab): ${keyFingerprint(publicKey)}`);
  console.log(publicKey);
}

function signDocument(keyFile: string, documentFile: string, out: string | undefined, now: Date): void {
  let key: KeyObject;
  try {
    key = createPrivateKey(readText(keyFile, 'private key'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${keyFile} is not a private key in PEM: ${(error as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new UsageError(`${keyFile} is a ${key.asymmetricKeyType ?? 'unknown'} key; an Ed25519 key is needed (keygen makes one)`);
  let raw: unknown;
  try {
    raw = JSON.parse(readText(documentFile, 'document'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new RefusedDocument(`${documentFile} is not JSON: ${(error as Error).message}`);
  }
  const parsed = settingsDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    throw new RefusedDocument(`${documentFile} is not a valid settings document:\n  - ${describeSettingsIssues(parsed.error).join('\n  - ')}`);
  }
  if (!isInForce(parsed.data, now)) throw new RefusedDocument(`${documentFile} has already expired (expiresAt ${parsed.data.expiresAt}); kiosks would refuse it`);
  // The document as compact JSON: these exact bytes are signed and travel as a string.
  const documentText = JSON.stringify(raw);
  const text = `${JSON.stringify(sealSettings(documentText, key), null, 2)}\n`;
  if (out === undefined) process.stdout.write(text);
  else writeFileSync(out, text);
  const audience = parsed.data.kiosks ? `kiosks ${parsed.data.kiosks.join(', ')}` : 'every kiosk';
  console.error(
    `Signed for ${audience}: issued ${parsed.data.issuedAt}, expires ${parsed.data.expiresAt}; ` +
      `kiosks must trust the public key ${rawPublicKeyBase64(key)}${out === undefined ? '' : `; written to ${out}`}`,
  );
}

function verifyEnvelope(publicKey: string, kioskId: string | undefined, file: string, now: Date): void {
  const text = readText(file, 'signed settings');
  let key: KeyObject;
  try {
    key = ed25519PublicKey(publicKey);
  } catch (error) {
    throw new UsageError(`--public-key: ${(error as Error).message}`);
  }
  // Without --kiosk, everything but the addressing is checked (the document says whom it is for).
  let result = kioskId === undefined ? openSignedSettings(text, key) : verifySettings(text, publicKey, { now, kioskId, lastIssuedAt: null });
  if (result.ok && !isInForce(result.document, now)) result = { ok: false, reason: `expired at ${result.document.expiresAt}` };
  if (!result.ok) throw new RefusedDocument(`${file} would be refused: ${result.reason}`);
  const { document } = result;
  console.log(`${file}: valid, issued ${document.issuedAt}, expires ${document.expiresAt}, for ${document.kiosks ? document.kiosks.join(', ') : 'every kiosk'}`);
}

function main(argv: string[]): void {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        out: { type: 'string' },
        key: { type: 'string' },
        'public-key': { type: 'string' },
        kiosk: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...files] = positionals;
  const now = new Date();
  if (command === 'keygen' && values.out !== undefined && files.length === 0) return keygen(values.out);
  if (command === 'sign' && values.key !== undefined && files.length === 1 && files[0] !== undefined) {
    return signDocument(values.key, files[0], values.out, now);
  }
  if (command === 'verify' && values['public-key'] !== undefined && files.length === 1 && files[0] !== undefined) {
    return verifyEnvelope(values['public-key'], values.kiosk, files[0], now);
  }
  throw new UsageError(command === undefined ? 'a command is needed' : `wrong arguments for ${JSON.stringify(command)}`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof RefusedDocument) {
    console.error(error.message);
    process.exitCode = 1;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
}
