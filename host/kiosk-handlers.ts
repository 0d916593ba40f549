/** The handler table: one function per contract method, answering from the mirror and the config. */
import type { KioskApi } from '../common/contract/kiosk-api';
import type { KioskConfig } from '../kiosk-config/config-schema';
import type { MirrorDatabase } from '../sync/mirror-database';
import { categoryTree, mirrorSummary } from '../sync/mirror-queries';
import { lastRun } from '../sync/sync-runs';
import { KioskCallError } from '../common/contract/errors';
import { holidayCalendar } from '../sync/holidays/french-holidays';
import { placeView } from '../sync/read/place-view';
import { searchPlaces } from '../sync/read/search-places';
import { memoOnMirror } from '../sync/read/search-points';
import { listTowns, townById } from '../sync/read/towns';
import { placeExists, recordPlaceReport } from '../sync/reports/place-reports';
import { wallClock } from '../common/opening/zoned-time';
import type { SpeakerSource } from './read-aloud/system-speaker';
import type { TileReader } from '../sync/geodata/tile-reader';
import { itineraryOf } from '../sync/read/walking-routes';
import type { PrintService } from './printing/print-service';
import type { ScreenSettings } from '../common/fleet/remote-settings';
import { deletePrintPreset, listPrintPresets, savePrintPreset } from '../sync/print/print-presets';
import { addDays } from '../common/opening/zoned-time';
import { createStaffHandlers, type StaffContext } from './staff/staff-handlers';

/** Reports are dated by the kiosk's own day, in mainland France's zone (where staff read them). */
const REPORT_ZONE = 'Europe/Paris';

export interface HandlerContext {
  config: KioskConfig;
  mirror: MirrorDatabase;
  /** The kiosk's clock; fixed by `--now`. */
  now: () => Date;
  version: string;
  /** Offline text-to-speech; null when the kiosk has no engine (read-aloud then says so). */
  speaker: SpeakerSource;
  /** The offline map's tiles (their area and credits are part of the status). */
  tiles: TileReader;
  /** Tickets and lists, through the spooler. */
  printing: PrintService;
  /** The screen settings in force now: the config's, or the fleet's signed remote settings. */
  screen: () => ScreenSettings;
  /** What staff mode and the usage counters need besides the above. */
  staff: Omit<StaffContext, 'config' | 'mirror' | 'now' | 'version' | 'printing'>;
}

/** Information not updated on Soliguide since `months` months before `now` is said to be old. */
export function isStale(updatedAt: string | null, now: Date, months: number): boolean {
  if (updatedAt === null) return false;
  const updated = Date.parse(updatedAt);
  if (Number.isNaN(updated)) return false;
  const limit = new Date(now.getTime());
  limit.setUTCMonth(limit.getUTCMonth() - months);
  return updated < limit.getTime();
}

/** Lists say "open on" a day of the coming week: the week the place screens and tickets show. */
const LIST_DAYS_AHEAD = 6;

