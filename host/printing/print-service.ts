/**
 * Printing for the person and for staff: a document is rendered to PDF by Chromium, handed to the
 * spooler, and followed until it is printed or has failed. The person's screen polls the job and
 * always gets an answer: printed, or a failure it can explain (printer unavailable, limit reached).
 *
 * - A job that certainly did not print (refused by `lp`, or cancelled or aborted before the printer
 *   started on it) is sent once more; a job the printer had started is never sent again.
 * - A job stuck behind a stopped, offline or empty printer is cancelled, so that it cannot come
 *   out later when nobody is waiting for it.
 * - Finished jobs are purged from the spool and its history; the kiosk keeps the job's state for
 *   a few minutes, never what it printed.
 */
import { randomUUID } from 'node:crypto';
import { PAPER_SIZES, type Paper, type PrintDocument, type PrintPage } from '../../common/print/print-document';
import type { JobState, PrinterEntry, PrinterState, Spooler } from './spooler';

export interface RenderedDocument {
  pdf: Buffer;
  widthMm: number;
  heightMm: number;
  pages: number;
}

/** Lays a document out and prints it to PDF (Chromium: headless in the Chromium shell, printToPDF in Electron). */
export interface DocumentRenderer {
  render(page: PrintPage): Promise<RenderedDocument>;
  close(): Promise<void>;
}

export type PrintJobState = 'preparing' | 'queued' | 'printing' | 'printed' | 'failed';
export type PrintFailure = 'limit' | 'printer-unavailable' | 'failed';

export interface PrintJobView {
  id: string;
  kind: PrintDocument['kind'];
  state: PrintJobState;
  /** Why it failed; null unless failed. */
  reason: PrintFailure | null;
  /** Times the document was handed to the spooler (at most 2). */
  attempts: number;
  printer: PrinterState['state'];
}

export interface PrintSettings {
  /** The paper in the kiosk's printer. */
  paper: Paper;
  dpi: number;
  ticketsPerSession: number;
  jobsPerHour: number;
}

export interface PrintTiming {
  pollMs: number;
  /** A job still waiting after this is cancelled (the printer is not taking it). */
  queueTimeoutMs: number;
  /** A job still printing after this is reported failed. */
  printTimeoutMs: number;
  retryDelayMs: number;
  /** Printer state read by `status` is at most this old. */
  stateCacheMs: number;
  /** Finished jobs are forgotten after this. */
  keepJobMs: number;
}

export const DEFAULT_PRINT_TIMING: PrintTiming = {
  pollMs: 250,
  queueTimeoutMs: 30_000,
  printTimeoutMs: 120_000,
  retryDelayMs: 1_000,
  stateCacheMs: 3_000,
  keepJobMs: 10 * 60_000,
};

export interface PrintServiceOptions {
  spooler: Spooler;
  settings: PrintSettings;
  timing?: Partial<PrintTiming>;
  now?: () => number;
  log?: (line: string) => void;
  /** Tests read the PDF Chromium made (its text) before it goes to the spooler. */
  onRendered?: (job: string, document: RenderedDocument) => void;
  /** The bench times a print up to the moment the spooler accepted the job. */
  onSpooled?: (job: string) => void;
  /** Each job once it has ended (the usage counters count what was printed). */
  onFinished?: (job: PrintJobView) => void;
  /** Each fresh reading of the printer (the staff screen's history keeps its changes). */
  onPrinterState?: (state: PrinterState) => void;
}

interface JobRecord {
  view: PrintJobView;
  session: string | null;
  createdAt: number;
  finishedAt: number | null;
  /** Cleared when the job ends: the kiosk does not keep what was printed. */
  page: PrintPage | null;
}

const HOUR_MS = 3_600_000;

export class PrinterNotReadyError extends Error {
  override readonly name = 'PrinterNotReadyError';
}

