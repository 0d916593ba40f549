/** `screen.hideCursor`: no mouse pointer anywhere on a touch kiosk; the default keeps it. */
import { afterEach, describe, expect, it } from 'vitest';
import { openKiosk, startKiosk, type KioskUnderTest } from '../support/kiosk-page';

let kiosk: KioskUnderTest | null = null;
afterEach(async () => {
  await kiosk?.close();
  kiosk = null;
});

const cursors = (page: import('playwright-core').Page) =>
  page.evaluate(() => Array.from(new Set(Array.from(document.querySelectorAll('body, button, [data-category]'), (element) => getComputedStyle(element).cursor))));

describe('the mouse pointer', () => {
  it('is hidden on every element when the config says so', async () => {
    kiosk = await startKiosk({ config: { screen: { hideCursor: true } } });
    const { page } = await openKiosk(kiosk);
    expect(await cursors(page)).toEqual(['none']);
    await page.close();
  });

  it('is kept by default (a mouse or a trackball needs it)', async () => {
    kiosk = await startKiosk();
    const { page } = await openKiosk(kiosk);
    expect(await cursors(page)).toContain('pointer');
    await page.close();
  });
});
