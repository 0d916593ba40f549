/**
 * The stored shape of a Soliguide place (MongoDB collection `lieux`, JSON-serialised: ObjectId →
 * 24-hex string, Date → ISO 8601 with milliseconds) and of its translation document
 * (`translatedPlaces`), as in `shared/soliguide/fixtures/places-db.json` and
 * `translated-places-db.json`. `GET /place` returns this document raw (API.md §1.9), search a
 * projection of it (§1.7). Field names are Soliguide's own, kept as they arrive (STYLE.md habit 5).
 */
import type { StoredCampaignUpdates, StoredCampaigns } from './stored-campaigns';

export type { StoredCampaign, StoredCampaignSection, StoredCampaignUpdates, StoredCampaigns } from './stored-campaigns';

/** 24 lower-case hex digits. */
export type ObjectIdHex = string;
/** ISO 8601 with milliseconds and `Z`, e.g. "2022-03-04T14:22:28.387Z". */
export type IsoDateString = string;

export type PlaceStatus = 'DRAFT' | 'ONLINE' | 'OFFLINE' | 'PERMANENTLY_CLOSED';
export type PlaceVisibility = 'ALL' | 'PRO';
export type PlaceType = 'LIEU' | 'PARCOURS_MOBILE';
/** `UNKOWN` is a typo found in stored itinerary stops (API.md §2.4); treat it as UNKNOWN. */
export type ClosedHolidays = 'CLOSED' | 'OPEN' | 'UNKNOWN' | 'UNKOWN';
export type WeekDay = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';

/** HHMM integer (930 = 09:30, 2359 = end of day); legacy temp hours hold "08:00" strings. */
export type LegacyTime = number | string;

export interface StoredTimeslot<Time extends LegacyTime = number> {
  start: Time;
  end: Time;
}

export interface StoredDayHours<Time extends LegacyTime = number> {
  open: boolean;
  timeslot: StoredTimeslot<Time>[];
  /** Legacy keys (API.md §6 trap 17), always empty/false when present. */
  day?: unknown[];
  week?: unknown[];
  show?: boolean;
}

export type StoredOpeningHours<Time extends LegacyTime = number> = Record<WeekDay, StoredDayHours<Time>> & {
  /** Absent in legacy temporary hours. */
  closedHolidays?: ClosedHolidays;
  description?: string | null;
  isTemp?: boolean;
  h24?: boolean;
};

export type StoredPlaceHours = StoredOpeningHours & { closedHolidays: ClosedHolidays; description: string | null };

export interface StoredPhone {
  label: string | null;
  /** New data: national number without the leading 0 ("199001234"); old data: as typed. */
  phoneNumber: string | null;
  countryCode: string;
  isSpecialPhoneNumber: boolean;
}

/** Empty contacts are `""`, `null` or absent, depending on the record's age (API.md §6 trap 15). */
export interface StoredEntity {
  phones: StoredPhone[];
  mail?: string | null;
  website?: string | null;
  facebook?: string | null;
  instagram?: string | null;
  fax?: string | null;
  name?: string | null;
}

export interface StoredPositionSlugs {
  ville: string | null;
  departement: string | null;
  pays: string | null;
  department: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
}

export interface StoredPosition {
  address: string;
  additionalInformation: string;
  city: string;
  postalCode: string;
  cityCode: string;
  department: string;
  departmentCode: string;
  region: string;
  regionCode: string;
  country: 'fr';
  timeZone: string;
  location: { type: 'Point'; coordinates: [longitude: number, latitude: number] };
  slugs: StoredPositionSlugs;
  // Deprecated duplicates, still stored and returned (API.md §2.2).
  adresse: string;
  codePostal: string;
  complementAdresse: string | null;
  ville: string;
  departement: string;
  departementCode: string;
  pays: string;
  /** Legacy copy of the coordinates in older records. */
  coordinates?: { x: number; y: number };
}

export interface StoredItineraryStop {
  position: StoredPosition;
  hours: StoredPlaceHours;
  description: string | null;
  photos: ObjectIdHex[];
  slugs: StoredPositionSlugs;
}

export interface StoredCheckedPrecisions {
  checked: boolean;
  precisions: string | null;
}

export interface StoredModalities {
  inconditionnel: boolean;
  appointment: StoredCheckedPrecisions;
  inscription: StoredCheckedPrecisions;
  orientation: StoredCheckedPrecisions;
  price: StoredCheckedPrecisions;
  animal: { checked: boolean };
  pmr: { checked: boolean };
  other: string | null;
  docs?: ObjectIdHex[];
  thermalComfort?: { heated: boolean | null; airConditioned: boolean | null };
}

export type WelcomedPublics = 0 | 1 | 2;
export type GenderPublic = 'men' | 'women';
export type AdministrativePublic = 'regular' | 'asylum' | 'refugee' | 'undocumented';
export type FamilyPublic = 'isolated' | 'family' | 'couple' | 'pregnant';
export type OtherPublic =
  | 'violence'
  | 'addiction'
  | 'handicap'
  | 'lgbt'
  | 'hiv'
  | 'prostitution'
  | 'prison'
  | 'student'
  | 'mentalHealth';