/** The paper a document is laid out on: tickets follow the printer; lists are the format staff chose. */
export function paperFor(document: PrintDocument, printerPaper: Paper): Paper {
  if (document.kind !== 'list') return printerPaper;
  if (document.list.format === 'ticket') return 'ticket-80mm';
  return printerPaper === 'ticket-80mm' ? 'a4' : printerPaper;
}

/** CUPS media keyword for a rendered page: the sheet's name, or the roll cut to the content. */
export function mediaFor(paper: Paper, heightMm: number): string {
  if (paper === 'a4') return 'A4';
  if (paper === 'a5') return 'A5';
  return `Custom.${PAPER_SIZES[paper].widthMm}x${Math.ceil(heightMm)}mm`;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class PrintService {
  private readonly jobs = new Map<string, JobRecord>();
  private readonly timing: PrintTiming;
  private readonly now: () => number;
  private renderer: DocumentRenderer | null = null;
  private cachedState: { at: number; state: PrinterState } | null = null;

  constructor(private readonly options: PrintServiceOptions) {
    this.timing = { ...DEFAULT_PRINT_TIMING, ...options.timing };
    this.now = options.now ?? Date.now;
  }

  /** The shell sets the renderer once it knows where the print page is served. */
  useRenderer(renderer: DocumentRenderer | null): void {
    this.renderer = renderer;
  }

  get settings(): PrintSettings {
    return this.options.settings;
  }

  /** The system's printers and the kiosk's own, for staff; an unreachable spooler has none. */
  async printers(): Promise<{ printers: PrinterEntry[]; kioskPrinter: string | null }> {
    const [printers, state] = await Promise.all([
      this.options.spooler.printers().catch((error: unknown) => {
        this.options.log?.(`print: the printers could not be listed (${error instanceof Error ? error.message : String(error)})`);
        return [];
      }),
      this.printerState(),
    ]);
    return { printers, kioskPrinter: state.name };
  }

  async printerState(fresh = false): Promise<PrinterState> {
    const cached = this.cachedState;
    if (!fresh && cached && this.now() - cached.at < this.timing.stateCacheMs) return cached.state;
    const state = await this.options.spooler.printer();
    this.cachedState = { at: this.now(), state };
    this.options.onPrinterState?.(state);
    return state;
  }

  job(id: string): PrintJobView | null {
    this.forgetOld();
    const record = this.jobs.get(id);
    return record ? { ...record.view } : null;
  }

  /** Creates the job and starts it; the answer comes at once (the screen follows the job). */
  print(document: PrintDocument, session: string | null): PrintJobView {
    this.forgetOld();
    const record: JobRecord = {
      view: { id: randomUUID(), kind: document.kind, state: 'preparing', reason: null, attempts: 0, printer: this.cachedState?.state.state ?? 'idle' },
      session,
      createdAt: this.now(),
      finishedAt: null,
      page: { document, paper: paperFor(document, this.settings.paper), dpi: this.settings.dpi },
    };
    this.jobs.set(record.view.id, record);
    if (this.overLimit(record)) {
      this.finish(record, 'failed', 'limit');
    } else {
      void this.run(record).catch((error: unknown) => {
        this.options.log?.(`print job failed: ${error instanceof Error ? error.message : String(error)}`);
        this.finish(record, 'failed', 'failed');
      });
    }
    return { ...record.view };
  }

  async close(): Promise<void> {
    await this.renderer?.close();
  }

  private overLimit(record: JobRecord): boolean {
    const counted = [...this.jobs.values()].filter(
      (other) => other !== record && !(other.view.state === 'failed' && other.view.attempts === 0),
    );
    const lastHour = counted.filter((other) => this.now() - other.createdAt < HOUR_MS);
    if (lastHour.length >= this.settings.jobsPerHour) return true;
    if (record.view.kind !== 'ticket' || record.session === null) return false;
    return counted.filter((other) => other.session === record.session && other.view.kind === 'ticket').length >= this.settings.ticketsPerSession;
  }

  private forgetOld(): void {
    for (const [id, record] of this.jobs) {
      // Jobs count against the hourly limit for an hour, then are forgotten.
      const end = Math.max(record.createdAt + HOUR_MS, (record.finishedAt ?? Infinity) + this.timing.keepJobMs);
      if (record.finishedAt !== null && this.now() > end) this.jobs.delete(id);
    }
  }

  private finish(record: JobRecord, state: 'printed' | 'failed', reason: PrintFailure | null): void {
    record.view.state = state;
    record.view.reason = reason;
    record.finishedAt = this.now();
    record.page = null;
    try {
      this.options.onFinished?.({ ...record.view });
    } catch (error) {
      // Counting what was printed never changes what happened to the job.
      this.options.log?.(`print: the job's end could not be recorded (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  private async run(record: JobRecord): Promise<void> {
    const { spooler } = this.options;
    const before = await this.printerState(true);
    record.view.printer = before.state;
    if (!before.ready || !this.renderer) {
      this.finish(record, 'failed', 'printer-unavailable');
      return;
    }
    const page = record.page as PrintPage;
    const rendered = await this.renderer.render(page);
    this.options.onRendered?.(record.view.id, rendered);
    const spool = { media: mediaFor(page.paper, rendered.heightMm), title: `Borne Soliguide ${page.document.kind}`, page };
    for (;;) {
      record.view.attempts += 1;
      let cupsJob: number;
      try {
        cupsJob = await spooler.submit(rendered.pdf, spool);
        record.view.state = 'queued';
        this.options.onSpooled?.(record.view.id);
      } catch (error) {
        const printer = await this.printerState(true);
        record.view.printer = printer.state;
        this.options.log?.(`print: the spooler refused the job (${error instanceof Error ? error.message : String(error)})`);
        if (printer.ready && record.view.attempts < 2) {
          await sleep(this.timing.retryDelayMs);
          continue;
        }
        this.finish(record, 'failed', printer.ready ? 'failed' : 'printer-unavailable');
        return;
      }
      const outcome = await this.follow(record, cupsJob);
      await spooler.cancel(cupsJob, true).catch(() => undefined);
      if (outcome === 'printed') {
        this.finish(record, 'printed', null);
        return;
      }
      if (outcome === 'retry' && record.view.attempts < 2) {
        await sleep(this.timing.retryDelayMs);
        continue;
      }
      this.finish(record, 'failed', outcome === 'unavailable' ? 'printer-unavailable' : 'failed');
      return;
    }
  }

  /** Watches one spooler job until it ends: printed, to send again (it never started), or failed. */
  private async follow(record: JobRecord, cupsJob: number): Promise<'printed' | 'retry' | 'unavailable' | 'failed'> {
    const { spooler } = this.options;
    const submittedAt = this.now();
    let startedAt: number | null = null;
    for (;;) {
      let state: JobState;
      try {
        state = await spooler.job(cupsJob);
      } catch {
        record.view.printer = (await this.printerState(true).catch(() => null))?.state ?? 'no-spooler';
        return 'unavailable';
      }
      if (state === 'completed') return 'printed';
      if (state === 'processing') {
        startedAt ??= this.now();
        record.view.state = 'printing';
        if (this.now() - startedAt > this.timing.printTimeoutMs) return 'failed';
      } else if (state === 'pending' || state === 'held') {
        const printer = await this.printerState(true);
        record.view.printer = printer.state;
        // Waiting behind a printer that cannot print: cancelled now rather than printed later.
        if (!printer.ready) return 'unavailable';
        if (this.now() - submittedAt > this.timing.queueTimeoutMs) return 'unavailable';
      } else {
        // stopped, canceled, aborted or gone from the spooler.
        const printer = await this.printerState(true);
        record.view.printer = printer.state;
        // Gone without an outcome: a spooler that keeps no history drops jobs as soon as they
        // are done. Taken as printed rather than risk printing twice.
        if (state === 'gone') return startedAt !== null || printer.ready ? 'printed' : 'unavailable';
        if (startedAt !== null) return 'failed';
        return printer.ready ? 'retry' : 'unavailable';
      }
      await sleep(this.timing.pollMs);
    }
  }
}
