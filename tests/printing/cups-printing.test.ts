/**
 * Printing through the real path: the screen's Print button, the host, headless Chromium on the
 * print page, `lp`, the CUPS scheduler and its virtual PDF printer. The PDFs cups-pdf writes are
 * measured and rasterised, and their QR codes decoded; the text is read from Chromium's own PDF
 * (cups-pdf re-encodes fonts without a text layer). A stopped or rejecting queue must give the
 * person the fallback and never a ticket later.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskResponse, KioskStatus, PlaceViewResponse, PrintJobResponse } from '../../common/contract/kiosk-api';
import type { RenderedDocument } from '../../host/printing/print-service';
import {
  acceptJobs,
  addVirtualPrinter,
  decodeAllQr,
  mmToPx,
  disablePrinter,
  enablePrinter,
  newPdfs,
  pdfFiles,
  pdfPageSizesMm,
  pdfPagesText,
  pendingJobs,
  rasterise,
  rejectJobs,
  removePrinter,
  requireCups,
} from '../support/cups';
import { catalogue, openFirstPlace, openKiosk, says, startKiosk, tap, type KioskUnderTest } from '../support/kiosk-page';
import { fillGeodataFromStandIns } from '../support/stand-in-geodata';
import { DEMO_STAFF_PIN } from '../support/staff';

const QUEUE = `KioskTest${process.pid}`;
const SCREENSHOTS = (name: string): string => fileURLToPath(new URL(`../../docs/screenshots/${name}`, import.meta.url));
const rendered = new Map<string, RenderedDocument>();
let kiosk: KioskUnderTest;

/** Lists, presets and the printers are staff calls: the test holds staff mode open with the demo PIN. */
let staffToken: string | null = null;

async function call<T>(method: string, payload: Record<string, unknown>): Promise<T> {
  if (staffToken === null) {
    const unlock = await kiosk.runtime.dispatch('staffUnlock', { pin: DEMO_STAFF_PIN });
    staffToken = unlock.ok && (unlock.value as { unlocked: boolean }).unlocked ? (unlock.value as { token: string }).token : null;
  }
  const answer = await kiosk.runtime.dispatch(method, { ...payload, staffToken });
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  return answer.value as T;
}

