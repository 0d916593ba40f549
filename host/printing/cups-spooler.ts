/**
 * The kiosk's printer through CUPS: a document goes in with `lp` (from standard input: no file
 * of what a person printed is ever written by the kiosk), its state and the printer's are read
 * over IPP, and a finished job is purged from the spool and the job history.
 */
import { spawn } from 'node:child_process';
import { CupsIpp, CupsUnreachableError } from './cups-ipp';
import { IPP_JOB_STATES, type JobState, type PrinterEntry, type PrinterState, type Spooler, type SpoolOptions } from './spooler';

/** What a CUPS printer's state and reasons mean for the person in front of the kiosk. */
export function printerStateOf(name: string, values: Map<string, unknown[]> | null): PrinterState {
  if (values === null) return { name, state: 'missing', reasons: [], ready: false };
  const reasons = ((values.get('printer-state-reasons') ?? []) as string[]).filter((reason) => reason !== 'none');
  const accepting = values.get('printer-is-accepting-jobs')?.[0] !== false;
  const ippState = values.get('printer-state')?.[0] as number | undefined;
  const has = (pattern: RegExp): boolean => reasons.some((reason) => pattern.test(reason));
  let state: PrinterState['state'];
  if (!accepting) state = 'not-accepting';
  else if (has(/^media-(empty|needed)(-error|-report)?$/)) state = 'out-of-paper';
  else if (has(/^(offline|shutdown|timed-out)(-error|-report)?$/)) state = 'offline';
  else if (ippState === 5 || has(/-error$/)) state = 'stopped';
  else if (ippState === 4) state = 'printing';
  else state = 'idle';
  return { name, state, reasons, ready: state === 'idle' || state === 'printing' };
}

export class LpError extends Error {
  override readonly name = 'LpError';
}

/** `lp`'s answer: "request id is KioskPDF-12 (1 file(s))". */
export function jobIdOfLpOutput(output: string): number | null {
  const match = /request id is .*-(\d+) \(/.exec(output);
  return match ? Number(match[1]) : null;
}

export function lpArguments(printer: string, options: Pick<SpoolOptions, 'media' | 'title'>): string[] {
  return [
    '-d',
    printer,
    '-t',
    options.title,
    '-o',
    `media=${options.media}`,
    // The document is already laid out for the paper: no scaling, no extra margins or banners.
    '-o',
    'print-scaling=none',
    '-o',
    'job-sheets=none,none',
    '--',
    '-',
  ];
}

export interface CupsSpoolerOptions {
  /** The queue to print to; the system default destination when null. */
  printer: string | null;
  ipp?: CupsIpp;
  /** The `lp` program (tests may point to another). */
  lp?: string;
}

export class CupsSpooler implements Spooler {
  private readonly ipp: CupsIpp;

  constructor(private readonly options: CupsSpoolerOptions) {
    this.ipp = options.ipp ?? new CupsIpp();
  }

  private async printerName(): Promise<string | null> {
    return this.options.printer ?? (await this.ipp.defaultPrinter());
  }

  async printer(): Promise<PrinterState> {
    let name: string | null = this.options.printer;
    try {
      name = await this.printerName();
      if (name === null) return { name: null, state: 'missing', reasons: ['no-default-printer'], ready: false };
      return printerStateOf(name, await this.ipp.printer(name));
    } catch (error) {
      if (!(error instanceof CupsUnreachableError)) throw error;
      return { name, state: 'no-spooler', reasons: [error.message], ready: false };
    }
  }

  async submit(pdf: Buffer, options: SpoolOptions): Promise<number> {
    const name = await this.printerName();
    if (name === null) throw new LpError('No printer named in the config and no default printer in CUPS');
    const child = spawn(this.options.lp ?? 'lp', lpArguments(name, options), {
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdin.on('error', () => undefined);
    child.stdin.end(pdf);
    const code = await new Promise<number>((resolve) => {
      child.on('error', (error) => {
        err += error.message;
        resolve(127);
      });
      child.on('close', (status) => resolve(status ?? 1));
    });
    const id = jobIdOfLpOutput(out);
    if (code !== 0 || id === null) throw new LpError((err || out).trim() || `lp exited with ${code}`);
    return id;
  }

  async job(id: number): Promise<JobState> {
    const state = await this.ipp.jobState(id);
    return state === null ? 'gone' : (IPP_JOB_STATES[state] ?? 'gone');
  }

  async printers(): Promise<PrinterEntry[]> {
    const [printers, byDefault] = await Promise.all([this.ipp.printers(), this.ipp.defaultPrinter()]);
    return printers.map(({ name, info }) => ({ name, label: info ?? name, isDefault: name === byDefault }));
  }

  async cancel(id: number, purge: boolean): Promise<void> {
    await this.ipp.cancel(id, purge);
  }
}
