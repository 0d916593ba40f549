/** The remote settings as staff see them: in force or not, until when, what they change, the last check. */
import type { KioskResponse } from '../../common/contract/kiosk-api';
import { settingsDocumentSchema } from '../../common/fleet/remote-settings';
import type { KioskConfig } from '../../kiosk-config/config-schema';
import { keyFingerprint, type RemoteSettingsClient } from '../fleet/remote-settings';

type View = KioskResponse<'staffOverview'>['remoteSettings'];

/** What a document may change: its fields but the dates and the kiosk list. */
const SETTINGS_FIELDS = Object.keys(settingsDocumentSchema.shape).filter((field) => !['issuedAt', 'expiresAt', 'kiosks'].includes(field));

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
