/** The fleet admin's side in tests: an Ed25519 key pair and documents sealed as `npm run sign-settings` seals them. */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { SETTINGS_FORMAT } from '../../common/fleet/remote-settings';

export interface FleetAdmin {
  /** Raw 32-byte public key, base64: what goes into the kiosk's config. */
  publicKey: string;
  seal: (document: unknown) => string;
}

export function fleetAdmin(): FleetAdmin {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const key: KeyObject = privateKey;
  return {
    publicKey: Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('base64'),
    seal: (document) => {
      const text = JSON.stringify(document);
      return JSON.stringify({ format: SETTINGS_FORMAT, document: text, signature: sign(null, Buffer.from(text), key).toString('base64') });
    },
  };
}
