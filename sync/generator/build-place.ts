/**
 * Assembles one stored place from its plan (place-plan.ts): position, hours, services, temporary
 * information, contacts, descriptions, provenance and back-office fields.
 */
import { generateModalities, generatePublics, type EmptyText } from './access-rules';
import { CAMPAIGN_UPDATES, CAMPAIGNS_WITH_CLOSED_SECTION, CAMPAIGNS_WITH_TEMP_CLOSURE_SECTION, stepsDone } from './admin-fields';
import { DAY_MS, isoString, objectId } from './calendar';
import { everydayLeaf, rootsOfLeaf } from './category-pools';
import { generateEntity } from './contacts';
import { memoized, text } from './flat-text';
import type { FrenchDepartment, FrenchTown } from './french-towns';
import { everydayPattern, generateHours } from './hours';
import { descriptionSlug, drawLayout, frenchDescription, type DescriptionPlan } from './html-description';
import { NOTICE_PHRASES } from './notice-phrases';
import { applyOpenTodaySnapshot } from './open-today';
import { cachedSlug, itineraryName, placeName, searchSlug, slugify } from './place-names';
import type { PlacePlan } from './place-plan';
import { copyPosition, generatePosition, generateStops } from './position';
import type { Random } from './random';
import { ROOT_PHRASES, type Phrase } from './root-phrases';
import { generateServices } from './services';
import type { StoredPlace, StoredSource } from './stored-place';
import { generateTempInfos } from './temp-infos';

/** Names repeat (kinds × evocative names × towns): slug each one once. */
const searchSlugOf = memoized(searchSlug);
const slugOf = memoized(slugify);

export interface PlaceContext {
  lieuId: number;
  plan: PlacePlan;
  department: FrenchDepartment;
  town: FrenchTown;
  now: Date;
  /** Local calendar day of `now` in the department's zone (temp infos are placed around it). */
  today: number;
  /** Paris calendar day of `now`: the nightly `isOpenToday` job works in Paris time. */
  parisDay: number;
  /** seo_url of the previous place, copied by the duplicateSeoUrl trap (API.md §6 trap 16). */
  previousSeoUrl: string | null;
  servicesPerPlace?: number | undefined;
}

export interface BuiltPlace {
  place: StoredPlace;
  createdMs: number;
  updatedMs: number;
  descriptionPhrases: Phrase[];
  servicePhrases: (Phrase | null)[];
}

const SPOKEN_LANGUAGES: readonly string[][] = [['fr'], ['fr'], ['fr'], ['fr', 'en'], ['fr', 'en', 'ar'], ['fr', 'lsf'], []];
const NIGHT_CATEGORIES = ['emergency_accommodation', 'overnight_stop'];
const ROUND_THE_CLOCK_CATEGORIES = ['emergency_accommodation', 'long_term_accomodation', 'rest_area'];
const HOURS_NOTES = ['Fermé les jours fériés', "Horaires d'été de juillet à août", 'Accueil téléphonique uniquement le matin'];

function hexId(random: Random, length: number): string {
  let out = '';
  while (out.length < length) out += random.int(0, 0xffff).toString(16).padStart(4, '0');
  return out.slice(0, length);
}

function sources(plan: PlacePlan, slug: string, random: Random): StoredSource[] {
  if (plan.sources === 'none') return [];
  if (plan.sources === 'notOrigin') {
    return [{ name: random.pick(['restos', 'Société Saint Vincent de Paul']), ids: [{ id: hexId(random, 24) }], isOrigin: false }];
  }
  if (random.chance(0.7)) {
    const id = text(hexId(random, 8), '-', hexId(random, 4), '-', hexId(random, 4), '-', hexId(random, 4), '-', hexId(random, 12));
    // DORA data comes through data·inclusion under Licence Ouverte (API.md §2.9).
    return [{ name: 'dora', ids: [{ id, url: text('https://dora.example.org/services/', slug) }], isOrigin: true, license: 'etalab-2.0' }];
  }
  return [{ name: random.pick(['Croix-Rouge française', 'Alisol (AD2S)']), ids: [{ id: String(random.int(10_000, 99_999)) }], isOrigin: true }];
}

