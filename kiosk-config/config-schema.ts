/**
 * The schema of one kiosk's configuration file. Descriptions end up in the JSON Schema given to
 * admins (`kiosk-config/kiosk-config.schema.json`) and in the error messages of `load-config.ts`.
 */
import { z } from 'zod';
import { localizedTextSchema } from '../common/contract/kiosk-api';
import { KIOSK_LANGUAGES, SOURCE_LANGUAGE } from '../common/i18n/languages';
import { DEFAULT_TILE_RINGS } from '../common/geo/tile-grid';
import { PAPERS } from '../common/print/print-document';

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'a time of day written HH:MM, e.g. "03:30"' })
  .describe('time of day, HH:MM, in Europe/Paris time');

const httpUrl = z
  .url({ protocol: /^https?$/, message: 'an http:// or https:// URL' })
  .describe('an http:// or https:// URL');

/** French department codes: 01–95, 2A, 2B, overseas 971–976, 984–989. */
const departmentCode = z
  .string()
  .regex(/^(0[1-9]|1\d|2[1-9]|[3-8]\d|9[0-5]|2A|2B|97[1-6]|98[4-9])$/, {
    message: 'a French department code such as "67", "2A" or "974"',
  });

const languageCode = z.enum(KIOSK_LANGUAGES);

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const tokenSource = z
  .union(
    [
      z.strictObject({ file: z.string().min(1).describe('path of a file holding only the token') }),
      z.strictObject({ env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/).describe('name of an environment variable') }),
    ],
    {
      error: (issue) =>
        typeof issue.input === 'string'
          ? 'never the token itself: { "file": "<path>" } or { "env": "<VARIABLE>" } (config files get shared; tokens must not)'
          : '{ "file": "<path of a file holding the token>" } or { "env": "<ENVIRONMENT_VARIABLE>" }',
    },
  )
  .describe('where the Soliguide API token comes from: a file or an environment variable, never inline');

