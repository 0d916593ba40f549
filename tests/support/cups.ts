/**
 * A real CUPS for the printing tests: the scheduler started if it is not running, a virtual PDF
 * printer (cups-pdf) per test file, and the PDFs it writes picked up, rasterised and read.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { requireProgram } from './system';

const INSTALL = 'apt-get install -y cups printer-driver-cups-pdf poppler-utils';
const PPD = 'lsb/usr/cups-pdf/CUPS-PDF_opt.ppd';

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

const schedulerRunning = (): boolean => spawnSync('lpstat', ['-r'], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } }).stdout.includes('is running');

/** Fails with the install command when a piece is missing; starts cupsd when it is not running. */
export async function requireCups(): Promise<void> {
  for (const program of ['lp', 'lpadmin', 'lpstat', 'cupsenable', 'cupsreject', 'pdftoppm', 'pdftotext', 'pdfinfo']) requireProgram(program, INSTALL);
  if (!existsSync('/usr/lib/cups/backend/cups-pdf')) throw new Error(`The cups-pdf backend is not installed. Install it with: ${INSTALL}`);
  if (schedulerRunning()) return;
  const cupsd = ['/usr/sbin/cupsd', '/sbin/cupsd'].find((path) => existsSync(path));
  if (!cupsd) throw new Error(`cupsd is not installed. Install it with: ${INSTALL}`);
  if (process.getuid?.() !== 0) throw new Error('The CUPS scheduler is not running: start it (sudo systemctl start cups, or sudo cupsd)');
  run(cupsd, []);
  for (let i = 0; i < 50 && !schedulerRunning(); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  if (!schedulerRunning()) throw new Error('cupsd was started but the scheduler does not answer (lpstat -r)');
}

/** Where cups-pdf writes the jobs of this user (its default `Out ${HOME}/PDF`). */
export const PDF_OUT = join(homedir(), 'PDF');

export function addVirtualPrinter(name: string): void {
  // lpadmin warns that PPD drivers are deprecated; the queue works.
  run('lpadmin', ['-p', name, '-v', 'cups-pdf:/', '-E', '-m', PPD]);
}

export function removePrinter(name: string): void {
  spawnSync('lpadmin', ['-x', name]);
}

export const disablePrinter = (name: string): string => run('cupsdisable', [name]);
export const enablePrinter = (name: string): string => run('cupsenable', [name]);
export const rejectJobs = (name: string): string => run('cupsreject', [name]);
export const acceptJobs = (name: string): string => run('cupsaccept', [name]);

/** Jobs CUPS still has for a queue (not completed). */
export function pendingJobs(name: string): string[] {
  return run('lpstat', ['-o', name]).split('\n').filter((line) => line.startsWith(`${name}-`));
}

/** cups-pdf files that exist now, to tell the new ones apart. */
export function pdfFiles(): Set<string> {
  return new Set(existsSync(PDF_OUT) ? readdirSync(PDF_OUT) : []);
}

/** The PDFs cups-pdf wrote since `before`, waiting up to `timeoutMs` for `count` of them. */
export async function newPdfs(before: Set<string>, count = 1, timeoutMs = 15_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = [...pdfFiles()].filter((file) => !before.has(file) && file.endsWith('.pdf')).sort();
    // cups-pdf writes the file, then renames nothing: wait until pdfinfo can read it whole.
    const complete = found.filter((file) => spawnSync('pdfinfo', [join(PDF_OUT, file)]).status === 0);
    if (complete.length >= count) return complete.map((file) => join(PDF_OUT, file));
    if (Date.now() > deadline) throw new Error(`expected ${count} new PDF(s) in ${PDF_OUT}, found ${complete.length}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

export function pdfPageSizesMm(file: string): { widthMm: number; heightMm: number }[] {
  const info = run('pdfinfo', ['-f', '1', '-l', '999', file]);
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({
    widthMm: (Number(m[1]) * 25.4) / 72,
    heightMm: (Number(m[2]) * 25.4) / 72,
  }));
}

/** Text of each page (form feeds split pages in pdftotext's output). */
export function pdfPagesText(pdf: Buffer | string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-text-'));
  try {
    const file = typeof pdf === 'string' ? pdf : join(dir, 'in.pdf');
    if (typeof pdf !== 'string') writeFileSync(file, pdf);
    return run('pdftotext', ['-layout', file, '-']).split('\f').filter((page, index, all) => index < all.length - 1 || page.trim() !== '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each page as a PNG at `dpi`. */
export function rasterise(file: string, dpi: number): PNG[] {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-png-'));
  try {
    run('pdftoppm', ['-r', String(dpi), '-png', file, join(dir, 'page')]);
    return readdirSync(dir)
      .sort()
      .map((name) => PNG.sync.read(readFileSync(join(dir, name))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Every QR code on a page. jsQR reads one code per image and gives up when two are in view, so
 * the page is read through overlapping windows a little larger than a code (`codeSidePx`).
 */
export function decodeAllQr(page: PNG, codeSidePx: number): string[] {
  // A window half again a code's side, moved by a quarter window, holds every code whole at
  // least once, and rarely a second whole code.
  const side = Math.min(Math.ceil(codeSidePx * 1.5), page.width, page.height);
  const step = Math.max(16, Math.floor(side / 4));
  const found = new Set<string>();
  const window = new Uint8ClampedArray(side * side * 4);
  // Dark pixels summed over the page, to skip windows too light to hold a whole code (text, margins).
  const width = page.width + 1;
  const dark = new Uint32Array(width * (page.height + 1));
  for (let y = 0; y < page.height; y += 1) {
    let row = 0;
    for (let x = 0; x < page.width; x += 1) {
      if ((page.data[(y * page.width + x) * 4] as number) < 128) row += 1;
      dark[(y + 1) * width + x + 1] = (dark[y * width + x + 1] as number) + row;
    }
  }
  const darkIn = (top: number, left: number): number =>
    (dark[(top + side) * width + left + side] as number) - (dark[top * width + left + side] as number) - (dark[(top + side) * width + left] as number) + (dark[top * width + left] as number);
  const starts = (length: number): number[] => {
    const positions: number[] = [];
    for (let at = 0; at + side < length; at += step) positions.push(at);
    positions.push(length - side);
    return positions;
  };
  for (const top of starts(page.height)) {
    for (const left of starts(page.width)) {
      // A whole code covers at least (1/1.5)² of the window; a third or more of it is dark.
      if (darkIn(top, left) < side * side * 0.08) continue;
      for (let row = 0; row < side; row += 1) {
        const from = ((top + row) * page.width + left) * 4;
        window.set(page.data.subarray(from, from + side * 4), row * side * 4);
      }
      const code = jsQR(window, side, side, { inversionAttempts: 'dontInvert' });
      if (code?.data) found.add(code.data);
    }
  }
  return [...found];
}

/** Pixels of `mm` at `dpi`. */
export const mmToPx = (mm: number, dpi: number): number => Math.round((mm / 25.4) * dpi);
