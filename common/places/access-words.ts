/**
 * How to get in, in plain words: catalogue keys from the access conditions the mirror keeps
 * (sync/soliguide/conditions.ts). A condition not stated says nothing rather than something wrong.
 * `details` stay in French (the place's own words).
 */
import type { AccessConditionsView } from '../contract/kiosk-api';

export interface AccessLine {
  key: string;
  details: string | null;
}

export function accessLines(access: AccessConditionsView): AccessLine[] {
  const lines: AccessLine[] = [];
  const required = (
    [
      [access.appointment, 'access.appointment'],
      [access.registration, 'access.registration'],
      [access.referral, 'access.referral'],
    ] as const
  ).filter(([requirement]) => requirement.required === true);
  // "inconditionnel" can be left true next to a checked condition by an editor; the condition wins.
  if (access.unconditional && required.length === 0) lines.push({ key: 'access.unconditional', details: null });
  for (const [requirement, key] of required) lines.push({ key, details: requirement.details });
  if (access.fee.required === true) lines.push({ key: 'access.paid', details: access.fee.details });
  else if (access.fee.required === false) lines.push({ key: 'access.free', details: null });
  if (access.wheelchairAccessible === true) lines.push({ key: 'access.wheelchair', details: null });
  if (access.animalsWelcome === true) lines.push({ key: 'access.animals', details: null });
  return lines;
}