async function until(id: string, states: PrintJobResponse['state'][]): Promise<PrintJobResponse> {
  for (let i = 0; i < 200; i += 1) {
    const job = await call<PrintJobResponse>('printJob', { id });
    if (states.includes(job.state)) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${id} never reached ${states.join('/')}`);
}

type SearchResponse = KioskResponse<'search'>;

/** For review (README, "Screenshots"): the first page of Chromium's PDF, sharper than the spooled copy. */
function snapshot(document: RenderedDocument, name: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'print-snapshot-'));
  try {
    writeFileSync(join(dir, 'document.pdf'), document.pdf);
    const [first] = rasterise(join(dir, 'document.pdf'), 150);
    if (!first) throw new Error('nothing to rasterise');
    writeFileSync(SCREENSHOTS(`${name}.png`), PNG.sync.write(first));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  await requireCups();
  addVirtualPrinter(QUEUE);
  kiosk = await startKiosk({
    config: { printer: { name: QUEUE, paper: 'ticket-80mm', dpi: 203, ticketsPerSession: 2, jobsPerHour: 60 } },
    printing: { timing: { pollMs: 100, retryDelayMs: 100, stateCacheMs: 0 }, onRendered: (job, document) => rendered.set(job, document) },
    renderPrints: true,
  });
  await fillGeodataFromStandIns(kiosk, '© Test tiles');
}, 120_000);

afterAll(async () => {
  await kiosk?.close();
  removePrinter(QUEUE);
});

describe('the printers, for staff', () => {
  it('lists the queues CUPS has, with their descriptions, the default marked, and the kiosk\'s own', async () => {
    spawnSync('lpadmin', ['-p', QUEUE, '-D', 'Ticket du hall']);
    spawnSync('lpadmin', ['-d', QUEUE]);
    const answer = await call<{ printers: { name: string; label: string; isDefault: boolean }[]; kioskPrinter: string | null }>('printers', {});
    expect(answer.kioskPrinter).toBe(QUEUE);
    expect(answer.printers).toContainEqual({ name: QUEUE, label: 'Ticket du hall', isDefault: true });
    expect(answer.printers.filter((printer) => printer.isDefault)).toHaveLength(1);
  });
});

describe('a ticket printed from the place screen', () => {
  it('comes out of CUPS 80 mm wide, with both QR codes readable and the place’s words in Chromium’s PDF', async () => {
    const fr = catalogue('fr');
    const before = pdfFiles();
    const { page, errors } = await openKiosk(kiosk);
    const id = Number(await openFirstPlace(page));
    const place = await call<PlaceViewResponse>('place', { id, language: 'fr' });
    const itinerary = await call<{ directionsUrl: string; kind: string }>('itinerary', { placeId: id });
    expect(itinerary.kind).toBe('route');

    await tap(page, '[data-testid="print"]', '[data-testid="print-dialog"] [data-outcome="printed"]');
    expect(await page.textContent('[data-testid="print-dialog"]')).toContain(fr.print?.take);

    const [spooled] = await newPdfs(before);
    const sizes = pdfPageSizesMm(spooled as string);
    expect(sizes).toHaveLength(1);
    expect(sizes[0]?.widthMm).toBeCloseTo(80, 0);
    expect(sizes[0]?.heightMm).toBeGreaterThan(150);
    const codes = decodeAllQr(rasterise(spooled as string, 200)[0] as PNG, mmToPx(33, 200));
    expect(codes.sort()).toEqual([place.soliguideUrl, itinerary.directionsUrl].sort());

    const chromiumPdf = [...rendered.values()].at(-1) as RenderedDocument;
    const text = pdfPagesText(chromiumPdf.pdf).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(place.name);
    expect(text).toContain(place.address as string);
    expect(text).toContain('115');
    expect(text).toContain(says(fr.print?.printedAt, { date: '24 novembre 2026', time: '10:30' }));
    for (const phone of place.phones) expect(text).toContain(phone.number);
    const today = place.week[0];
    if (today && today.slots.length > 0) expect(text).toContain(`${String(Math.floor(today.slots[0]!.start / 60)).padStart(2, '0')}:`);
    // Finished jobs are purged: nothing of what was printed waits in the queue.
    expect(pendingJobs(QUEUE)).toEqual([]);
    snapshot(chromiumPdf, 'print-ticket-fr');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prints in Arabic, right to left, with the name and address as written in French', async () => {
    const ar = catalogue('ar');
    const before = pdfFiles();
    const found = await call<SearchResponse>('search', { language: 'ar', category: 'health' });
    const target = found.items.find((item) => item.address !== null) as SearchResponse['items'][number];
    const place = await call<PlaceViewResponse>('place', { id: target.id, language: 'ar' });
    const job = await call<PrintJobResponse>('print', { document: { kind: 'ticket', placeId: target.id, language: 'ar' }, session: 'arabic-ticket-test' });
    expect((await until(job.id, ['printed', 'failed'])).state).toBe('printed');
    const [spooled] = await newPdfs(before);
    expect(pdfPageSizesMm(spooled as string)[0]?.widthMm).toBeCloseTo(80, 0);
    expect(decodeAllQr(rasterise(spooled as string, 200)[0] as PNG, mmToPx(33, 200))).toContain(place.soliguideUrl);
    const chromiumPdf = rendered.get(job.id) as RenderedDocument;
    // pdftotext reorders Latin runs inside right-to-left lines and adds bidi marks: compare words.
    const text = pdfPagesText(chromiumPdf.pdf).join('\n').replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
    const words = (line: string): string[] => line.split(/[\s,()—–-]+/).filter((word) => word.length >= 4);
    for (const word of [...words(place.name), ...words(place.address as string)]) expect(text).toContain(word);
    expect(text).toContain(ar.week?.title);
    expect(text).toContain('115');
    // French headings beside the Arabic ones, for whoever helps read it in the street.
    expect(text).toContain(catalogue('fr').week?.title);
    snapshot(chromiumPdf, 'print-ticket-ar');
  });
});

describe('a staff list', () => {
  it('prints on A4: numbered entries of the places open that day, QR codes, the 115 line on every page', async () => {
    const before = pdfFiles();
    const list = { title: 'Distributions alimentaires — mercredi', categories: ['food', 'hygiene_and_wellness'], radiusMetres: 3000, openOn: '2026-11-25', language: 'fr', format: 'sheet' };
    const job = await call<PrintJobResponse>('print', { document: { kind: 'list', list }, session: null });
    expect((await until(job.id, ['printed', 'failed'])).state).toBe('printed');
    const [spooled] = await newPdfs(before);
    const sizes = pdfPageSizesMm(spooled as string);
    expect(sizes.length).toBeGreaterThan(1);
    for (const size of sizes) {
      expect(size.widthMm).toBeCloseTo(210, 0);
      expect(size.heightMm).toBeCloseTo(297, 0);
    }
    const chromiumPdf = rendered.get(job.id) as RenderedDocument;
    const pages = pdfPagesText(chromiumPdf.pdf);
    expect(pages).toHaveLength(sizes.length);
    const fr = catalogue('fr');
    pages.forEach((text, index) => {
      expect(text).toContain(says(fr.help?.emergency));
      expect(text.replace(/\s+/g, ' ')).toContain(says(fr.print?.pageOf, { page: index + 1, pages: pages.length }));
    });
    expect(pages[0]).toContain(list.title);
    expect(pages[0]).toMatch(/\b1\. /);

    // Every code on the first page leads to a place of the list, open that Wednesday.
    const codes = decodeAllQr(rasterise(spooled as string, 150)[0] as PNG, mmToPx(24, 150));
    expect(codes.length).toBeGreaterThan(2);
    const candidates = new Map<string, number>();
    for (const category of list.categories) {
      const found = await call<SearchResponse>('search', { language: 'fr', category, radiusMetres: 3000, pageSize: 100 });
      for (const item of found.items) {
        const view = await call<PlaceViewResponse>('place', { id: item.id, language: 'fr' });
        candidates.set(view.soliguideUrl, item.id);
        const wednesday = view.week.find((day) => day.day === list.openOn);
        if (codes.includes(view.soliguideUrl)) {
          expect(wednesday?.slots.length, view.name).toBeGreaterThan(0);
          expect(pages.join('\n')).toContain(view.name);
        }
      }
    }
    for (const code of codes) expect(candidates.has(code), code).toBe(true);
    snapshot(chromiumPdf, 'print-list-a4');
  });

  it('saves a list as a named preset, replaces it under the same name, and deletes it', async () => {
    const spec = { categories: ['food'], radiusMetres: 2000, openOnWeekday: 2, language: 'fr', format: 'sheet' };
    const { id } = await call<{ id: number }>('savePrintPreset', { name: 'Distributions alimentaires — semaine', spec });
    const again = await call<{ id: number }>('savePrintPreset', { name: 'Distributions alimentaires — semaine', spec: { ...spec, radiusMetres: 4000 } });
    expect(again.id).toBe(id);
    const { presets } = await call<{ presets: { id: number; name: string; spec: typeof spec }[] }>('printPresets', {});
    expect(presets).toEqual([{ id, name: 'Distributions alimentaires — semaine', spec: { ...spec, radiusMetres: 4000 } }]);
    await call('deletePrintPreset', { id });
    expect((await call<{ presets: unknown[] }>('printPresets', {})).presets).toEqual([]);
    const again2 = await kiosk.runtime.dispatch('deletePrintPreset', { id, staffToken });
    expect(again2.ok ? 'deleted' : again2.error.code).toBe('not-found');
    // Without staff mode, presets and lists are refused.
    const locked = await kiosk.runtime.dispatch('printPresets', {});
    expect(locked.ok ? 'answered' : locked.error.code).toBe('staff-only');
  });
});

describe('when the printer cannot print', () => {
  it('a stopped queue: the screen gives the QR code and the desk, the status says stopped, and nothing prints later', async () => {
    const fr = catalogue('fr');
    disablePrinter(QUEUE);
    try {
      const { page } = await openKiosk(kiosk);
      await openFirstPlace(page);
      await tap(page, '[data-testid="print"]', '[data-testid="print-dialog"] [data-outcome="unavailable"]');
      expect(await page.textContent('[data-testid="print-dialog"]')).toContain(fr.print?.unavailable);
      expect(await page.locator('[data-testid="print-fallback-qr"]').count()).toBe(1);
      const status = await call<KioskStatus>('status', {});
      expect(status.printer).toMatchObject({ name: QUEUE, state: 'stopped', ready: false });
      expect(status.printer.reasons).toContain('paused');
      expect(pendingJobs(QUEUE)).toEqual([]);
      await page.close();
    } finally {
      enablePrinter(QUEUE);
    }
    const before = pdfFiles();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect([...pdfFiles()].filter((file) => !before.has(file))).toEqual([]);
  });

  it('a queue rejecting jobs: the job fails as printer-unavailable, the status says not-accepting', async () => {
    rejectJobs(QUEUE);
    try {
      const found = await call<SearchResponse>('search', { language: 'fr' });
      const job = await call<PrintJobResponse>('print', { document: { kind: 'ticket', placeId: found.items[0]!.id, language: 'fr' }, session: 'rejecting-test' });
      const done = await until(job.id, ['failed', 'printed']);
      expect(done).toMatchObject({ state: 'failed', reason: 'printer-unavailable', attempts: 0, printer: 'not-accepting' });
      expect((await call<KioskStatus>('status', {})).printer.state).toBe('not-accepting');
    } finally {
      acceptJobs(QUEUE);
    }
  });

  it('stops a session at its ticket limit', async () => {
    const found = await call<SearchResponse>('search', { language: 'fr', category: 'food' });
    const placeId = found.items[0]!.id;
    const ticket = { kind: 'ticket', placeId, language: 'fr' };
    for (let i = 0; i < 2; i += 1) {
      const job = await call<PrintJobResponse>('print', { document: ticket, session: 'limit-test-session' });
      expect((await until(job.id, ['printed', 'failed'])).state).toBe('printed');
    }
    const refused = await call<PrintJobResponse>('print', { document: ticket, session: 'limit-test-session' });
    expect(refused).toMatchObject({ state: 'failed', reason: 'limit', attempts: 0 });
    // Another person (another session) still gets a ticket.
    const other = await call<PrintJobResponse>('print', { document: ticket, session: 'limit-test-other' });
    expect((await until(other.id, ['printed', 'failed'])).state).toBe('printed');
  });
});
