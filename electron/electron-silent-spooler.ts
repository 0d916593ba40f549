/**
 * Printing where there is no CUPS (Windows): the print page is loaded again in a hidden window of
 * the app's origin and printed by Chromium's own print path, `webContents.print({ silent })`, to
 * the configured printer (or the system default) at the page size the page asks for. The PDF the
 * print service made first still gives the page count and the roll's height.
 *
 * What Windows tells through Electron is less than CUPS tells: the printer is listed or it is not
 * (no paper-out), and a job is done once Chromium handed it to the Windows spooler. Written
 * against the few window methods it uses, so that tests pass fakes.
 */
import type { PrintLayout } from '../common/print/print-document';
import type { JobState, PrinterEntry, PrinterState, Spooler, SpoolOptions } from '../host/printing/spooler';
import { loadPrintPage, type PrintWindowLike } from './electron-printing';

const MICRONS_PER_MM = 1000;
/** Chromium's print margins are CSS pixels (96 per inch). */
const PX_PER_MM = 96 / 25.4;

/** Electron's `WebContentsPrintOptions`, the part we set. */
export interface SilentPrintOptions {
  silent: true;
  printBackground: true;
  deviceName?: string;
  pageSize: { width: number; height: number };
  margins: { marginType: 'custom'; top: number; right: number; bottom: number; left: number };
  /** The page already carries its own text; no browser header (title, URL) or footer. */
  header: '';
  footer: '';
}

export interface SilentPrintWindowLike extends Pick<PrintWindowLike, 'loadURL' | 'destroy'> {
  webContents: PrintWindowLike['webContents'] & {
    print(options: SilentPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
  };
}

/** Electron's `PrinterInfo` (from `webContents.getPrintersAsync()`). */
export interface PrinterInfoLike {
  name: string;
  displayName: string;
}

export function silentPrintOptionsOf(layout: PrintLayout, deviceName: string | null): SilentPrintOptions {
  const px = (mm: number): number => Math.round(mm * PX_PER_MM);
  return {
    silent: true,
    printBackground: true,
    ...(deviceName ? { deviceName } : {}),
    pageSize: { width: Math.round(layout.widthMm * MICRONS_PER_MM), height: Math.round(layout.heightMm * MICRONS_PER_MM) },
    margins: {
      marginType: 'custom',
      top: px(layout.marginMm.top),
      right: px(layout.marginMm.right),
      bottom: px(layout.marginMm.bottom),
      left: px(layout.marginMm.left),
    },
    header: '',
    footer: '',
  };
}

export interface SilentSpoolerOptions {
  origin: string;
  /** The config's printer.name; the system default when null. */
  printer: string | null;
  openWindow: () => SilentPrintWindowLike;
  listPrinters: () => Promise<PrinterInfoLike[]>;
  timeoutMs?: number;
}

export class ElectronSilentSpooler implements Spooler {
  private readonly outcomes = new Map<number, JobState>();
  private nextId = 1;

  constructor(private readonly options: SilentSpoolerOptions) {}

  /**
   * The configured printer if Windows lists it; with none configured, the system default, which
   * Electron does not name (its PrinterInfo has no default flag): any listed printer will do.
   */
  private async target(): Promise<{ ready: boolean }> {
    const list = await this.options.listPrinters();
    const wanted = this.options.printer;
    return { ready: wanted === null ? list.length > 0 : list.some((printer) => printer.name === wanted) };
  }

  async printer(): Promise<PrinterState> {
    const { ready } = await this.target();
    return { name: this.options.printer, state: ready ? 'idle' : 'missing', reasons: [], ready };
  }

  async printers(): Promise<PrinterEntry[]> {
    const list = await this.options.listPrinters();
    return list.map((printer) => ({ name: printer.name, label: printer.displayName || printer.name, isDefault: false }));
  }

  async submit(_pdf: Buffer, spool: SpoolOptions): Promise<number> {
    if (!(await this.target()).ready) throw new Error(`No printer ${this.options.printer ?? '(system default)'} on this system`);
    const window = this.options.openWindow();
    try {
      const layout = await loadPrintPage(window, spool.page, { origin: this.options.origin, timeoutMs: this.options.timeoutMs });
      const failure = await new Promise<string | null>((resolve) => {
        window.webContents.print(silentPrintOptionsOf(layout, this.options.printer), (success, reason) => resolve(success ? null : reason || 'Print job failed'));
      });
      if (failure !== null) throw new Error(`Windows printing failed: ${failure}`);
      const id = this.nextId++;
      // Handed to the Windows spooler: Electron tells no more than that.
      this.outcomes.set(id, 'completed');
      return id;
    } finally {
      window.destroy();
    }
  }

  async job(id: number): Promise<JobState> {
    return this.outcomes.get(id) ?? 'gone';
  }

  async cancel(id: number): Promise<void> {
    this.outcomes.delete(id);
  }
}
