/**
 * The shape of a place as `POST /new-search` gives it to a partner (API.md §1.7, §2), checked at
 * the edge. Lenient where Soliguide's own data is (legacy keys, string times, missing dates,
 * empty vs null vs absent); strict where the kiosk cannot work without a value (id, name,
 * coordinates, at least one service with a category).
 */
import { z } from 'zod';

const text = z.string().nullish();
const time = z.union([z.number(), z.string()]);

export const rawDaySchema = z.looseObject({
  open: z.boolean().optional(),
  timeslot: z.array(z.looseObject({ start: time, end: time })).nullish(),
});

export const rawHoursSchema = z.looseObject({
  monday: rawDaySchema.nullish(),
  tuesday: rawDaySchema.nullish(),
  wednesday: rawDaySchema.nullish(),
  thursday: rawDaySchema.nullish(),
  friday: rawDaySchema.nullish(),
  saturday: rawDaySchema.nullish(),
  sunday: rawDaySchema.nullish(),
  closedHolidays: z.string().nullish(), // CLOSED | OPEN | UNKNOWN, and the legacy typo UNKOWN
  description: text,
});

const checkedPrecision = z.looseObject({ checked: z.boolean().nullish(), precisions: text }).nullish();

export const rawModalitiesSchema = z.looseObject({
  inconditionnel: z.boolean().nullish(),
  appointment: checkedPrecision,
  inscription: checkedPrecision,
  orientation: checkedPrecision,
  price: checkedPrecision,
  animal: z.looseObject({ checked: z.boolean().nullish() }).nullish(),
  pmr: z.looseObject({ checked: z.boolean().nullish() }).nullish(),
  thermalComfort: z.looseObject({ heated: z.boolean().nullish(), airConditioned: z.boolean().nullish() }).nullish(),
  other: text,
});

export const rawPublicsSchema = z.looseObject({
  accueil: z.union([z.literal(0), z.literal(1), z.literal(2)]).nullish(),
  age: z.looseObject({ min: z.number().nullish(), max: z.number().nullish() }).nullish(),
  gender: z.array(z.string()).nullish(),
  administrative: z.array(z.string()).nullish(),
  familialle: z.array(z.string()).nullish(), // sic
  other: z.array(z.string()).nullish(),
  description: text,
});

const tempBase = {
  actif: z.boolean().nullish(),
  dateDebut: z.string().nullish(),
  dateFin: z.string().nullish(),
  description: text,
};

export const rawServiceSchema = z.looseObject({
  serviceObjectId: z.string().nullish(),
  category: z.string().regex(/^[a-z0-9_]+$/),
  description: text,
  close: z.looseObject({ actif: z.boolean().nullish(), dateDebut: z.string().nullish(), dateFin: z.string().nullish() }).nullish(),
  differentHours: z.boolean().nullish(),
  hours: rawHoursSchema.nullish(),
  differentModalities: z.boolean().nullish(),
  modalities: rawModalitiesSchema.nullish(),
  differentPublics: z.boolean().nullish(),
  publics: rawPublicsSchema.nullish(),
  saturated: z.looseObject({ status: z.string().nullish(), precision: text }).nullish(),
});

export const rawPlaceSchema = z.looseObject({
  lieu_id: z.number().int().positive(),
  seo_url: z.string().nullish(),
  name: z.string().regex(/\S/), // not blank; validated without transforms: the input object is used as is
  description: text,
  entity: z
    .looseObject({
      phones: z
        .array(
          z.looseObject({
            label: text,
            phoneNumber: text,
            countryCode: text,
            isSpecialPhoneNumber: z.boolean().nullish(),
          }),
        )
        .nullish(),
      mail: text,
      website: text,
      facebook: text,
      instagram: text,
    })
    .nullish(),
  position: z.looseObject({
    address: text,
    additionalInformation: text,
    city: z.string(),
    postalCode: z.string(),
    departmentCode: z.string(),
    country: z.string().nullish(),
    timeZone: z.string().nullish(),
    location: z.looseObject({
      coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]), // [lon, lat]
    }),
  }),
  newhours: rawHoursSchema.nullish(),
  modalities: rawModalitiesSchema.nullish(),
  publics: rawPublicsSchema.nullish(),
  services_all: z.array(rawServiceSchema).min(1),
  tempInfos: z
    .looseObject({
      closure: z.looseObject(tempBase).nullish(),
      hours: z.looseObject({ ...tempBase, hours: rawHoursSchema.nullish() }).nullish(),
      message: z.looseObject({ ...tempBase, name: text }).nullish(),
    })
    .nullish(),
  sources: z
    .array(
      z.looseObject({
        name: z.string(),
        isOrigin: z.boolean().nullish(),
        license: text,
        ids: z.array(z.looseObject({ url: text })).nullish(),
      }),
    )
    .nullish(),
  createdAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
});

export type RawPlace = z.infer<typeof rawPlaceSchema>;
export type RawService = z.infer<typeof rawServiceSchema>;
export type RawModalities = z.infer<typeof rawModalitiesSchema>;
export type RawPublics = z.infer<typeof rawPublicsSchema>;
export type RawHours = z.infer<typeof rawHoursSchema>;
