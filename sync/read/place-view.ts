/**
 * Everything the place screen and the ticket need about one place, in the visitor's language
 * where Soliguide has a translation (and saying when a text is only in French).
 */
import type { AccessConditions, Audience } from '../soliguide/conditions';
import { distanceMetres, walkOf, type Point } from '../../common/geo/walking';
import { routeLengths } from './walking-routes';
import { openingState, weekView } from '../../common/opening/opening-state';
import type { HolidayOn, Schedule } from '../../common/opening/schedule';
import { toStateDto, type OpeningStateDto } from '../../common/opening/state-dto';
import type { PlaceViewResponse } from '../../common/contract/kiosk-api';
import type { MirrorDatabase } from '../mirror-database';
import type { PlaceRow as MirrorPlaceRow } from '../soliguide/map-place';
import { SOLIGUIDE_LANGUAGES } from '../translations';
import { readPlaceSchedules, type ServiceScheduleRow } from './place-schedule';

/** The place as the mirror has it; the handler adds `stale` (it depends on the config's budget). */
export type PlaceView = Omit<PlaceViewResponse, 'stale'>;
type LocalText = NonNullable<PlaceView['description']>;

type PlaceRow = Pick<
  MirrorPlaceRow,
  | 'lieu_id' | 'seo_url' | 'name' | 'place_type' | 'address' | 'additional_information' | 'postal_code' | 'city'
  | 'department_code' | 'on_referral' | 'latitude' | 'longitude' | 'time_zone' | 'closed_on_holidays' | 'description_html'
  | 'description_text' | 'modalities_json' | 'publics_json' | 'email' | 'website' | 'updated_at'
>;

interface ServiceRow extends ServiceScheduleRow {
  category_id: string;
  position: number;
  description_html: string | null;
  description_text: string | null;
  modalities_json: string;
  publics_json: string;
  saturation: string | null;
}

export interface ViewContext {
  language: string;
  now: Date;
  origin: Point;
  holidaysOf: (departmentCode: string) => HolidayOn;
}

export function placeView(db: MirrorDatabase, lieuId: number, context: ViewContext): PlaceView | null {
  const place = db.prepare('SELECT * FROM places WHERE lieu_id = ?').get(lieuId) as PlaceRow | undefined;
  if (!place) return null;
  const services = db.prepare('SELECT * FROM services WHERE lieu_id = ? ORDER BY position').all(lieuId) as ServiceRow[];
  const translations = new Map(
    (db.prepare('SELECT field, html, text FROM place_translations WHERE lieu_id = ? AND language = ?').all(lieuId, context.language) as {
      field: string;
      html: string | null;
      text: string;
    }[]).map((row) => [row.field, row]),
  );
  const local = (field: string, html: string | null, text: string | null): LocalText | null => {
    const translated = translations.get(field);
    if (translated) return { html: translated.html, text: translated.text, translated: true };
    return text === null ? null : { html, text, translated: context.language === 'fr' };
  };
  const holidayOn = context.holidaysOf(place.department_code);
  const schedules = readPlaceSchedules(db, place, services);
  const state = (schedule: Schedule): OpeningStateDto => toStateDto(openingState(schedule, context.now, holidayOn));
  const distance = distanceMetres(context.origin, place);
  const notices = db.prepare('SELECT * FROM temporary_notices WHERE lieu_id = ? ORDER BY kind').all(lieuId) as {
    kind: string;
    start_day: string;
    end_day: string | null;
    title: string | null;
    description_html: string | null;
    description_text: string | null;
  }[];
  const soliguideLanguage = context.language === 'fr' || SOLIGUIDE_LANGUAGES.has(context.language) ? context.language : 'fr';
  return {
    id: place.lieu_id,
    name: place.name,
    mobile: place.place_type === 'PARCOURS_MOBILE',
    address: place.address,
    additionalInformation: place.additional_information,
    postalCode: place.postal_code,
    city: place.city,
    onReferral: place.on_referral === 1,
    latitude: place.latitude,
    longitude: place.longitude,
    distanceMetres: distance,
    ...walkOf(distance, routeLengths(db, [lieuId], context.origin).get(lieuId)),
    state: state(schedules.place),
    week: weekView(schedules.place, context.now, holidayOn).map((plan) => ({
      day: plan.day,
      weekday: plan.weekday,
      slots: plan.slots,
      rule: plan.rule,
      holiday: plan.holiday,
    })),
    description: local('description', place.description_html, place.description_text),
    services: services.map((service) => ({
      id: service.service_id,
      categoryId: service.category_id,
      state: state(schedules.services.get(service.service_id) as Schedule),
      description: local(`service.${service.position}.description`, service.description_html, service.description_text),
      access: JSON.parse(service.modalities_json) as AccessConditions,
      audience: JSON.parse(service.publics_json) as Audience,
      saturation: service.saturation,
    })),
    access: JSON.parse(place.modalities_json) as AccessConditions,
    audience: JSON.parse(place.publics_json) as Audience,
    languagesSpoken: db.prepare('SELECT language FROM place_languages WHERE lieu_id = ? ORDER BY language').pluck().all(lieuId) as string[],
    phones: (db.prepare('SELECT label, number, country_code, is_special FROM place_phones WHERE lieu_id = ? ORDER BY position').all(lieuId) as {
      label: string | null;
      number: string;
      country_code: string;
      is_special: number;
    }[]).map((phone) => ({ label: phone.label, number: phone.number, countryCode: phone.country_code, special: phone.is_special === 1 })),
    email: place.email,
    website: place.website,
    notices: notices.map((notice) => ({
      kind: notice.kind,
      startDay: notice.start_day,
      endDay: notice.end_day,
      title: local(`notice.${notice.kind}.title`, null, notice.title),
      description: local(`notice.${notice.kind}.description`, notice.description_html, notice.description_text),
    })),
    sources: (db.prepare('SELECT name, is_origin, license, url FROM place_sources WHERE lieu_id = ? ORDER BY name').all(lieuId) as {
      name: string;
      is_origin: number;
      license: string | null;
      url: string | null;
    }[]).map((source) => ({ name: source.name, isOrigin: source.is_origin === 1, license: source.license, url: source.url })),
    updatedAt: place.updated_at,
    soliguideUrl: `https://soliguide.fr/${soliguideLanguage}/fiche/${encodeURIComponent(place.seo_url)}`,
  };
}
