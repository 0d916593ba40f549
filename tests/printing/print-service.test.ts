/**
 * The print service's rules against a scripted spooler (CUPS's job and printer states, in the
 * order a real queue goes through them) and a stand-in renderer: what is retried, what is never
 * sent twice, what is cancelled, what the limits refuse. The real CUPS path is cups-printing.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { PrintDocument } from '../../common/print/print-document';
import { PrintService, type DocumentRenderer, type PrintJobView } from '../../host/printing/print-service';
import type { JobState, PrinterState, Spooler } from '../../host/printing/spooler';

const READY: PrinterState = { name: 'Q', state: 'idle', reasons: [], ready: true };
const STOPPED: PrinterState = { name: 'Q', state: 'stopped', reasons: ['paused'], ready: false };

class ScriptedSpooler implements Spooler {
  submitted: number[] = [];
  cancelled: { id: number; purge: boolean }[] = [];
  /** The printer's state from now on (tests change it between jobs). */
  printerNow: PrinterState;
  private readonly polls = new Map<number, number>();
  private printerReads = 0;
  private calls = 0;

  constructor(
    /** Each accepted submission's job states, one per poll; the last one repeats. */
    private readonly jobs: JobState[][],
    /** Printer states read one after the other, before `printerNow` takes over. */
    private readonly printerScript: PrinterState[] = [],
    /** Submissions (1 = the first call) that `lp` refuses. */
    private readonly refused: number[] = [],
  ) {
    this.printerNow = READY;
  }

  async printer(): Promise<PrinterState> {
    const state = this.printerScript[this.printerReads] ?? this.printerNow;
    this.printerReads += 1;
    return state;
  }

  async printers() {
    return [{ name: 'Q', label: 'Ticket printer', isDefault: true }];
  }

  async submit(): Promise<number> {
    this.calls += 1;
    if (this.refused.includes(this.calls)) throw new Error('lp: Unable to connect to the scheduler');
    const id = 100 + this.submitted.length;
    this.submitted.push(id);
    return id;
  }

  async job(id: number): Promise<JobState> {
    const script = this.jobs[id - 100] ?? ['completed'];
    const poll = this.polls.get(id) ?? 0;
    this.polls.set(id, poll + 1);
    return script[Math.min(poll, script.length - 1)] as JobState;
  }

  async cancel(id: number, purge: boolean): Promise<void> {
    this.cancelled.push({ id, purge });
  }
}

const renderer = (): DocumentRenderer & { renders: number } => ({
  renders: 0,
  async render() {
    this.renders += 1;
    return { pdf: Buffer.from('%PDF-1.4 test'), widthMm: 80, heightMm: 200, pages: 1 };
  },
  async close() {},
});

const TICKET: PrintDocument = { kind: 'ticket', placeId: 7, language: 'fr' };
const LIST: PrintDocument = {
  kind: 'list',
  list: { categories: ['food'], radiusMetres: 1000, openOn: null, language: 'fr', format: 'sheet' },
};

function service(spooler: Spooler, options: { ticketsPerSession?: number; jobsPerHour?: number; now?: () => number } = {}) {
  const printing = new PrintService({
    spooler,
    settings: { paper: 'ticket-80mm', dpi: 203, ticketsPerSession: options.ticketsPerSession ?? 5, jobsPerHour: options.jobsPerHour ?? 60 },
    timing: { pollMs: 1, retryDelayMs: 1, queueTimeoutMs: 200, printTimeoutMs: 500, stateCacheMs: 0 },
    now: options.now,
  });
  const paint = renderer();
  printing.useRenderer(paint);
  return { printing, paint };
}

