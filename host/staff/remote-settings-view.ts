/** The remote settings as staff see them: in force or not, until when, what they change, the last check. */
import { createHash } from 'node:crypto';
import type { KioskResponse } from '../../common/contract/kiosk-api';
import type { KioskConfig } from '../../kiosk-config/config-schema';
import type { RemoteSettingsClient } from '../fleet/remote-settings';

type View = KioskResponse<'staffOverview'>['remoteSettings'];

/** The first 16 hex digits of the SHA-256 of the raw public key: the admin reads the same from `sign-settings -- keygen`. */
export function keyFingerprint(publicKeyBase64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 16);
}

const SETTINGS_FIELDS = ['announcement', 'featuredCategories', 'sync', 'maintenanceWindow', 'idleTimeoutSeconds'] as const;

export function remoteSettingsView(config: KioskConfig['remoteSettings'] | null, client: RemoteSettingsClient | null): View {
  if (!config) return { state: 'off', issuedAt: null, expiresAt: null, fields: [], lastCheck: null, keyFingerprint: null };
  const current = client?.current() ?? null;
  const check = client?.lastCheck() ?? null;
  return {
    state: current ? 'in-force' : 'none',
    issuedAt: current?.issuedAt ?? null,
    expiresAt: current?.expiresAt ?? null,
    fields: current ? SETTINGS_FIELDS.filter((field) => (current as Record<string, unknown>)[field] !== undefined) : [],
    lastCheck: check && {
      at: check.at,
      outcome: check.outcome.kind,
      reason: check.outcome.kind === 'refused' || check.outcome.kind === 'failed' ? check.outcome.reason : null,
    },
    keyFingerprint: keyFingerprint(config.publicKey),
  };
}
