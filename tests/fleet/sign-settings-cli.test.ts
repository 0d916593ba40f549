import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyFingerprint, RemoteSettingsClient, verifySettings } from '../../host/fleet/remote-settings';
import { startFleetEndpoint } from '../stand-in/fleet-endpoint';
import { runTs, type Finished } from '../support/processes';

const CLI = 'host/fleet/sign-settings-cli.ts';
const KIOSK = 'caf-67-strasbourg-01';
const HOUR = 3_600_000;

let dir: string;
let publicKey: string;
let keygen: Finished;
const keyFile = (): string => join(dir, 'keys', 'settings-private.pem');

function writeDocument(name: string, overrides: Record<string, unknown> = {}): string {
  const now = Date.now();
  const document = {
    issuedAt: new Date(now - HOUR).toISOString(),
    expiresAt: new Date(now + 30 * 24 * HOUR).toISOString(),
    kiosks: [KIOSK],
    announcement: { text: { fr: 'Travaux dans le hall jusqu’au 15' } },
    idleTimeoutSeconds: 60,
    ...overrides,
  };
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(document, null, 2));
  return file;
}

const verifyNow = () => ({ now: new Date(), kioskId: KIOSK, lastIssuedAt: null });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sign-settings-'));
  keygen = await runTs(CLI, ['keygen', '--out', join(dir, 'keys')]);
  publicKey = keygen.stdout.trim();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run sign-settings', () => {
  it('keygen writes a private key only its owner can read and prints the public key for the config', () => {
    expect(keygen.code).toBe(0);
    expect(publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile(), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(keygen.stderr).toContain('remoteSettings');
    expect(keygen.stderr).toContain(keyFingerprint(publicKey));
  });

  it('keygen never replaces an existing key', async () => {
    const before = readFileSync(keyFile(), 'utf8');
    const again = await runTs(CLI, ['keygen', '--out', join(dir, 'keys')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(keyFile(), 'utf8')).toBe(before);
  });

  it('signs a document that the kiosk client then accepts from the server', async () => {
    const signed = join(dir, 'signed.json');
    const result = await runTs(CLI, ['sign', '--key', keyFile(), writeDocument('good.json'), '--out', signed]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(publicKey);
    const endpoint = await startFleetEndpoint({ token: null, settings: readFileSync(signed, 'utf8') });
    try {
      const changes: unknown[] = [];
      const client = new RemoteSettingsClient({
        url: endpoint.settingsUrl,
        publicKey,
        everyMinutes: 30,
        kioskId: KIOSK,
        storePath: join(dir, 'kiosk', 'remote-settings.json'),
        now: () => new Date(),
        log: () => undefined,
        onChange: (document) => changes.push(document),
      });
      expect((await client.refresh()).kind).toBe('applied');
      expect(changes).toEqual([JSON.parse(readFileSync(join(dir, 'good.json'), 'utf8'))]);
    } finally {
      await endpoint.close();
    }
    const verified = await runTs(CLI, ['verify', '--public-key', publicKey, '--kiosk', KIOSK, signed]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('valid');
  });

  it('writes the envelope to stdout without --out', async () => {
    const result = await runTs(CLI, ['sign', '--key', keyFile(), writeDocument('stdout.json')]);
    expect(result.code).toBe(0);
    expect(verifySettings(result.stdout, publicKey, verifyNow()).ok).toBe(true);
  });

  it('refuses a signed file whose document or signature was changed afterwards', async () => {
    const signed = join(dir, 'to-tamper.json');
    expect((await runTs(CLI, ['sign', '--key', keyFile(), writeDocument('to-tamper-source.json'), '--out', signed])).code).toBe(0);
    const envelope = JSON.parse(readFileSync(signed, 'utf8')) as { document: string; signature: string };

    const editedDocument = join(dir, 'edited-document.json');
    writeFileSync(editedDocument, JSON.stringify({ ...envelope, document: envelope.document.replace('"idleTimeoutSeconds":60', '"idleTimeoutSeconds":61') }));
    const editedSignature = join(dir, 'edited-signature.json');
    const signature = Buffer.from(envelope.signature, 'base64');
    signature[0] = (signature[0] ?? 0) ^ 0x80;
    writeFileSync(editedSignature, JSON.stringify({ ...envelope, signature: signature.toString('base64') }));

    for (const file of [editedDocument, editedSignature]) {
      expect(verifySettings(readFileSync(file, 'utf8'), publicKey, verifyNow())).toEqual({ ok: false, reason: expect.stringMatching(/bad signature/) });
      const result = await runTs(CLI, ['verify', '--public-key', publicKey, file]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('bad signature');
    }
  });

  it('refuses to sign an invalid document, naming each field, and writes nothing', async () => {
    const signed = join(dir, 'never.json');
    const bad = writeDocument('bad.json', { idleTimeoutSeconds: 5, featuredCategories: ['Food'], colour: 'red' });
    const result = await runTs(CLI, ['sign', '--key', keyFile(), bad, '--out', signed]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a valid settings document');
    expect(result.stderr).toMatch(/- idleTimeoutSeconds: /);
    expect(result.stderr).toMatch(/- featuredCategories\.0: a Soliguide category id/);
    expect(result.stderr).toContain('colour');
    expect(existsSync(signed)).toBe(false);
  });

  it('refuses to sign a document that has already expired', async () => {
    const past = writeDocument('past.json', { issuedAt: '2020-01-01T00:00:00Z', expiresAt: '2020-02-01T00:00:00Z' });
    const result = await runTs(CLI, ['sign', '--key', keyFile(), past]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('has already expired');
    expect(result.stdout).toBe('');
  });

  it('says a document is not for a kiosk it does not list', async () => {
    const signed = join(dir, 'for-one.json');
    expect((await runTs(CLI, ['sign', '--key', keyFile(), writeDocument('for-one-source.json'), '--out', signed])).code).toBe(0);
    const result = await runTs(CLI, ['verify', '--public-key', publicKey, '--kiosk', 'caf-68-mulhouse-01', signed]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('addressed to other kiosks');
  });

  it('prints the usage and exits with 2 on a wrong command line', async () => {
    for (const args of [[], ['sign', 'document.json'], ['keygen', '--out'], ['publish']]) {
      const result = await runTs(CLI, args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('usage: npm run sign-settings -- keygen --out <dir>');
    }
  });
});