export const kioskConfigSchema = z
  .strictObject({
    $schema: z.string().optional().describe('path or URL of kiosk-config.schema.json, for editors'),
    kiosk: z.strictObject({
      id: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]{2,62}$/, { message: 'lower-case letters, digits and dashes, 3 to 63 characters' })
        .describe('stable identifier of this kiosk in the fleet, e.g. "caf-67-strasbourg-01"'),
      name: z.string().min(1).max(80).describe('short name of the kiosk, e.g. "CAF Strasbourg — accueil"'),
    }),
    location: z.strictObject({
      latitude: z.number().min(-90).max(90).describe('WGS84 latitude of the kiosk, in degrees'),
      longitude: z.number().min(-180).max(180).describe('WGS84 longitude of the kiosk, in degrees'),
      address: z.string().min(1).describe('postal address of the kiosk, printed on tickets'),
      label: z.string().min(1).max(80).describe('where people are, shown on screen: "CAF du Bas-Rhin — Strasbourg"'),
      timeZone: z
        .string()
        .refine(isTimeZone, { message: 'an IANA time zone such as "Europe/Paris" or "Indian/Reunion"' })
        .default('Europe/Paris')
        .describe('the kiosk\'s time zone: hours on screen and on tickets are its wall clock'),
    }),
    territory: z.strictObject({
      departments: z.array(departmentCode).min(1).describe('departments mirrored from Soliguide'),
    }),
    demo: z
      .boolean()
      .default(false)
      .describe('run on a locally generated demo directory, with no network at all'),
    soliguide: z
      .strictObject({
        apiBaseUrl: httpUrl.describe('base URL of the Soliguide API given by Solinum'),
        token: tokenSource,
      })
      .optional()
      .describe('the Soliguide partner API (required unless demo is true)'),
    mirror: z
      .strictObject({
        path: z.string().min(1).describe('SQLite file of the local mirror; relative to the config file'),
      })
      .default({ path: 'var/mirror.sqlite' }),
    languages: z
      .strictObject({
        enabled: z.array(languageCode).min(1).describe('languages offered on screen, in the order shown'),
        default: languageCode.describe('language of the welcome screen after each idle reset'),
      })
      .default({ enabled: [...KIOSK_LANGUAGES], default: SOURCE_LANGUAGE }),
    idleTimeoutSeconds: z
      .int()
      .min(20)
      .max(900)
      .default(90)
      .describe('seconds without a touch before the kiosk forgets the session and returns to welcome'),
    idleCountdownSeconds: z
      .int()
      .min(5)
      .max(60)
      .default(15)
      .describe('seconds the "are you still there?" countdown lasts before the reset'),
    screen: z
      .strictObject({
        featuredCategories: z
          .array(z.string().regex(/^[a-z0-9_]+$/, { message: 'a Soliguide category id such as "food"' }))
          .min(1)
          .max(16)
          .optional()
          .describe('needs on the welcome screen, in order; absent: every top-level need of the directory'),
        announcement: localizedTextSchema
          .optional()
          .describe('banner on the welcome screen, per language code; "fr" required'),
        desk: localizedTextSchema
          .optional()
          .describe('where the agency\'s desk is, per language code, e.g. { "fr": "guichet 1, rez-de-chaussée" }'),
        helpUrl: httpUrl.default('https://soliguide.fr/fr/contact').describe('Soliguide\'s online help, shown as a QR code'),
        hideCursor: z.boolean().default(false).describe('hide the mouse pointer (touch screens); keep it for a mouse or a trackball'),
      })
      .default({ helpUrl: 'https://soliguide.fr/fr/contact', hideCursor: false }),
    printer: z
      .strictObject({
        name: z.string().min(1).optional().describe('CUPS queue name; the system default when absent'),
        paper: z
          .enum(PAPERS)
          .default('ticket-80mm')
          .describe('ticket-80mm: a receipt printer with an 80 mm roll (72 mm printed); a4 or a5: a sheet printer'),
        dpi: z.int().min(100).max(1200).default(203).describe('printer resolution: QR code modules are a whole number of its dots'),
        ticketsPerSession: z.int().min(1).max(50).default(5).describe('tickets one person may print before the idle reset'),
        jobsPerHour: z.int().min(1).max(1000).default(60).describe('all jobs in an hour, against a runaway'),
      })
      .default({ paper: 'ticket-80mm', dpi: 203, ticketsPerSession: 5, jobsPerHour: 60 }),
    staff: z
      .strictObject({
        pinHash: z
          .string()
          .regex(/^scrypt\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/, {
            message: 'a PIN hash written scrypt$<salt>$<hash> (base64), never the PIN itself',
          })
          .optional()
          .describe('scrypt hash of the staff PIN, made by `npm run staff-pin -- <PIN>`; absent: no staff mode'),
        exportDirectory: z
          .string()
          .min(1)
          .optional()
          .describe('where staff exports (CSV) are written, e.g. a USB stick\'s mount point; relative to this file; default: exports/ beside the mirror'),
      })
      .default({}),
    quality: z
      .strictObject({
        radiusMetres: z
          .int()
          .min(500)
          .max(20_000)
          .default(3_000)
          .describe('the data quality index looks for each essential need within this distance of the kiosk'),
        staleAfterMonths: z
          .int()
          .min(1)
          .max(36)
          .default(12)
          .describe('a place not updated on Soliguide for this long shows "information last checked on…" prominently, on screen and ticket'),
        essentialCategories: z
          .array(z.string().regex(/^[a-z0-9_]+$/, { message: 'a Soliguide category id such as "shower"' }))
          .min(1)
          .max(60)
          .optional()
          .describe('needs whose absence near the kiosk is reported as a gap; default: the list in the README'),
      })
      .default({ radiusMetres: 3_000, staleAfterMonths: 12 }),
    updates: z
      .strictObject({
        feedUrl: httpUrl.optional().describe('generic electron-updater feed (self-hosted static files)'),
        channel: z.enum(['stable', 'beta']).default('stable').describe('release channel: beta kiosks also take beta releases'),
        checkEveryMinutes: z.int().min(15).max(1440).default(240).describe('how often the feed is checked'),
        idleMinutes: z
          .int()
          .min(1)
          .max(120)
          .default(10)
          .describe('an update is installed only after the welcome screen has been untouched this long'),
      })
      .default({ channel: 'stable', checkEveryMinutes: 240, idleMinutes: 10 }),
    maintenanceWindow: z
      .strictObject({ start: clockTime, end: clockTime })
      .default({ start: '03:00', end: '05:00' })
      .describe('when updates may be installed, Europe/Paris time'),
    remoteSettings: z
      .strictObject({
        url: httpUrl,
        publicKey: z
          .string()
          .regex(/^[A-Za-z0-9+/]{43}=$/, { message: 'an Ed25519 public key, 32 bytes in base64' })
          .describe('the fleet admin\'s Ed25519 public key (32 bytes, base64), printed by npm run sign-settings -- keygen'),
        everyMinutes: z.int().min(5).max(1440).default(30).describe('how often the document is fetched'),
      })
      .optional()
      .describe('signed settings pushed by the fleet admin'),
    heartbeat: z
      .strictObject({
        url: httpUrl.describe('admin endpoint receiving the heartbeat as a JSON POST'),
        everyMinutes: z.int().min(1).max(1440).default(15),
        token: tokenSource.optional().describe('bearer token for the endpoint: a file or an environment variable, never inline'),
      })
      .optional()
      .describe('optional health report (kiosk id, version, data age, last sync, printer state, uptime, disk free; nothing about people); off when absent'),
    tiles: z
      .strictObject({
        urlTemplate: z
          .string()
          .regex(/^https?:\/\/[^\s]+$/, { message: 'an http(s) URL template' })
          .refine((template) => ['{z}', '{x}', '{y}'].every((part) => template.includes(part)), {
            message: 'a URL template with {z}, {x} and {y} (XYZ path or WMTS TILEMATRIX/TILECOL/TILEROW)',
          })
          .refine((template) => !/^https?:\/\/([a-z0-9-]+\.)*tile\.(openstreetmap|osm)\.(org|fr)\//i.test(template), {
            message:
              "OpenStreetMap's own tile servers forbid bulk and offline downloading (tile usage policy): use the IGN Géoplateforme or the operator's own tile server",
          })
          .describe('raster tile source: https://…/{z}/{x}/{y}.png or a WMTS GetTile URL with TILEMATRIX={z}&TILEROW={y}&TILECOL={x}'),
        attribution: z.string().min(1).max(200).describe('credit shown on every map and printed map, e.g. "© IGN – Plan IGN"'),
        rings: z
          .array(
            z.strictObject({
              minZoom: z.int().min(0).max(19),
              maxZoom: z.int().min(0).max(19),
              radiusKm: z.number().positive().max(100),
            }).refine((ring) => ring.minZoom <= ring.maxZoom, { message: 'minZoom ≤ maxZoom' }),
          )
          .min(1)
          .default(DEFAULT_TILE_RINGS.map((ring) => ({ ...ring })))
          .describe('the stored area: zoom levels within a radius of the kiosk; default z11–13 15 km, z14–15 5 km, z16–17 2 km'),
        maxMegabytes: z.number().positive().max(4096).default(200).describe('size budget of the stored tiles'),
        requestsPerSecond: z.number().positive().max(50).default(8).describe('politeness: tile requests started per second at most'),
        refreshDays: z.int().min(1).max(365).default(30).describe('a stored tile older than this is asked again (conditionally)'),
      })
      .optional()
      .describe('raster tile source for the offline map; without it, maps show the places on a plain background'),
    routing: z
      .strictObject({
        kind: z.enum(['ign', 'osrm']).describe('ign: the Géoplateforme itinerary service (Road2); osrm: an OSRM-compatible server'),
        url: httpUrl.describe('ign: https://data.geopf.fr/navigation; osrm: the server root (…/route/v1/foot/… is added)'),
        resource: z.string().regex(/^[a-z0-9-]+$/).default('bdtopo-osrm').describe('ign only: the graph resource'),
        radiusKm: z.number().positive().max(30).default(5).describe('walking routes are computed for places this close to the kiosk'),
        requestsPerSecond: z.number().positive().max(50).default(4).describe('politeness: route requests per second at most (IGN allows 5)'),
      })
      .nullable()
      .default({ kind: 'ign', url: 'https://data.geopf.fr/navigation', resource: 'bdtopo-osrm', radiusKm: 5, requestsPerSecond: 4 })
      .describe('walking route source; null: straight-line estimates only'),
    sync: z
      .strictObject({
        fullAfter: clockTime.default('04:30').describe('daily full reconciliation, not before Soliguide’s 04:00 jobs'),
        lightEveryMinutes: z.int().min(15).max(1440).default(120),
        randomOffsetMinutes: z.int().min(0).max(180).default(45),
      })
      .default({ fullAfter: '04:30', lightEveryMinutes: 120, randomOffsetMinutes: 45 }),
  })
  .superRefine((config, context) => {
    if (!config.languages.enabled.includes(config.languages.default)) {
      context.addIssue({
        code: 'custom',
        path: ['languages', 'default'],
        input: config.languages.default,
        message: `one of the enabled languages (${config.languages.enabled.join(', ')})`,
      });
    }
    if (!config.demo && config.soliguide === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['soliguide'],
        input: undefined,
        message: 'the Soliguide API settings { apiBaseUrl, token }, required unless "demo": true',
      });
    }
  });

export type KioskConfigInput = z.input<typeof kioskConfigSchema>;
export type KioskConfig = z.output<typeof kioskConfigSchema>;
