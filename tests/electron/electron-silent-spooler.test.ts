/**
 * Windows printing (Electron's silent webContents.print) against fake windows: the binary is not
 * installed here, and there is no Windows spooler. What is checked is what we hand to Electron.
 */
import { describe, expect, it } from 'vitest';
import type { PrintLayout, PrintPage } from '../../common/print/print-document';
import { ElectronSilentSpooler, silentPrintOptionsOf, type SilentPrintOptions, type SilentPrintWindowLike } from '../../electron/electron-silent-spooler';

const ROLL: PrintLayout = { widthMm: 80, heightMm: 143.5, marginMm: { top: 0, right: 0, bottom: 0, left: 0 }, footer: null };
const A4: PrintLayout = { widthMm: 210, heightMm: 297, marginMm: { top: 12, right: 12.7, bottom: 18, left: 12 }, footer: { text: '115', pageOf: 'page', dir: 'ltr', lang: 'fr' } };
const PAGE: PrintPage = { document: { kind: 'ticket', placeId: 3, language: 'fr' }, paper: 'ticket-80mm', dpi: 203 };

function fakeWindow(layout: PrintLayout, outcome: [boolean, string]) {
  const window = {
    loaded: [] as string[],
    printed: [] as SilentPrintOptions[],
    destroyed: false,
    async loadURL(url: string) {
      window.loaded.push(url);
    },
    webContents: {
      async executeJavaScript() {
        return { state: 'ready', error: null, layout };
      },
      async printToPDF(): Promise<Buffer> {
        throw new Error('not used on Windows');
      },
      print(options: SilentPrintOptions, callback: (success: boolean, reason: string) => void) {
        window.printed.push(options);
        setTimeout(() => callback(...outcome), 1);
      },
    },
    destroy() {
      window.destroyed = true;
    },
  };
  return window satisfies SilentPrintWindowLike;
}

const PRINTERS = [
  { name: 'EPSON_TM_T20III', displayName: 'EPSON TM-T20III Receipt' },
  { name: 'HP_LaserJet', displayName: 'HP LaserJet (2e étage)' },
];

function spooler(printer: string | null, window: SilentPrintWindowLike, printers = PRINTERS) {
  return new ElectronSilentSpooler({ origin: 'app://kiosk', printer, openWindow: () => window, listPrinters: async () => printers });
}

describe('silent printing on Windows', () => {
  it('sizes the page in microns and the margins in CSS pixels, with no browser header or footer', () => {
    const roll = silentPrintOptionsOf(ROLL, 'EPSON_TM_T20III');
    expect(roll.pageSize).toEqual({ width: 80_000, height: 143_500 });
    expect(roll.deviceName).toBe('EPSON_TM_T20III');
    expect(roll.silent).toBe(true);
    const sheet = silentPrintOptionsOf(A4, null);
    expect(sheet.pageSize).toEqual({ width: 210_000, height: 297_000 });
    // 12 mm at 96 px per inch = 45.35 px; 18 mm = 68.03 px.
    expect(sheet.margins).toEqual({ marginType: 'custom', top: 45, right: 48, bottom: 68, left: 45 });
    expect('deviceName' in sheet).toBe(false);
    expect([sheet.header, sheet.footer]).toEqual(['', '']);
  });

  it('prints the page to the configured printer and reports the job done once Windows has it', async () => {
    const window = fakeWindow(ROLL, [true, '']);
    const silent = spooler('EPSON_TM_T20III', window);
    expect(await silent.printer()).toEqual({ name: 'EPSON_TM_T20III', state: 'idle', reasons: [], ready: true });
    const id = await silent.submit(Buffer.alloc(0), { media: 'Custom.80x144mm', title: 'Borne Soliguide ticket', page: PAGE });
    expect(window.loaded[0]).toMatch(/^app:\/\/kiosk\/print\.html#/);
    expect(window.printed).toHaveLength(1);
    expect(window.printed[0]?.deviceName).toBe('EPSON_TM_T20III');
    expect(window.destroyed).toBe(true);
    expect(await silent.job(id)).toBe('completed');
  });

  it('says the printer is missing when Windows does not list it, and prints nothing', async () => {
    const window = fakeWindow(ROLL, [true, '']);
    const silent = spooler('Kitchen', window);
    expect(await silent.printer()).toMatchObject({ state: 'missing', ready: false });
    await expect(silent.submit(Buffer.alloc(0), { media: 'A4', title: 't', page: PAGE })).rejects.toThrow(/No printer Kitchen/);
    expect(window.printed).toEqual([]);
    // With no printer configured, the system default is used; none at all is missing too.
    expect(await spooler(null, window, []).printer()).toMatchObject({ state: 'missing', ready: false });
    expect(await spooler(null, window).printer()).toMatchObject({ state: 'idle', ready: true, name: null });
  });

  it('passes on Chromium’s failure reason and drops the window', async () => {
    const window = fakeWindow(ROLL, [false, 'Print job failed']);
    await expect(spooler('HP_LaserJet', window).submit(Buffer.alloc(0), { media: 'A4', title: 't', page: PAGE })).rejects.toThrow(/Print job failed/);
    expect(window.destroyed).toBe(true);
  });

  it('lists the printers for staff with the names people see', async () => {
    expect(await spooler(null, fakeWindow(ROLL, [true, ''])).printers()).toEqual([
      { name: 'EPSON_TM_T20III', label: 'EPSON TM-T20III Receipt', isDefault: false },
      { name: 'HP_LaserJet', label: 'HP LaserJet (2e étage)', isDefault: false },
    ]);
  });
});
