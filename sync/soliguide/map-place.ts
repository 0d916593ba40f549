/**
 * One place as received from the partner API into the rows of the mirror — the single place
 * where Soliguide's field names become ours (STYLE.md habit 5).
 */
import { createHash } from 'node:crypto';
import { cleanHtml, cleanPlain } from '../html/sanitize-html';
import { calendarDay } from './calendar-days';
import { accessConditions, audience } from './conditions';
import { weeklySlots } from './hours';
import type { RawPlace } from './partner-place';

export type PlaceType = 'LIEU' | 'PARCOURS_MOBILE';

export interface PlaceRow {
  lieu_id: number;
  seo_url: string;
  name: string;
  place_type: PlaceType;
  latitude: number;
  longitude: number;
  address: string | null;
  additional_information: string | null;
  postal_code: string;
  city: string;
  department_code: string;
  country: string;
  time_zone: string;
  on_referral: 0 | 1;
  description_html: string | null;
  description_text: string | null;
  closed_on_holidays: 'CLOSED' | 'OPEN' | 'UNKNOWN';
  hours_note: string | null;
  modalities_json: string;
  publics_json: string;
  email: string | null;
  website: string | null;
  facebook: string | null;
  instagram: string | null;
  created_at: string | null;
  updated_at: string | null;
  category_text: string;
  content_hash: string;
}

export interface ServiceRow {
  service_id: string;
  lieu_id: number;
  position: number;
  category_id: string;
  description_html: string | null;
  description_text: string | null;
  has_own_hours: 0 | 1;
  modalities_json: string;
  publics_json: string;
  closure_start_day: string | null;
  closure_end_day: string | null;
  saturation: 'LOW' | 'MODERATE' | 'HIGH' | null;
}

export interface SlotRow {
  lieu_id: number;
  service_id: string | null;
  schedule: 'regular' | 'temporary';
  start_minute: number;
  end_minute: number;
}

export interface NoticeRow {
  lieu_id: number;
  kind: 'closure' | 'hours' | 'message';
  start_day: string;
  end_day: string | null;
  title: string | null;
  description_html: string | null;
  description_text: string | null;
}

export interface PhoneRow {
  lieu_id: number;
  position: number;
  label: string | null;
  number: string;
  country_code: string;
  is_special: 0 | 1;
}

export interface SourceRow {
  lieu_id: number;
  name: string;
  is_origin: 0 | 1;
  license: string | null;
  url: string | null;
}

export interface MappedPlace {
  place: PlaceRow;
  services: ServiceRow[];
  slots: SlotRow[];
  notices: NoticeRow[];
  phones: PhoneRow[];
  sources: SourceRow[];
  /** Slots that could not be read (bad times); the place is kept, the count is reported. */
  droppedSlots: number;
}

const SATURATIONS = new Set(['LOW', 'MODERATE', 'HIGH']);

function holidaysRule(value: string | null | undefined): PlaceRow['closed_on_holidays'] {
  // 'UNKOWN' is a typo found in itinerary stops (API.md §6 trap 10): unknown = normal hours.
  return value === 'CLOSED' || value === 'OPEN' ? value : 'UNKNOWN';
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/**
 * The hash of what the mirror stores for a place, not of the payload: fields the kiosk does not
 * keep (the nightly `isOpenToday` flags, campaign data…) change without making the place
 * "updated", so an unchanged directory publishes nothing — and hashing the smaller rows is cheaper.
 */
function rowsHash(mapped: Omit<MappedPlace, 'droppedSlots'>): string {
  return createHash('sha256').update(JSON.stringify(mapped)).digest('base64url');
}

function notice(
  lieuId: number,
  kind: NoticeRow['kind'],
  raw: { actif?: boolean | null; dateDebut?: string | null; dateFin?: string | null; description?: string | null; name?: string | null } | null | undefined,
  timeZone: string,
): NoticeRow | null {
  // `actif` false or no start = nothing announced; `actif` true may be in the future (§2.5).
  if (!raw?.actif) return null;
  const start = calendarDay(raw.dateDebut, timeZone);
  if (start === null) return null;
  const description = cleanHtml(raw.description);
  return {
    lieu_id: lieuId,
    kind,
    start_day: start,
    end_day: calendarDay(raw.dateFin, timeZone),
    title: cleanPlain(raw.name),
    description_html: description?.html ?? null,
    description_text: description?.text ?? null,
  };
}

/** What the full-text index knows of a place's categories: ids and labels, ancestors included. */
export type CategoryText = (categoryIds: readonly string[]) => string;

const knownZones = new Map<string, boolean>(); // building an Intl formatter per place was 40% of mapping

function validTimeZone(value: string | null | undefined): string {
  const zone = value?.trim();
  if (!zone) return 'Europe/Paris';
  let valid = knownZones.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    knownZones.set(zone, valid);
  }
  // An unknown zone name would break every date computation of the place.
  return valid ? zone : 'Europe/Paris';
}

