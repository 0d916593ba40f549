/**
 * What both renderers (headless Chromium in the Chromium shell, printToPDF in Electron) make of
 * the print page's layout: the running footer of sheets, and the page count of the PDF.
 */
import type { PrintLayout } from '../../common/print/print-document';
import { escapeHtml } from '../../common/text/escape-html';


/** The running foot of a sheet (Chromium fills pageNumber and totalPages). */
export function footerTemplate(footer: NonNullable<PrintLayout['footer']>, sideMarginMm: number): string {
  const [before, afterPage = ''] = footer.pageOf.split('{{page}}');
  const [between = '', after = ''] = afterPage.split('{{pages}}');
  const pageOf =
    `${escapeHtml(before ?? '')}<span class="pageNumber"></span>${escapeHtml(between)}<span class="totalPages"></span>${escapeHtml(after)}`;
  return (
    `<div dir="${footer.dir}" lang="${escapeHtml(footer.lang)}" style="width:100%;margin:0 ${sideMarginMm}mm;display:flex;justify-content:space-between;` +
    `gap:4mm;font-family:'DejaVu Sans',sans-serif;font-size:8pt;color:#000">` +
    `<span style="font-weight:bold">${escapeHtml(footer.text)}</span><span>${pageOf}</span></div>`
  );
}

export function countPdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
}

