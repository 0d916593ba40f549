/**
 * The Chromium shell's document renderer: the system Chromium, headless, opens the print page
 * served by the kiosk's own host and prints it to PDF (the same engine as the screen, so tickets
 * look like what was on it). One browser is kept warm; each document gets a fresh context, closed
 * afterwards, so nothing of one print is left for the next.
 */
import { chromium, type Browser } from 'playwright-core';
import { printPageFragment, type PrintLayout, type PrintPage } from '../../common/print/print-document';
import { countPdfPages, footerTemplate } from './pdf-layout';
import type { DocumentRenderer, RenderedDocument } from './print-service';

export interface ChromiumPdfOptions {
  executablePath: string;
  /** The print page on the kiosk's host, e.g. http://127.0.0.1:8080/print.html */
  pageUrl: string;
  timeoutMs?: number;
}

export class ChromiumPdfRenderer implements DocumentRenderer {
  private browser: Promise<Browser> | null = null;

  constructor(private readonly options: ChromiumPdfOptions) {}

  /** Starts the browser ahead of the first print (a cold start costs about a second). */
  warm(): void {
    void this.launch().catch(() => undefined);
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      const args = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
      if (process.getuid?.() === 0) args.push('--no-sandbox');
      // The kiosk handles its own signals (and closes this browser on the way out).
      const started = chromium.launch({
        executablePath: this.options.executablePath,
        headless: true,
        args,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      this.browser = started;
      started.then(
        (browser) => browser.on('disconnected', () => (this.browser === started ? (this.browser = null) : undefined)),
        () => (this.browser = null),
      );
    }
    return this.browser;
  }

  async render(page: PrintPage): Promise<RenderedDocument> {
    const timeout = this.options.timeoutMs ?? 20_000;
    const browser = await this.launch();
    const context = await browser.newContext({ viewport: { width: 800, height: 1000 }, deviceScaleFactor: 1 });
    try {
      const tab = await context.newPage();
      tab.setDefaultTimeout(timeout);
      await tab.emulateMedia({ media: 'print' });
      await tab.goto(`${this.options.pageUrl}#${printPageFragment(page)}`);
      await tab.waitForFunction(() => document.documentElement.dataset.print !== undefined);
      const outcome = await tab.evaluate(() => ({
        state: document.documentElement.dataset.print,
        error: document.documentElement.dataset.printError ?? null,
        layout: (window as { kioskPrintLayout?: PrintLayout }).kioskPrintLayout ?? null,
      }));
      if (outcome.state !== 'ready' || !outcome.layout) throw new Error(`The print page failed: ${outcome.error ?? 'no layout'}`);
      const { layout } = outcome;
      const margin = (mm: number): string => `${mm}mm`;
      const pdf = await tab.pdf({
        width: margin(layout.widthMm),
        height: margin(layout.heightMm),
        printBackground: true,
        margin: {
          top: margin(layout.marginMm.top),
          right: margin(layout.marginMm.right),
          bottom: margin(layout.marginMm.bottom),
          left: margin(layout.marginMm.left),
        },
        displayHeaderFooter: layout.footer !== null,
        headerTemplate: '<span></span>',
        footerTemplate: layout.footer ? footerTemplate(layout.footer, layout.marginMm.left) : '<span></span>',
      });
      return { pdf, widthMm: layout.widthMm, heightMm: layout.heightMm, pages: countPdfPages(pdf) };
    } finally {
      await context.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close();
  }
}

/** The Chromium shell's printing: documents laid out by the print page the host serves at `hostUrl`. */
export function chromiumPrinting(executablePath: string, hostUrl: string): ChromiumPdfRenderer {
  const renderer = new ChromiumPdfRenderer({ executablePath, pageUrl: new URL('print.html', hostUrl).href });
  renderer.warm();
  return renderer;
}
