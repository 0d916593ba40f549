/**
 * The offline map in real Chromium: tiles and routes fetched from the stand-ins into the demo
 * kiosk's files, then the stand-ins stopped (network cut). The place screen must show the
 * stored tiles with their credits, the route and its steps, and ask nothing outside the kiosk.
 */
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItineraryResponse } from '../../common/contract/kiosk-api';
import { catalogue, openFirstPlace, openKiosk, says, startKiosk, type KioskUnderTest } from '../support/kiosk-page';
import { decodeTilePng } from '../stand-in/geo/tile-image';
import { fillGeodataFromStandIns } from '../support/stand-in-geodata';

const CREDIT = '© Test tiles <b>not HTML</b>';
let kiosk: KioskUnderTest;

beforeAll(async () => {
  kiosk = await startKiosk();
  await fillGeodataFromStandIns(kiosk, CREDIT);
}, 120_000);
afterAll(async () => kiosk?.close());

describe('the place screen on the kiosk’s own map', () => {
  it('shows stored tiles, their credit as text, the route and its steps, with nothing asked outside', async () => {
    const words = catalogue('fr');
    const { page, errors, outside } = await openKiosk(kiosk);
    const id = Number(await openFirstPlace(page));
    const answer = await kiosk.runtime.dispatch('itinerary', { placeId: id });
    if (!answer.ok) throw new Error('no itinerary');
    const itinerary = answer.value as ItineraryResponse;
    expect(itinerary.kind).toBe('route');

    await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('[data-testid="place-map"] .map__tiles img')).some((img) => img.complete && img.naturalWidth === 256));
    const sources = await page.$$eval('[data-testid="place-map"] .map__tiles img', (images) =>
      (images as HTMLImageElement[]).filter((img) => img.complete && img.naturalWidth === 256).map((img) => img.src),
    );
    const first = new URL(sources[0] as string);
    expect(first.origin + '/').toBe(kiosk.host.url);
    // The tile shown is the tile asked for: the stand-in wrote z/x/y into its pixels.
    const [, z, x, y] = /^\/tiles\/(\d+)\/(\d+)\/(\d+)$/.exec(first.pathname) ?? [];
    const bytes = await page.evaluate(async (src) => [...new Uint8Array(await (await fetch(src)).arrayBuffer())], first.href);
    expect(decodeTilePng(Buffer.from(bytes))).toMatchObject({ z: Number(z), x: Number(x), y: Number(y) });

    expect(await page.textContent('[data-testid="place-map"] .leaflet-control-attribution')).toBe(CREDIT);
    expect(await page.locator('[data-testid="place-map"] .leaflet-control-attribution a, [data-testid="place-map"] .leaflet-control-attribution b').count()).toBe(0);
    expect(await page.locator('[data-testid="place-map"] path.map__walk').count()).toBe(1);
    expect(await page.locator('[data-testid="place-map"] path.map__walk--estimate').count()).toBe(0);

    const steps = page.locator('[data-testid="route-steps"] li');
    expect(await steps.count()).toBe(itinerary.steps.length);
    expect(await steps.first().textContent()).toContain(words.route?.depart);
    expect(await steps.last().textContent()).toContain(words.route?.arrive);
    const named = itinerary.steps.find((step) => step.street !== null && step.maneuver !== 'arrive');
    if (named?.street) expect(await page.textContent('[data-testid="route-steps"]')).toContain(named.street);
    expect(await page.textContent('[data-screen="place"]')).toContain(says(words.results?.walk, { minutes: itinerary.minutes }));
    expect(await page.locator('[data-testid="place-estimate"]').count()).toBe(0);

    // The route section and the tiles keep the screen accessible (same rules as accessibility.test.ts).
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
    // For review (README, "Screenshots"): the place screen on stand-in tiles with its route.
    await page.screenshot({ path: fileURLToPath(new URL('../../docs/screenshots/place-route-fr.png', import.meta.url)), fullPage: true });
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});
