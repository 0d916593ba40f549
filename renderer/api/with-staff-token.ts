/**
 * The same API with the staff token added to every call's payload (the host's dispatcher takes it
 * out before validation). Held by the staff screen only, so the token goes with it.
 */
import type { KioskApi } from '../../common/contract/kiosk-api';
import { KIOSK_METHODS, STAFF_TOKEN_FIELD } from '../../common/contract/methods';

export function withStaffToken(api: KioskApi, token: string): KioskApi {
  const calls: Record<string, (payload: object) => Promise<unknown>> = {};
  const plain = api as unknown as Record<string, (payload: object) => Promise<unknown>>;
  for (const method of KIOSK_METHODS) calls[method] = (payload) => (plain[method] as (p: object) => Promise<unknown>)({ ...payload, [STAFF_TOKEN_FIELD]: token });
  // Same methods, same payloads plus one field the host removes: the answers follow the contract.
  return calls as unknown as KioskApi;
}
