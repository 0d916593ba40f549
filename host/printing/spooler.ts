/** What the print service needs from a spooler: CUPS on Linux (cups-spooler.ts); a fake in unit tests. */
import type { PRINTER_STATES } from '../../common/contract/kiosk-api';
import type { PrintPage } from '../../common/print/print-document';

/** The printer as the kiosk reports it: to the person (ready or not), to staff and the heartbeat. */
export interface PrinterState {
  /** The CUPS queue; null when none is named and there is no default. */
  name: string | null;
  state: (typeof PRINTER_STATES)[number];
  /** CUPS's printer-state-reasons (e.g. media-empty-error), for staff. */
  reasons: string[];
  /** A job sent now would print. */
  ready: boolean;
}

export type JobState = 'pending' | 'held' | 'processing' | 'stopped' | 'canceled' | 'aborted' | 'completed' | 'gone';

/** IPP job-state enum (RFC 8011 §5.3.7). */
export const IPP_JOB_STATES: Record<number, JobState> = {
  3: 'pending',
  4: 'held',
  5: 'processing',
  6: 'stopped',
  7: 'canceled',
  8: 'aborted',
  9: 'completed',
};

export interface SpoolOptions {
  /** CUPS media keyword: A4, A5 or Custom.80x143mm. */
  media: string;
  /** Job name; never anything about the person or the place (CUPS keeps job names in its logs). */
  title: string;
  /** The document itself, for spoolers that print the page rather than its PDF (Electron on Windows). */
  page: PrintPage;
}

/** A printer the system knows, for the staff screen. */
export interface PrinterEntry {
  name: string;
  /** The name people see (Windows' display name, CUPS's printer-info). */
  label: string;
  isDefault: boolean;
}

export interface Spooler {
  printer(): Promise<PrinterState>;
  /** Returns the spooler's job id once the job is accepted. */
  submit(pdf: Buffer, options: SpoolOptions): Promise<number>;
  job(id: number): Promise<JobState>;
  cancel(id: number, purge: boolean): Promise<void>;
  /** Every printer the system knows (the staff screen lets staff check the kiosk's is there). */
  printers(): Promise<PrinterEntry[]>;
}
