/** The small rules of printing: QR sizes in printer dots, the list's week, presets' days, CUPS words. */
import { describe, expect, it } from 'vitest';
import { compactWeek, type WeekDay } from '../../common/places/day-hours';
import { listOfPreset, printPageFragment, readPrintPageFragment, type PrintPage } from '../../common/print/print-document';
import { MIN_MODULE_MM, qrPrintSize } from '../../common/print/qr-size';
import { countPdfPages, footerTemplate } from '../../host/printing/pdf-layout';
import { jobIdOfLpOutput, lpArguments, printerStateOf } from '../../host/printing/cups-spooler';
import { mediaFor, paperFor } from '../../host/printing/print-service';

describe('QR codes on paper', () => {
  const dot203 = 25.4 / 203;

  it('makes each module a whole number of 203 dpi dots, as large as the space allows', () => {
    const size = qrPrintSize(41, 203, 33);
    expect(Number.isInteger(size.dotsPerModule)).toBe(true);
    expect(size.sideMm).toBeLessThanOrEqual(33);
    // One more dot per module would not fit.
    expect(41 * (size.dotsPerModule + 1) * dot203).toBeGreaterThan(33);
    expect(size.moduleMm).toBeCloseTo(size.dotsPerModule * dot203, 9);
  });

  it('never goes under the smallest module phones read on worn paper, even if the code overflows', () => {
    const size = qrPrintSize(61, 203, 10);
    expect(size.moduleMm).toBeGreaterThanOrEqual(MIN_MODULE_MM);
    expect((size.dotsPerModule - 1) * dot203).toBeLessThan(MIN_MODULE_MM);
  });
});

const day = (date: string, weekday: number, slots: [number, number][], rule: WeekDay['rule'] = 'regular'): WeekDay => ({
  day: date,
  weekday,
  slots: slots.map(([start, end]) => ({ start, end })),
  rule,
  holiday: null,
});

describe('the week of a list entry', () => {
  it('starts on Monday and merges days with the same hours, keeping special days apart', () => {
    // Tuesday 24 November 2026 first, as the place view gives it (0 = Monday).
    const week = [
      day('2026-11-24', 1, [[540, 720]]),
      day('2026-11-25', 2, [[540, 720]]),
      day('2026-11-26', 3, [[540, 720]], 'temporary-hours'),
      day('2026-11-27', 4, [[540, 720]]),
      day('2026-11-28', 5, []),
      day('2026-11-29', 6, []),
      day('2026-11-30', 0, [[540, 720]]),
    ];
    const runs = compactWeek(week).map((run) => [run.days.map((d) => d.day), run.hours]);
    expect(runs).toEqual([
      [['2026-11-30', '2026-11-24', '2026-11-25'], { kind: 'hours', text: '09:00–12:00' }],
      [['2026-11-26'], { kind: 'hours', text: '09:00–12:00' }],
      [['2026-11-27'], { kind: 'hours', text: '09:00–12:00' }],
      [['2026-11-28', '2026-11-29'], { kind: 'closed' }],
    ]);
  });
});

describe('saved lists', () => {
  it('print the next day of the chosen weekday, today included', () => {
    const spec = { categories: ['food'], radiusMetres: 2000, language: 'fr' as const, format: 'sheet' as const };
    // 24 November 2026 is a Tuesday.
    expect(listOfPreset('Mardi', { ...spec, openOnWeekday: 1 }, '2026-11-24').openOn).toBe('2026-11-24');
    expect(listOfPreset('Mercredi', { ...spec, openOnWeekday: 2 }, '2026-11-24').openOn).toBe('2026-11-25');
    expect(listOfPreset('Lundi', { ...spec, openOnWeekday: 0 }, '2026-11-24').openOn).toBe('2026-11-30');
    expect(listOfPreset('Semaine', { ...spec, openOnWeekday: null }, '2026-11-24')).toMatchObject({ openOn: null, title: 'Semaine' });
  });
});