export function mapPlace(raw: RawPlace, placeType: PlaceType, categoryText: CategoryText): MappedPlace {
  const lieuId = raw.lieu_id;
  const position = raw.position;
  const timeZone = validTimeZone(position.timeZone);
  const onReferral = raw.modalities?.orientation?.checked === true;
  const description = cleanHtml(raw.description);
  const [longitude, latitude] = position.location.coordinates;
  let droppedSlots = 0;
  const slots: SlotRow[] = [];
  const addSlots = (week: Parameters<typeof weeklySlots>[0], serviceId: string | null, schedule: SlotRow['schedule']): void => {
    const { slots: weekly, dropped } = weeklySlots(week);
    droppedSlots += dropped;
    for (const slot of weekly) {
      slots.push({ lieu_id: lieuId, service_id: serviceId, schedule, start_minute: slot.startMinute, end_minute: slot.endMinute });
    }
  };
  addSlots(raw.newhours, null, 'regular');

  const notices = [
    notice(lieuId, 'closure', raw.tempInfos?.closure, timeZone),
    notice(lieuId, 'hours', raw.tempInfos?.hours, timeZone),
    notice(lieuId, 'message', raw.tempInfos?.message, timeZone),
  ].filter((n): n is NoticeRow => n !== null);
  if (notices.some((n) => n.kind === 'hours')) addSlots(raw.tempInfos?.hours?.hours, null, 'temporary');

  const services = raw.services_all.map((service, index): ServiceRow => {
    // serviceObjectId is unique within a place only (copied places share them), so it is qualified.
    const serviceId = `${lieuId}/${blankToNull(service.serviceObjectId) ?? `#${index}`}`;
    const ownHours = service.differentHours === true;
    if (ownHours) addSlots(service.hours, serviceId, 'regular');
    const closure = service.close?.actif ? calendarDay(service.close.dateDebut, timeZone) : null;
    const serviceDescription = cleanHtml(service.description);
    const saturation = service.saturated?.status ?? null;
    return {
      service_id: serviceId,
      lieu_id: lieuId,
      position: index,
      category_id: service.category,
      description_html: serviceDescription?.html ?? null,
      description_text: serviceDescription?.text ?? null,
      has_own_hours: ownHours ? 1 : 0,
      // Service values are always filled, copies of the place's when not different (§6 trap 13).
      modalities_json: JSON.stringify(accessConditions(service.modalities ?? raw.modalities)),
      publics_json: JSON.stringify(audience(service.publics ?? raw.publics)),
      closure_start_day: closure,
      closure_end_day: closure === null ? null : calendarDay(service.close?.dateFin, timeZone),
      saturation: saturation && SATURATIONS.has(saturation) ? (saturation as ServiceRow['saturation']) : null,
    };
  });

  const phones = (raw.entity?.phones ?? []).flatMap((phone, index): PhoneRow[] => {
    const number = blankToNull(phone.phoneNumber);
    if (number === null) return [];
    return [
      {
        lieu_id: lieuId,
        position: index,
        label: cleanPlain(phone.label),
        number,
        country_code: (blankToNull(phone.countryCode) ?? 'fr').toLowerCase(),
        is_special: phone.isSpecialPhoneNumber ? 1 : 0,
      },
    ];
  });

  const seenSources = new Set<string>();
  const sources = (raw.sources ?? []).flatMap((source): SourceRow[] => {
    if (seenSources.has(source.name)) return [];
    seenSources.add(source.name);
    return [
      {
        lieu_id: lieuId,
        name: source.name,
        is_origin: source.isOrigin ? 1 : 0,
        license: blankToNull(source.license),
        url: blankToNull(source.ids?.find((id) => blankToNull(id.url))?.url),
      },
    ];
  });

  const mapped: Omit<MappedPlace, 'droppedSlots'> = {
    place: {
      lieu_id: lieuId,
      seo_url: blankToNull(raw.seo_url) ?? String(lieuId),
      name: cleanPlain(raw.name) ?? raw.name.trim(),
      place_type: placeType,
      latitude,
      longitude,
      // "Sur orientation": the address is never shown, whatever field still carries it (§6 trap 7).
      address: onReferral ? null : cleanPlain(position.address),
      additional_information: onReferral ? null : cleanPlain(position.additionalInformation),
      postal_code: position.postalCode.trim(),
      city: position.city.trim(),
      department_code: position.departmentCode.trim(),
      country: blankToNull(position.country) ?? 'fr',
      time_zone: timeZone,
      on_referral: onReferral ? 1 : 0,
      description_html: description?.html ?? null,
      description_text: description?.text ?? null,
      closed_on_holidays: holidaysRule(raw.newhours?.closedHolidays),
      hours_note: cleanPlain(raw.newhours?.description),
      modalities_json: JSON.stringify(accessConditions(raw.modalities)),
      publics_json: JSON.stringify(audience(raw.publics)),
      email: blankToNull(raw.entity?.mail),
      website: blankToNull(raw.entity?.website),
      facebook: blankToNull(raw.entity?.facebook),
      instagram: blankToNull(raw.entity?.instagram),
      created_at: blankToNull(raw.createdAt),
      updated_at: blankToNull(raw.updatedAt),
      category_text: categoryText(services.map((service) => service.category_id)),
      content_hash: '',
    },
    services,
    slots,
    notices,
    phones,
    sources,
  };
  mapped.place.content_hash = rowsHash(mapped);
  return { ...mapped, droppedSlots };
}
