/**
 * The print page: `print.html#<document>` lays out one ticket or list for paper, with the same
 * components, catalogues and API as the screen. The renderer (headless Chromium in the Chromium
 * shell, a hidden window in Electron) waits for `<html data-print="ready">`, reads the page box
 * from `window.kioskPrintLayout` and prints to PDF.
 */
import { render } from 'preact';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
import '@fontsource/noto-sans-ethiopic/400.css';
import '@fontsource/noto-sans-ethiopic/700.css';
import { textDirection } from '../../common/i18n/languages';
import { documentLanguage, PAPER_SIZES, readPrintPageFragment, type PrintLayout, type PrintPage, type PrintPageState } from '../../common/print/print-document';
import { createClient } from '../api/kiosk-client';
import { changeLanguage, i18n, initI18n } from '../i18n/i18n';
import { ListDocument, loadList } from './list-document';
import { TestDocument } from './test-document';
import { TicketDocument } from './ticket-document';
import './print.css';

declare global {
  interface Window {
    kioskPrintLayout?: PrintLayout;
  }
}

const MM_PER_PX = 25.4 / 96;

function signal(state: PrintPageState, error?: string): void {
  if (error) document.documentElement.dataset.printError = error;
  document.documentElement.dataset.print = state;
}

/** Every picture decoded and every font face loaded: nothing may still be arriving when the PDF is made. */
async function settled(root: HTMLElement): Promise<void> {
  await Promise.all([...root.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)));
  await document.fonts.ready;
}

function layoutOf(page: PrintPage, root: HTMLElement): PrintLayout {
  const paper = PAPER_SIZES[page.paper];
  if (paper.heightMm === null) {
    // The roll is cut after the content: the page is as tall as the laid-out ticket.
    const heightMm = Math.ceil(root.getBoundingClientRect().height * MM_PER_PX) + 2;
    return { widthMm: paper.widthMm, heightMm, marginMm: { top: 0, right: 0, bottom: 0, left: 0 }, footer: null };
  }
  const language = documentLanguage(page.document);
  const margin = paper.marginMm;
  return {
    widthMm: paper.widthMm,
    heightMm: paper.heightMm,
    marginMm: { top: margin, right: margin, bottom: margin + 6, left: margin },
    footer: {
      text: `${i18n.t('help.emergency')} — ${i18n.t('help.emergencyDetail')}`,
      pageOf: i18n.t('print.pageOf', { page: '{{page}}', pages: '{{pages}}' }),
      dir: textDirection(language),
      lang: language,
    },
  };
}

async function main(): Promise<void> {
  const page = readPrintPageFragment(location.hash);
  const language = documentLanguage(page.document);
  await initI18n();
  await changeLanguage(language);
  const api = createClient(window);
  const status = await api.status({});
  const root = document.getElementById('print') as HTMLElement;
  root.className = `print-root print-root--${page.paper === 'ticket-80mm' ? 'roll' : 'sheet'}`;
  const { dpi, paper } = page;
  if (page.document.kind === 'ticket') {
    const placeId = page.document.placeId;
    const [place, itinerary] = await Promise.all([
      api.place({ id: placeId, language }),
      api.itinerary({ placeId }).catch(() => null),
    ]);
    render(<TicketDocument data={{ status, place, itinerary }} paper={paper} dpi={dpi} />, root);
  } else if (page.document.kind === 'list') {
    const data = await loadList(api, status, page.document.list);
    render(<ListDocument data={data} paper={paper} dpi={dpi} />, root);
  } else {
    render(<TestDocument status={status} paper={paper} dpi={dpi} />, root);
  }
  await settled(root);
  window.kioskPrintLayout = layoutOf(page, root);
  signal('ready');
}

main().catch((error: unknown) => {
  console.error('print page failed', error);
  signal('error', error instanceof Error ? error.message : String(error));
});