describe('the print page address', () => {
  it('carries a document there and back, and refuses anything else with a readable error', () => {
    const page: PrintPage = { document: { kind: 'ticket', placeId: 12, language: 'ar' }, paper: 'ticket-80mm', dpi: 203 };
    expect(readPrintPageFragment(`#${printPageFragment(page)}`)).toEqual(page);
    expect(() => readPrintPageFragment('#not-json')).toThrow(/without a document/);
    expect(() => readPrintPageFragment(`#${encodeURIComponent(JSON.stringify({ ...page, dpi: 5 }))}`)).toThrow(/Not a printable document/);
  });
});

describe('the sheet footer', () => {
  it('escapes its texts and lets Chromium fill the page numbers', () => {
    const html = footerTemplate({ text: '115 <script>alert(1)</script>', pageOf: 'page {{page}} sur {{pages}}', dir: 'ltr', lang: 'fr' }, 12);
    expect(html).not.toContain('<script>');
    expect(html).toContain('115 &#60;script&#62;');
    expect(html).toContain('page <span class="pageNumber"></span> sur <span class="totalPages"></span>');
  });

  it('counts the pages of a PDF', () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] >>\n2 0 obj << /Type /Page >>\n3 0 obj << /Type/Page >>');
    expect(countPdfPages(pdf)).toBe(2);
  });
});

describe('CUPS, in the kiosk’s words', () => {
  const attributes = (state: number, reasons: string[], accepting = true): Map<string, unknown[]> =>
    new Map<string, unknown[]>([
      ['printer-state', [state]],
      ['printer-state-reasons', reasons],
      ['printer-is-accepting-jobs', [accepting]],
    ]);

  it('reads IPP printer states and reasons (RFC 8011 §5.4.11–12)', () => {
    expect(printerStateOf('Q', attributes(3, ['none']))).toEqual({ name: 'Q', state: 'idle', reasons: [], ready: true });
    expect(printerStateOf('Q', attributes(4, ['none'])).state).toBe('printing');
    expect(printerStateOf('Q', attributes(5, ['paused'])).state).toBe('stopped');
    expect(printerStateOf('Q', attributes(5, ['media-empty-error'])).state).toBe('out-of-paper');
    expect(printerStateOf('Q', attributes(3, ['media-needed-report'])).state).toBe('out-of-paper');
    expect(printerStateOf('Q', attributes(3, ['media-low-warning']))).toMatchObject({ state: 'idle', ready: true });
    expect(printerStateOf('Q', attributes(3, ['offline-report'])).state).toBe('offline');
    expect(printerStateOf('Q', attributes(3, ['cover-open-error'])).state).toBe('stopped');
    expect(printerStateOf('Q', attributes(3, ['none'], false))).toMatchObject({ state: 'not-accepting', ready: false });
    expect(printerStateOf('Q', null)).toMatchObject({ state: 'missing', ready: false });
  });

  it('reads the job id lp answers, and asks lp for no scaling and no banner pages', () => {
    expect(jobIdOfLpOutput('request id is KioskPDF-12 (1 file(s))\n')).toBe(12);
    expect(jobIdOfLpOutput('lp: Destination "KioskPDF" is not accepting jobs.')).toBeNull();
    const args = lpArguments('Kiosk Ticket', { media: 'Custom.80x143mm', title: 'Borne Soliguide ticket' });
    expect(args.slice(0, 2)).toEqual(['-d', 'Kiosk Ticket']);
    expect(args).toContain('media=Custom.80x143mm');
    expect(args).toContain('job-sheets=none,none');
    expect(args.at(-1)).toBe('-');
  });

  it('cuts the roll after the content and names sheets as CUPS does', () => {
    expect(mediaFor('ticket-80mm', 142.2)).toBe('Custom.80x143mm');
    expect(mediaFor('a4', 297)).toBe('A4');
    expect(mediaFor('a5', 210)).toBe('A5');
    const list = { kind: 'list' as const, list: { categories: ['food'], radiusMetres: 1000, openOn: null, language: 'fr' as const, format: 'sheet' as const } };
    expect(paperFor(list, 'ticket-80mm')).toBe('a4');
    expect(paperFor(list, 'a5')).toBe('a5');
    expect(paperFor({ ...list, list: { ...list.list, format: 'ticket' } }, 'a4')).toBe('ticket-80mm');
    expect(paperFor({ kind: 'ticket', placeId: 1, language: 'fr' }, 'a4')).toBe('a4');
  });
});