async function settle(printing: PrintService, job: PrintJobView): Promise<PrintJobView> {
  for (let i = 0; i < 2000; i += 1) {
    const view = printing.job(job.id) as PrintJobView;
    if (view.state === 'printed' || view.state === 'failed') return view;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error('the job never ended');
}

describe('the print service', () => {
  it('prints a job that goes pending → processing → completed, then purges it from the spooler', async () => {
    const spooler = new ScriptedSpooler([['pending', 'processing', 'completed']]);
    const { printing } = service(spooler);
    const done = await settle(printing, printing.print(TICKET, 'session-a'));
    expect(done).toMatchObject({ state: 'printed', reason: null, attempts: 1 });
    expect(spooler.cancelled).toEqual([{ id: 100, purge: true }]);
  });

  it('sends again, once, a job cancelled before the printer started on it', async () => {
    const spooler = new ScriptedSpooler([['pending', 'canceled'], ['pending', 'processing', 'completed']]);
    const { printing } = service(spooler);
    const done = await settle(printing, printing.print(TICKET, 'session-a'));
    expect(done).toMatchObject({ state: 'printed', attempts: 2 });
    expect(spooler.submitted).toEqual([100, 101]);
  });

  it('never sends a third time', async () => {
    const spooler = new ScriptedSpooler([['aborted'], ['canceled'], ['completed']]);
    const { printing } = service(spooler);
    const done = await settle(printing, printing.print(TICKET, 'session-a'));
    expect(done).toMatchObject({ state: 'failed', reason: 'failed', attempts: 2 });
    expect(spooler.submitted).toEqual([100, 101]);
  });

  it('never sends again a job the printer had started: it may have printed', async () => {
    const spooler = new ScriptedSpooler([['processing', 'aborted'], ['completed']]);
    const { printing } = service(spooler);
    const done = await settle(printing, printing.print(TICKET, 'session-a'));
    expect(done).toMatchObject({ state: 'failed', reason: 'failed', attempts: 1 });
    expect(spooler.submitted).toEqual([100]);
  });

  it('cancels a job waiting behind a printer that stopped, so that it cannot come out later', async () => {
    const spooler = new ScriptedSpooler([['pending']], [READY, READY, STOPPED]);
    const { printing } = service(spooler);
    const done = await settle(printing, printing.print(TICKET, 'session-a'));
    expect(done).toMatchObject({ state: 'failed', reason: 'printer-unavailable', printer: 'stopped', attempts: 1 });
    expect(spooler.cancelled).toEqual([{ id: 100, purge: true }]);
  });

  it('cancels a job still waiting after the queue timeout', async () => {
    const spooler = new ScriptedSpooler([['pending']]);
    const { printing } = service(spooler);
    const done = await settle(printing, printing.print(TICKET, 'session-a'));
    expect(done).toMatchObject({ state: 'failed', reason: 'printer-unavailable', attempts: 1 });
    expect(spooler.cancelled.map((c) => c.id)).toEqual([100]);
  });

  it('sends again, once, a job `lp` refused while the printer was ready', async () => {
    const spooler = new ScriptedSpooler([['completed']], [], [1]);
    const { printing } = service(spooler);
    expect(await settle(printing, printing.print(TICKET, 'session-a'))).toMatchObject({ state: 'printed', attempts: 2 });
    expect(spooler.submitted).toEqual([100]);
  });

  it('does not send again a job `lp` refused because the queue stopped taking jobs', async () => {
    const spooler = new ScriptedSpooler([['completed']], [READY, { name: 'Q', state: 'not-accepting', reasons: [], ready: false }], [1]);
    const { printing } = service(spooler);
    expect(await settle(printing, printing.print(TICKET, 'session-a'))).toMatchObject({ state: 'failed', reason: 'printer-unavailable', attempts: 1 });
    expect(spooler.submitted).toEqual([]);
  });

  it('does not render or send anything when the printer is not ready', async () => {
    const spooler = new ScriptedSpooler([['completed']], [{ name: 'Q', state: 'out-of-paper', reasons: ['media-empty-error'], ready: false }]);
    const { printing, paint } = service(spooler);
    const done = await settle(printing, printing.print(TICKET, 'session-a'));
    expect(done).toMatchObject({ state: 'failed', reason: 'printer-unavailable', printer: 'out-of-paper', attempts: 0 });
    expect(paint.renders).toBe(0);
    expect(spooler.submitted).toEqual([]);
  });

  it('takes a job gone from a spooler that keeps no history as printed, not as a reason to send it again', async () => {
    const spooler = new ScriptedSpooler([['gone']]);
    const { printing } = service(spooler);
    const done = await settle(printing, printing.print(TICKET, 'session-a'));
    expect(done).toMatchObject({ state: 'printed', attempts: 1 });
    expect(spooler.submitted).toEqual([100]);
  });

  it('says the printer is unavailable when no renderer is set (no Chromium)', async () => {
    const spooler = new ScriptedSpooler([['completed']]);
    const printing = new PrintService({ spooler, settings: { paper: 'a4', dpi: 300, ticketsPerSession: 5, jobsPerHour: 60 } });
    const done = await settle(printing, printing.print(TICKET, 'session-a'));
    expect(done).toMatchObject({ state: 'failed', reason: 'printer-unavailable', attempts: 0 });
  });

  it('counts tickets per session; failures before anything was sent do not count', async () => {
    const spooler = new ScriptedSpooler([['completed'], ['completed'], ['completed']]);
    const { printing } = service(spooler, { ticketsPerSession: 2 });
    expect((await settle(printing, printing.print(TICKET, 'one'))).state).toBe('printed');
    spooler.printerNow = STOPPED;
    expect(await settle(printing, printing.print(TICKET, 'one'))).toMatchObject({ state: 'failed', reason: 'printer-unavailable', attempts: 0 });
    spooler.printerNow = READY;
    expect((await settle(printing, printing.print(TICKET, 'one'))).state).toBe('printed');
    expect(printing.print(TICKET, 'one')).toMatchObject({ state: 'failed', reason: 'limit', attempts: 0 });
    expect((await settle(printing, printing.print(TICKET, 'two'))).state).toBe('printed');
  });

  it('refuses jobs over the hourly limit, and takes them again an hour later', async () => {
    let now = 1_000_000;
    const spooler = new ScriptedSpooler([['completed'], ['completed'], ['completed']]);
    const { printing } = service(spooler, { jobsPerHour: 2, now: () => now });
    await settle(printing, printing.print(LIST, null));
    await settle(printing, printing.print(LIST, null));
    expect(printing.print(LIST, null)).toMatchObject({ state: 'failed', reason: 'limit' });
    now += 3_600_001;
    expect((await settle(printing, printing.print(LIST, null))).state).toBe('printed');
  });
});
