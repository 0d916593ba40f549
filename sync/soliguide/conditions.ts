/**
 * Modalities and publics (API.md §2.6) in the kiosk's own English-named shape, stored as JSON.
 * `null` means "not stated" (Soliguide leaves `checked` absent for price, animals, wheelchair).
 */
import { cleanHtml, cleanPlain } from '../html/sanitize-html';
import type { RawModalities, RawPublics } from './partner-place';

export interface Requirement {
  required: boolean | null;
  details: string | null;
}

export interface AccessConditions {
  unconditional: boolean;
  appointment: Requirement;
  registration: Requirement;
  referral: Requirement;
  fee: Requirement;
  animalsWelcome: boolean | null;
  wheelchairAccessible: boolean | null;
  heated: boolean | null;
  airConditioned: boolean | null;
  otherHtml: string | null;
  otherText: string | null;
}

export interface Audience {
  policy: 'everyone' | 'preferential' | 'exclusive';
  ageMin: number;
  ageMax: number;
  genders: string[];
  administrative: string[];
  family: string[];
  other: string[];
  description: string | null;
}

function requirement(raw: { checked?: boolean | null; precisions?: string | null } | null | undefined): Requirement {
  return { required: raw?.checked ?? null, details: cleanPlain(raw?.precisions) };
}

export function accessConditions(raw: RawModalities | null | undefined): AccessConditions {
  const other = cleanHtml(raw?.other);
  return {
    unconditional: raw?.inconditionnel === true,
    appointment: requirement(raw?.appointment),
    registration: requirement(raw?.inscription),
    referral: requirement(raw?.orientation),
    fee: requirement(raw?.price),
    animalsWelcome: raw?.animal?.checked ?? null,
    wheelchairAccessible: raw?.pmr?.checked ?? null,
    heated: raw?.thermalComfort?.heated ?? null,
    airConditioned: raw?.thermalComfort?.airConditioned ?? null,
    otherHtml: other?.html ?? null,
    otherText: other?.text ?? null,
  };
}

const POLICIES = ['everyone', 'preferential', 'exclusive'] as const;

export function audience(raw: RawPublics | null | undefined): Audience {
  const clampAge = (value: number | null | undefined, fallback: number): number =>
    typeof value === 'number' && Number.isFinite(value) ? Math.min(99, Math.max(0, Math.round(value))) : fallback;
  return {
    policy: POLICIES[raw?.accueil ?? 0],
    ageMin: clampAge(raw?.age?.min, 0),
    ageMax: clampAge(raw?.age?.max, 99),
    genders: [...(raw?.gender ?? [])],
    administrative: [...(raw?.administrative ?? [])],
    family: [...(raw?.familialle ?? [])],
    other: [...(raw?.other ?? [])],
    description: cleanPlain(raw?.description),
  };
}
