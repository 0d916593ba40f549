/** The fleet admin's side in tests: an Ed25519 key pair and documents sealed as `npm run sign-settings` seals them. */
import { generateKeyPairSync } from 'node:crypto';
import { rawPublicKeyBase64, sealSettings } from '../../host/fleet/remote-settings';

export interface FleetAdmin {
  /** Raw 32-byte public key, base64: what goes into the kiosk's config. */
  publicKey: string;
  seal: (document: unknown) => string;
}

export function fleetAdmin(): FleetAdmin {
  const { privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: rawPublicKeyBase64(privateKey),
    seal: (document) => JSON.stringify(sealSettings(JSON.stringify(document), privateKey)),
  };
}