export interface StoredPublics {
  accueil: WelcomedPublics;
  age: { min: number; max: number };
  gender: GenderPublic[];
  administrative: AdministrativePublic[];
  familialle: FamilyPublic[];
  other: OtherPublic[];
  description: string | null;
  ukrainePrecisions?: string;
}

export interface StoredTempInfo {
  actif: boolean;
  dateDebut: IsoDateString | null;
  dateFin: IsoDateString | null;
  description: string | null;
}

export interface StoredTempInfos {
  closure: StoredTempInfo;
  hours: StoredTempInfo & { hours: StoredOpeningHours<LegacyTime> | null };
  message: StoredTempInfo & { name: string | null };
}

export interface StoredServiceClosure {
  actif: boolean;
  dateDebut: IsoDateString | null;
  dateFin: IsoDateString | null;
}

export interface StoredCategorySpecificFields {
  activityName?: string;
  canteensMealType?: 'petitdej' | 'collation' | 'boisson' | 'dejeuner' | 'diner';
  serviceStyleType?: ('indoor_seating' | 'outdoor_seating' | 'take_away' | 'delivery')[];
  foodProductType?: string[];
  courseType?: 'alphabetisation' | 'asl' | 'fle';
  domiciliationType?: 'domi1' | 'domi2' | 'domi4';
  hygieneProductType?: 'sanitary_materials' | 'other_care_products';
  jobsList?: string;
}

export interface StoredService {
  serviceObjectId: ObjectIdHex;
  /** A leaf of the category graph (API.md §3.1). */
  category: string;
  /** Legacy numeric category (API.md §3.4), only for leaves that existed before 2021. */
  categorie?: number;
  name: string | null;
  jobsList: string | null;
  categorySpecificFields?: StoredCategorySpecificFields;
  description: string | null;
  close: StoredServiceClosure;
  differentHours: boolean;
  hours: StoredPlaceHours;
  differentModalities: boolean;
  modalities: StoredModalities;
  differentPublics: boolean;
  publics: StoredPublics;
  saturated: { status: 'LOW' | 'MODERATE' | 'HIGH'; precision: string | null };
  isOpenToday: boolean;
  createdAt: IsoDateString;
}

export interface StoredSource {
  name: string;
  ids: { id: string; url?: string }[];
  isOrigin: boolean;
  license?: string;
}

export interface StoredPlace {
  _id: ObjectIdHex;
  lieu_id: number;
  seo_url: string;
  name: string;
  description: string | null;
  entity: StoredEntity;
  position: StoredPosition;
  newhours: StoredPlaceHours;
  modalities: StoredModalities;
  publics: StoredPublics;
  services_all: StoredService[];
  tempInfos: StoredTempInfos;
  sources: StoredSource[];
  status: PlaceStatus;
  visibility: PlaceVisibility;
  placeType: PlaceType;
  ficheType?: PlaceType;
  parcours: StoredItineraryStop[];
  languages: string[];
  isOpenToday: boolean;
  slugs: { infos: { name: string; description: string | null; entityName: string | null } };
  updatedByUserAt: IsoDateString | null;
  /** Missing on some old records (API.md §6 trap 15). */
  createdAt?: IsoDateString;
  updatedAt?: IsoDateString;
  photos: ObjectIdHex[];
  country: 'fr';
  sourceLanguage: 'fr';
  auto: boolean;
  createdBy: string | null;
  priority: boolean;
  geoZones: unknown[];
  stepsDone: Record<string, boolean>;
  campaigns: StoredCampaigns;
  campaignUpdates?: StoredCampaignUpdates;
  migrated?: boolean;
  __v?: number;
}

export type TranslationLanguage = 'ar' | 'en' | 'es' | 'fa' | 'ps' | 'ru' | 'uk' | 'ro' | 'ka' | 'ca' | 'pt';

/** Translated text fields; `null` = not translated (the API then falls back to French, §1.8). */
export interface StoredTranslatedPlace {
  description: string | null;
  modalities: {
    appointment: { precisions: string | null };
    inscription: { precisions: string | null };
    orientation: { precisions: string | null };
    price: { precisions: string | null };
    other: string | null;
  };
  publics: { description: string | null };
  /** By service index; keys are dotted paths such as "publics.description" (as stored). */
  services_all: Record<string, string | null>[];
  tempInfos: {
    closure: { description: string | null };
    hours: { description: string | null };
    message: { description: string | null; name: string | null };
  };
}

export interface StoredTranslationLanguage {
  place: StoredTranslatedPlace;
  translationRate: number;
  createdAt?: IsoDateString;
  updatedAt?: IsoDateString;
}

export interface StoredTranslation {
  _id: ObjectIdHex;
  lieu_id: number;
  placeObjectId: ObjectIdHex;
  sourceLanguage: 'fr';
  languages: Partial<Record<TranslationLanguage, StoredTranslationLanguage>>;
  translationRate: number;
  lastUpdate: IsoDateString;
  createdAt: IsoDateString;
  updatedAt: IsoDateString;
  __v: number;
  position: { departmentCode?: string; regionCode: string | null; country: 'fr' };
}
