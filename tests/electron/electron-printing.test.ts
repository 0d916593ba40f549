/** The Electron print renderer against a fake hidden window (the binary is not installed here). */
import { describe, expect, it } from 'vitest';
import type { PrintLayout } from '../../common/print/print-document';
import { electronPdfRenderer, pdfOptionsOf, type PdfOptions, type PrintWindowLike } from '../../electron/electron-printing';

const ROLL: PrintLayout = { widthMm: 80, heightMm: 254, marginMm: { top: 0, right: 0, bottom: 0, left: 0 }, footer: null };

function fakeWindow(answers: unknown[]): PrintWindowLike & { loaded: string[]; printed: PdfOptions[]; destroyed: boolean } {
  let read = 0;
  const window = {
    loaded: [] as string[],
    printed: [] as PdfOptions[],
    destroyed: false,
    async loadURL(url: string) {
      window.loaded.push(url);
    },
    webContents: {
      async executeJavaScript() {
        return answers[Math.min(read++, answers.length - 1)];
      },
      async printToPDF(options: PdfOptions) {
        window.printed.push(options);
        return Buffer.from('%PDF-1.7 << /Type /Page >>');
      },
    },
    destroy() {
      window.destroyed = true;
    },
  };
  return window;
}

const PAGE = { document: { kind: 'ticket' as const, placeId: 3, language: 'fr' as const }, paper: 'ticket-80mm' as const, dpi: 203 };

describe('the Electron print renderer', () => {
  it('opens the print page of the app origin, waits for it, prints at the size it asks, and drops the window', async () => {
    const window = fakeWindow([{ state: null }, { state: null }, { state: 'ready', error: null, layout: ROLL }]);
    const rendered = await electronPdfRenderer(() => window, { origin: 'app://kiosk', pollMs: 1 }).render(PAGE);
    expect(window.loaded[0]).toMatch(/^app:\/\/kiosk\/print\.html#/);
    expect(window.printed[0]?.pageSize.width).toBeCloseTo(80 / 25.4, 6);
    expect(window.printed[0]?.pageSize.height).toBeCloseTo(10, 6);
    expect(rendered).toMatchObject({ widthMm: 80, heightMm: 254, pages: 1 });
    expect(window.destroyed).toBe(true);
  });

  it('fails with the page’s own error, and still drops the window', async () => {
    const window = fakeWindow([{ state: 'error', error: 'No place 3 in the mirror', layout: null }]);
    await expect(electronPdfRenderer(() => window, { origin: 'app://kiosk' }).render(PAGE)).rejects.toThrow(/No place 3/);
    expect(window.printed).toEqual([]);
    expect(window.destroyed).toBe(true);
  });

  it('gives up on a page that never gets ready', async () => {
    const window = fakeWindow([{ state: null }]);
    await expect(electronPdfRenderer(() => window, { origin: 'app://kiosk', timeoutMs: 30, pollMs: 5 }).render(PAGE)).rejects.toThrow(/not ready/);
    expect(window.destroyed).toBe(true);
  });

  it('puts the running footer on sheets only', () => {
    const sheet: PrintLayout = {
      widthMm: 210,
      heightMm: 297,
      marginMm: { top: 12, right: 12, bottom: 18, left: 12 },
      footer: { text: 'Urgence : 115', pageOf: 'page {{page}} sur {{pages}}', dir: 'ltr', lang: 'fr' },
    };
    const options = pdfOptionsOf(sheet);
    expect(options.displayHeaderFooter).toBe(true);
    expect(options.footerTemplate).toContain('Urgence : 115');
    expect(options.margins.bottom).toBeCloseTo(18 / 25.4, 6);
    expect(pdfOptionsOf(ROLL).displayHeaderFooter).toBe(false);
  });
});
