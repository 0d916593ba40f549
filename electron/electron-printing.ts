/**
 * The Electron shell's document renderer: the print page in a hidden window of the app's own
 * origin (the preload gives it the kiosk API, as on screen), printed with printToPDF at the size
 * the page asks for. Written against the few window methods it uses, so that tests pass a fake.
 * On Windows, where there is no CUPS, the same page is printed again by `webContents.print`
 * (electron-silent-spooler.ts); the PDF still gives the page count and the roll's height.
 */
import { printPageFragment, type PrintLayout, type PrintPage } from '../common/print/print-document';
import { countPdfPages, footerTemplate } from '../host/printing/pdf-layout';
import type { DocumentRenderer, RenderedDocument } from '../host/printing/print-service';

const MM_PER_INCH = 25.4;

/** Electron's printToPDF options (sizes in inches). */
export interface PdfOptions {
  pageSize: { width: number; height: number };
  margins: { top: number; right: number; bottom: number; left: number };
  printBackground: boolean;
  preferCSSPageSize: boolean;
  displayHeaderFooter: boolean;
  headerTemplate: string;
  footerTemplate: string;
}

export interface PrintWindowLike {
  loadURL(url: string): Promise<void>;
  webContents: {
    executeJavaScript(code: string): Promise<unknown>;
    printToPDF(options: PdfOptions): Promise<Buffer>;
  };
  destroy(): void;
}

export function pdfOptionsOf(layout: PrintLayout): PdfOptions {
  const inches = (mm: number): number => mm / MM_PER_INCH;
  return {
    pageSize: { width: inches(layout.widthMm), height: inches(layout.heightMm) },
    margins: {
      top: inches(layout.marginMm.top),
      right: inches(layout.marginMm.right),
      bottom: inches(layout.marginMm.bottom),
      left: inches(layout.marginMm.left),
    },
    printBackground: true,
    preferCSSPageSize: false,
    displayHeaderFooter: layout.footer !== null,
    headerTemplate: '<span></span>',
    footerTemplate: layout.footer ? footerTemplate(layout.footer, layout.marginMm.left) : '<span></span>',
  };
}

const READ_PAGE = `({
  state: document.documentElement.dataset.print ?? null,
  error: document.documentElement.dataset.printError ?? null,
  layout: window.kioskPrintLayout ?? null,
})`;

interface PageOutcome {
  state: 'ready' | 'error' | null;
  error: string | null;
  layout: PrintLayout | null;
}

/** Loads the print page of `page` in `window` and waits for its layout (or its error). */
export async function loadPrintPage(
  window: Pick<PrintWindowLike, 'loadURL' | 'webContents'>,
  page: PrintPage,
  options: { origin: string; timeoutMs?: number; pollMs?: number },
): Promise<PrintLayout> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const pollMs = options.pollMs ?? 50;
  await window.loadURL(`${options.origin}/print.html#${printPageFragment(page)}`);
  const deadline = Date.now() + timeoutMs;
  let outcome = (await window.webContents.executeJavaScript(READ_PAGE)) as PageOutcome;
  while (outcome.state === null) {
    if (Date.now() > deadline) throw new Error(`The print page was not ready within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    outcome = (await window.webContents.executeJavaScript(READ_PAGE)) as PageOutcome;
  }
  if (outcome.state !== 'ready' || !outcome.layout) throw new Error(`The print page failed: ${outcome.error ?? 'no layout'}`);
  return outcome.layout;
}

export function electronPdfRenderer(
  openWindow: () => PrintWindowLike,
  options: { origin: string; timeoutMs?: number; pollMs?: number },
): DocumentRenderer {
  return {
    async render(page: PrintPage): Promise<RenderedDocument> {
      const window = openWindow();
      try {
        const layout = await loadPrintPage(window, page, options);
        const pdf = await window.webContents.printToPDF(pdfOptionsOf(layout));
        return { pdf, widthMm: layout.widthMm, heightMm: layout.heightMm, pages: countPdfPages(pdf) };
      } finally {
        // A fresh window per document: nothing of one print is left for the next.
        window.destroy();
      }
    },
    async close() {},
  };
}
