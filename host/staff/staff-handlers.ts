/**
 * The staff calls and the usage events (contract: common/contract/staff-api.ts). The dispatcher
 * has already refused staff calls without a valid token; these handlers answer from the mirror,
 * the usage store, the print service, the sync scheduler and the fleet clients.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KioskApi, KioskResponse } from '../../common/contract/kiosk-api';
import { KioskCallError } from '../../common/contract/errors';
import { SEARCH_KEY_ALL, SEARCH_KEY_WORDS } from '../../common/contract/staff-api';
import type { KioskConfig } from '../../kiosk-config/config-schema';
import type { MirrorDatabase } from '../../sync/mirror-database';
import type { QualityIndex } from '../../sync/quality/quality-index';
import { lastDays, usageBetween, usageCsv } from '../../sync/usage/usage-counters';
import { printerIncidents } from '../../sync/usage/printer-events';
import type { UsageRecorder } from '../../sync/usage/usage-recorder';
import type { PrintService } from '../printing/print-service';
import type { StaffAuth } from './staff-auth';
import { staffReports, reportsCsv } from './staff-reports';
import { dataStatus } from './data-status';

/** What "sync now" needs from the scheduler; null where the kiosk does not sync (the demo). */
export interface SyncControl {
  trigger: (kind: 'full' | 'light') => 'started' | 'running';
  running: () => boolean;
  nextRuns: () => Date[];
}

export type StaffOverview = KioskResponse<'staffOverview'>;

export interface StaffContext {
  config: KioskConfig;
  mirror: MirrorDatabase;
  /** The usage store and its writer (the kiosk's day, the daily housekeeping). */
  usage: UsageRecorder;
  now: () => Date;
  version: string;
  printing: PrintService;
  auth: StaffAuth;
  sync: SyncControl | null;
  remoteSettings: () => StaffOverview['remoteSettings'];
  /** The app updater's state, when the shell has one. */
  updates: () => StaffOverview['kiosk']['updates'];
  quality: () => Promise<QualityIndex>;
  exportDirectory: string;
}

type StaffMethods = 'usage' | 'staffUnlock' | 'staffLock' | 'staffOverview' | 'staffSync' | 'staffReports' | 'staffExport' | 'staffUsage' | 'staffTestPrint';

/** Printer incidents shown to staff: the last 30 days. */
const INCIDENT_DAYS = 30;

/** Writes a file whole or not at all (a stick pulled out mid-write leaves no half CSV under the name). */
function writeWhole(directory: string, file: string, text: string): void {
  mkdirSync(directory, { recursive: true });
  const temporary = join(directory, `.${file}.part`);
  writeFileSync(temporary, text, 'utf8');
  renameSync(temporary, join(directory, file));
}

export function createStaffHandlers(context: StaffContext): Pick<KioskApi, StaffMethods> {
  const { config, mirror } = context;
  const { store: usage, today } = context.usage;
  const count = context.usage.count.bind(context.usage);
  const knownCategory = mirror.prepare<[string], number>('SELECT 1 FROM categories WHERE id = ?').pluck();

  return {
    async usage(event) {
      switch (event.event) {
        case 'session':
          count('session');
          count('language', event.language);
          break;
        case 'idle-reset':
          count('idle-reset');
          break;
        case 'language':
          count('language', event.language);
          break;
        case 'place-view':
          count('place-view');
          break;
        case 'search': {
          if (event.category !== null && knownCategory.get(event.category) === undefined) {
            throw new KioskCallError({ code: 'invalid-request', message: `No category ${event.category} in the mirror` });
          }
          const key = event.category ?? (event.text ? SEARCH_KEY_WORDS : SEARCH_KEY_ALL);
          count('search', key);
          if (!event.found) count('no-result', key);
          break;
        }
      }
      return { counted: true as const };
    },
    async staffUnlock({ pin }) {
      return context.auth.unlock(pin);
    },
    async staffLock(_request, call) {
      return { locked: call?.staffToken ? context.auth.lock(call.staffToken) : false };
    },
    async staffOverview() {
      const now = context.now();
      const printer = await context.printing.printerState(true);
      return {
        kiosk: { id: config.kiosk.id, name: config.kiosk.name, version: context.version, channel: config.updates.channel, updates: context.updates() },
        data: {
          ...dataStatus(mirror, config.demo),
          syncing: context.sync?.running() ?? false,
          canSync: context.sync !== null,
          nextRuns: (context.sync?.nextRuns() ?? []).map((date) => date.toISOString()).sort(),
        },
        printer: {
          ...printer,
          paper: config.printer.paper,
          incidents: printerIncidents(usage, new Date(now.getTime() - INCIDENT_DAYS * 86_400_000)).slice(0, 100),
        },
        remoteSettings: context.remoteSettings(),
        exportDirectory: context.exportDirectory,
        quality: await context.quality(),
      };
    },
    async staffSync({ kind }) {
      if (!context.sync) return { started: false, reason: 'unavailable' as const };
      const outcome = context.sync.trigger(kind);
      return outcome === 'started' ? { started: true, reason: null } : { started: false, reason: 'running' as const };
    },
    async staffReports() {
      const { reports, total } = staffReports(mirror);
      return { reports: reports.map(({ seoUrl: _, ...report }) => report), total };
    },
    async staffExport({ what }) {
      const day = today();
      let text: string;
      let rows: number;
      if (what === 'reports') {
        const { reports } = staffReports(mirror, null);
        text = reportsCsv(reports);
        rows = reports.length;
      } else {
        const all = usageBetween(usage, '0000-01-01', day);
        text = usageCsv(all);
        rows = all.length;
      }
      const file = `${what === 'reports' ? 'signalements' : 'frequentation'}-${config.kiosk.id}-${day}.csv`;
      try {
        writeWhole(context.exportDirectory, file, text);
      } catch (error) {
        throw new KioskCallError({
          code: 'unavailable',
          message: `The export could not be written to ${context.exportDirectory} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        });
      }
      return { directory: context.exportDirectory, file, rows };
    },
    async staffUsage({ days }) {
      const [from, to] = lastDays(today(), days ?? 30);
      return { from, to, rows: usageBetween(usage, from, to) };
    },
    async staffTestPrint() {
      return context.printing.print({ kind: 'test' }, null);
    },
  };
}