export function createKioskHandlers(context: HandlerContext): KioskApi {
  const { config, mirror } = context;
  return {
    ...createStaffHandlers({ ...context.staff, config, mirror, now: context.now, version: context.version, printing: context.printing }),
    async status() {
      // count(*) over 100 000 places takes ~57 ms: counted again only when the mirror changes.
      const summary = memoOnMirror(mirror, 'summary', () => mirrorSummary(mirror));
      const now = context.now();
      const run = lastRun(mirror);
      const screen = context.screen();
      return {
        kiosk: {
          id: config.kiosk.id,
          name: config.kiosk.name,
          label: config.location.label,
          address: config.location.address,
          latitude: config.location.latitude,
          longitude: config.location.longitude,
          timeZone: config.location.timeZone,
        },
        data: {
          date: summary.dataDate,
          placeCount: summary.placeCount,
          demo: summary.source === 'demo',
          ageSeconds: summary.dataDate === null ? null : Math.round((now.getTime() - Date.parse(summary.dataDate)) / 1000),
          lastSync: run && {
            kind: run.kind,
            outcome: run.outcome,
            startedAt: new Date(run.started_at).toISOString(),
            finishedAt: run.finished_at === null ? null : new Date(run.finished_at).toISOString(),
            error: run.error,
          },
        },
        version: context.version,
        languages: { enabled: config.languages.enabled, default: config.languages.default },
        screen: {
          featuredCategories: screen.featuredCategories ?? categoryTree(mirror).map((root) => root.id),
          announcement: screen.announcement,
          desk: config.screen.desk ?? null,
          helpUrl: config.screen.helpUrl,
          idleTimeoutSeconds: screen.idleTimeoutSeconds,
          idleCountdownSeconds: config.idleCountdownSeconds,
          hideCursor: config.screen.hideCursor,
        },
        map: context.tiles.info(),
        printer: {
          ...(await context.printing.printerState()),
          paper: config.printer.paper,
          ticketsPerSession: config.printer.ticketsPerSession,
        },
        now: now.toISOString(),
      };
    },
    async categories() {
      return { roots: categoryTree(mirror) };
    },
    async towns(request) {
      const kiosk = { latitude: config.location.latitude, longitude: config.location.longitude };
      return { towns: listTowns(mirror, { prefix: request.prefix, limit: request.limit ?? 12 }, kiosk) };
    },
    async search(request) {
      const kiosk = { latitude: config.location.latitude, longitude: config.location.longitude };
      let origin = kiosk;
      if (request.origin !== undefined && 'town' in request.origin) {
        const town = townById(mirror, request.origin.town);
        if (!town) throw new KioskCallError({ code: 'not-found', message: `No town ${request.origin.town} in the mirror` });
        origin = { latitude: town.latitude, longitude: town.longitude };
      } else if (request.origin !== undefined) {
        origin = request.origin;
      }
      return searchPlaces(
        mirror,
        {
          language: request.language,
          category: request.category,
          text: request.text,
          origin,
          radiusMetres: request.radiusMetres ?? 5_000,
          openNow: request.openNow ?? false,
          filters: request.filters ?? {},
          page: request.page ?? 1,
          pageSize: request.pageSize ?? 30,
        },
        context.now(),
        holidayCalendar,
      );
    },
    async place({ id, language }) {
      const view = placeView(mirror, id, {
        language,
        now: context.now(),
        origin: { latitude: config.location.latitude, longitude: config.location.longitude },
        holidaysOf: holidayCalendar,
      });
      if (!view) throw new KioskCallError({ code: 'not-found', message: `No place ${id} in the mirror` });
      return { ...view, stale: isStale(view.updatedAt, context.now(), config.quality.staleAfterMonths) };
    },
    async report({ placeId, reason }) {
      if (!placeExists(mirror, placeId)) throw new KioskCallError({ code: 'not-found', message: `No place ${placeId} in the mirror` });
      recordPlaceReport(mirror, { placeId, reason, day: wallClock(context.now(), REPORT_ZONE).day });
      return { recorded: true as const };
    },
    async itinerary({ placeId }) {
      const itinerary = itineraryOf(mirror, placeId, { latitude: config.location.latitude, longitude: config.location.longitude });
      if (!itinerary) throw new KioskCallError({ code: 'not-found', message: `No place ${placeId} in the mirror` });
      return itinerary;
    },
    async print({ document, session }, call) {
      if (document.kind !== 'ticket' && !call?.staff) {
        throw new KioskCallError({ code: 'staff-only', message: 'Lists and test pages are printed from staff mode' });
      }
      if (document.kind === 'ticket' && !placeExists(mirror, document.placeId)) {
        throw new KioskCallError({ code: 'not-found', message: `No place ${document.placeId} in the mirror` });
      }
      if (document.kind === 'list' && document.list.openOn !== null) {
        const today = wallClock(context.now(), config.location.timeZone).day;
        if (document.list.openOn < today || document.list.openOn > addDays(today, LIST_DAYS_AHEAD)) {
          throw new KioskCallError({ code: 'invalid-request', message: `openOn must be a day from ${today} to ${addDays(today, LIST_DAYS_AHEAD)}` });
        }
      }
      return context.printing.print(document, session);
    },
    async printJob({ id }) {
      const job = context.printing.job(id);
      if (!job) throw new KioskCallError({ code: 'not-found', message: `No print job ${id} (finished jobs are forgotten after a few minutes)` });
      return job;
    },
    async printPresets() {
      return { presets: listPrintPresets(mirror) };
    },
    async savePrintPreset({ name, spec }) {
      return { id: savePrintPreset(mirror, name.trim(), spec) };
    },
    async deletePrintPreset({ id }) {
      if (!deletePrintPreset(mirror, id)) throw new KioskCallError({ code: 'not-found', message: `No print preset ${id}` });
      return { deleted: true as const };
    },
    async printers() {
      return context.printing.printers();
    },
    async speak({ language, text }) {
      const speaker = await context.speaker();
      if (!speaker || !speaker.speaks(language)) {
        throw new KioskCallError({ code: 'unavailable', message: `No offline voice for ${language} on this kiosk` });
      }
      const wav = await speaker.speak(language, text);
      return { mimeType: 'audio/wav' as const, audio: wav.toString('base64') };
    },
  };
}