export function buildPlace(context: PlaceContext, random: Random): BuiltPlace {
  const { plan, department, town, lieuId, now, today } = context;
  const nowMs = now.getTime();
  // Edited within the last two years, more often recently; created up to six years before that.
  const updatedMs = nowMs - Math.floor(random.next() ** 2 * 730 * DAY_MS) - random.int(0, 86_399_999);
  const createdMs = Math.max(Date.UTC(2016, 0, 4), updatedMs - Math.floor(random.next() * 6 * 365 * DAY_MS));
  const empty: EmptyText = random.chance(0.6) ? '' : null;
  const encoding = { legacy: plan.legacyDates, timeZone: department.timeZone };

  const stops =
    plan.placeType === 'PARCOURS_MOBILE'
      ? generateStops({ department, town, closedHolidays: plan.stopClosedHolidaysTypo ? 'UNKOWN' : 'UNKNOWN', legacyCoordinates: plan.legacyCoordinates }, random)
      : [];
  const position = stops[0]
    ? copyPosition(stops[0].position)
    : generatePosition(department, town, { legacyCoordinates: plan.legacyCoordinates, nullComplement: false }, random);
  // Night shelters and 24/7 places are shelters or rest areas; other schedules follow the theme.
  const primaryCategory =
    plan.hoursPattern === 'overnight' ? random.pick(NIGHT_CATEGORIES) : plan.hoursPattern === 'h24' ? random.pick(ROUND_THE_CLOCK_CATEGORIES) : everydayLeaf(random);
  const hoursPattern = plan.hoursPattern === 'everyday' ? everydayPattern(rootsOfLeaf(primaryCategory)[0] ?? '', random) : plan.hoursPattern;
  const hoursNote = random.next();
  const newhours = generateHours(hoursPattern, {
    closedHolidays: plan.closedHolidays,
    legacyDayKeys: plan.legacyHoursKeys,
    description: hoursNote < 0.7 ? null : hoursNote < 0.8 ? '' : random.pick(HOURS_NOTES),
  }, random);
  if (random.chance(0.05)) newhours.isTemp = false;
  const modalities = generateModalities({ orientation: plan.orientation, empty, withDocs: random.chance(0.7), withThermalComfort: random.chance(0.3) }, random);
  const publics = generatePublics(random, empty);
  const { services, descriptionPhrases: servicePhrases } = generateServices({
    plan, primaryCategory, hours: newhours, modalities, publics, empty, today, encoding, lieuId, createdMs, updatedMs, servicesPerPlace: context.servicesPerPlace,
  }, random);
  const root = rootsOfLeaf(services[0]?.category ?? everydayLeaf(random))[0] ?? 'welcome';
  const name = plan.placeType === 'PARCOURS_MOBILE' ? itineraryName(root, town.name, random) : placeName(root, town.name, random);
  const nameSlug = slugOf(name);
  const citySlug = cachedSlug(town.name);
  const entity = generateEntity({ contactStyle: plan.contactStyle, phoneStyle: plan.phoneStyle, specialPhone: plan.specialPhone, regionCode: department.regionCode, slug: nameSlug }, random);

  const descriptionPhrases: Phrase[] = [ROOT_PHRASES[root] ?? (ROOT_PHRASES.welcome as Phrase)];
  if (modalities.inconditionnel && random.chance(0.4)) descriptionPhrases.push(NOTICE_PHRASES.unconditional);
  if (random.chance(0.3)) descriptionPhrases.push(NOTICE_PHRASES.bringIdentity);
  if (random.chance(0.15)) descriptionPhrases.push(NOTICE_PHRASES.languagesSpoken);
  const website = typeof entity.website === 'string' && entity.website !== '' ? entity.website : null;
  const descriptionPlan: DescriptionPlan = {
    phrases: descriptionPhrases, layout: drawLayout(random, website !== null), entities: plan.htmlEntities, unsafe: plan.unsafeHtml, website,
  };
  const description = frenchDescription(descriptionPlan);

  const tempInfos = generateTempInfos({
    today, encoding, closure: plan.tempClosure, hours: plan.tempHours, message: plan.tempMessage,
    openEnded: plan.openEnded, legacyStringTimes: plan.legacyStringTimes, legacyDayKeys: plan.legacyHoursKeys,
  }, random);
  const updatedByUserAt = random.chance(0.03) ? null : isoString(Math.max(createdMs, updatedMs - random.int(0, 30 * DAY_MS)));
  const ownSeoUrl = nameSlug.includes(citySlug) ? text(nameSlug, '-', lieuId) : text(nameSlug, '-', citySlug, '-', lieuId);
  const place: StoredPlace = {
    _id: objectId(createdMs, lieuId * 8, random),
    campaigns: random.chance(0.4) ? CAMPAIGNS_WITH_CLOSED_SECTION : CAMPAIGNS_WITH_TEMP_CLOSURE_SECTION,
    entity,
    slugs: { infos: { description: descriptionSlug(descriptionPlan), entityName: null, name: searchSlugOf(name) } },
    stepsDone: stepsDone(plan.placeType, random.chance(0.65), random.chance(0.5)),
    auto: plan.sources === 'withOrigin' && random.chance(0.5),
    description,
    isOpenToday: false,
    languages: [...random.pick(SPOKEN_LANGUAGES)],
    modalities,
    name,
    newhours,
    photos: [],
    placeType: plan.placeType,
    position,
    priority: random.chance(0.05),
    publics,
    seo_url: plan.duplicateSeoUrl && context.previousSeoUrl !== null ? context.previousSeoUrl : ownSeoUrl,
    tempInfos,
    visibility: plan.visibility,
    services_all: services,
    lieu_id: lieuId,
    geoZones: [],
    parcours: stops,
    status: plan.status,
    updatedByUserAt,
    createdBy: random.chance(0.7) ? null : '',
    country: 'fr',
    sourceLanguage: 'fr',
    sources: sources(plan, nameSlug, random),
  };
  if (!plan.missingCreatedAt) place.createdAt = isoString(createdMs);
  if (!plan.missingUpdatedAt) place.updatedAt = isoString(updatedMs);
  if (random.chance(0.3)) place.__v = 0;
  if (random.chance(0.9)) place.migrated = true;
  if (random.chance(0.6)) place.campaignUpdates = CAMPAIGN_UPDATES;
  if (random.chance(0.65)) place.ficheType = plan.placeType;
  applyOpenTodaySnapshot(place, context.parisDay);
  return { place, createdMs, updatedMs, descriptionPhrases, servicePhrases };
}
