/**
 * Organisation contacts (API.md §2.3). Phone numbers come from the ranges ARCEP reserves for
 * audiovisual fiction (plan national de numérotation, art. 2.5.12: 01 99 00, 02 61 91, 03 53 01,
 * 04 65 71, 05 36 49, mobiles 06 39 98), so no generated number can ring anybody; e-mails and
 * sites use the reserved example.org domain.
 */
import { text } from './flat-text';
import type { ContactStyle, PhoneStyle } from './place-plan';
import type { Random } from './random';
import type { StoredEntity, StoredPhone } from './stored-place';

/** Fiction range by INSEE region code (the geographic 0X prefix of the region). */
const FICTION_PREFIX_BY_REGION: Readonly<Record<string, string>> = {
  '11': '0199 00',
  '24': '0261 91', '28': '0261 91', '52': '0261 91', '53': '0261 91',
  '27': '0353 01', '32': '0353 01', '44': '0353 01',
  '84': '0465 71', '93': '0465 71', '94': '0465 71',
  '75': '0536 49', '76': '0536 49',
};
/** Overseas numbering has no fiction range: overseas places get the Paris fiction range. */
const DEFAULT_PREFIX = '0199 00';
const MOBILE_PREFIX = '0639 98';

const SPECIAL_NUMBERS: readonly { label: string; phoneNumber: string }[] = [
  { label: 'Urgence sociale (SAMU social)', phoneNumber: '115' },
  { label: 'Violences Femmes Info', phoneNumber: '3919' },
  { label: 'Enfance en danger', phoneNumber: '119' },
];

const PHONE_LABELS: readonly (string | null)[] = ['Accueil', 'Standard', 'Secrétariat', 'Permanence sociale', null, null];

/** Ten digits "0XXXXXXXXX" from a "0X YY ZZ" prefix. */
function fictionNumber(prefix: string, random: Random): string {
  return text(prefix.replace(' ', ''), String(random.int(0, 9999)).padStart(4, '0'));
}

/** How people typed numbers before libphonenumber normalisation (API.md §2.3). */
function asTyped(digits: string, random: Random): string {
  const pairs = digits.match(/../g) as string[];
  const style = random.int(0, 2);
  return style === 0 ? pairs.join(' ') : style === 1 ? digits : pairs.join('.');
}

function phone(style: Exclude<PhoneStyle, 'none'>, regionCode: string, random: Random): StoredPhone {
  const prefix = random.chance(0.15) ? MOBILE_PREFIX : (FICTION_PREFIX_BY_REGION[regionCode] ?? DEFAULT_PREFIX);
  const digits = fictionNumber(prefix, random);
  return {
    label: random.pick(PHONE_LABELS),
    // New writes keep the national significant number without its leading 0 ("199001234").
    phoneNumber: style === 'newFormat' ? digits.slice(1) : asTyped(digits, random),
    countryCode: 'fr',
    isSpecialPhoneNumber: false,
  };
}

export interface EntityInput {
  contactStyle: ContactStyle;
  phoneStyle: PhoneStyle;
  specialPhone: boolean;
  regionCode: string;
  /** Host-safe slug of the place name, for the fake site and mailbox. */
  slug: string;
}

export function generateEntity(input: EntityInput, random: Random): StoredEntity {
  const phones: StoredPhone[] = [];
  if (input.phoneStyle !== 'none') {
    const count = random.chance(0.2) ? 2 : 1;
    for (let index = 0; index < count; index++) phones.push(phone(input.phoneStyle, input.regionCode, random));
  }
  if (input.specialPhone) {
    const special = random.pick(SPECIAL_NUMBERS);
    phones.push({ label: special.label, phoneNumber: special.phoneNumber, countryCode: 'fr', isSpecialPhoneNumber: true });
  }
  const host = input.slug.slice(0, 40).replace(/-+$/, '') || 'structure';
  const filled: Record<'mail' | 'website' | 'facebook' | 'instagram' | 'fax', string | undefined> = {
    mail: random.chance(0.6) ? text(random.pick(['contact', 'accueil', 'secretariat']), '.', host, '@example.org') : undefined,
    website: random.chance(0.45) ? text('https://', host, '.example.org/') : undefined,
    facebook: random.chance(0.2) ? text('https://facebook.example.org/', host) : undefined,
    instagram: random.chance(0.08) ? text('https://instagram.example.org/', host) : undefined,
    // Fax is never filled in current data, which also guarantees every place one empty contact.
    fax: undefined,
  };
  const entity: StoredEntity = { phones };
  for (const key of ['mail', 'facebook', 'fax', 'website', 'instagram'] as const) {
    const value = filled[key];
    if (value !== undefined) entity[key] = value;
    else if (input.contactStyle === 'emptyString') entity[key] = '';
    else if (input.contactStyle === 'null') entity[key] = null;
    // 'absent': the key is not stored at all.
  }
  return entity;
}
