/**
 * Printing figures: from a tap on Print on a place's screen (real Chromium, the demo kiosk) to the
 * job accepted by CUPS (`lp` answered with a job id), through the print page laid out by headless
 * Chromium, on a virtual cups-pdf queue; the layout's own share (Chromium's PDF) beside it.
 */
import { openFirstPlace, openKiosk, startKiosk } from '../support/kiosk-page';
import { addVirtualPrinter, removePrinter, requireCups } from '../support/cups';
import { percentiles } from './percentiles';

const PRINTS = 20;

export async function printBench(): Promise<{ prints: number; tapToSpooledMs: ReturnType<typeof percentiles>; renderMs: ReturnType<typeof percentiles> }> {
  await requireCups();
  const queue = `KioskBench${process.pid}`;
  addVirtualPrinter(queue);
  let tappedAt = 0;
  let renderedAt = 0;
  const spooled: number[] = [];
  const rendering: number[] = [];
  let done: (() => void) | null = null;
  const kiosk = await startKiosk({
    config: { printer: { name: queue, paper: 'ticket-80mm', dpi: 203, ticketsPerSession: 50, jobsPerHour: 1000 } },
    printing: {
      onRendered: () => {
        renderedAt = performance.now();
        rendering.push(renderedAt - tappedAt);
      },
      onSpooled: () => {
        spooled.push(performance.now() - tappedAt);
        done?.();
      },
    },
    renderPrints: true,
  });
  try {
    const { page } = await openKiosk(kiosk);
    await openFirstPlace(page);
    for (let i = 0; i < PRINTS + 2; i += 1) {
      const accepted = new Promise<void>((resolve) => (done = resolve));
      tappedAt = performance.now();
      await page.locator('[data-testid="print"]').tap();
      await accepted;
      await page.waitForSelector('[data-testid="print-dialog"] [data-outcome="printed"]');
      await page.locator('[data-testid="print-dialog-close"]').tap();
      await page.waitForSelector('[data-testid="print-dialog"]', { state: 'detached' });
    }
    // The first two warm the headless browser and the print page's caches.
    return { prints: PRINTS, tapToSpooledMs: percentiles(spooled.slice(2)), renderMs: percentiles(rendering.slice(2)) };
  } finally {
    await kiosk.close();
    removePrinter(queue);
  }
}
