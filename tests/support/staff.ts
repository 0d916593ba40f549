/** Staff mode in tests: the demo config's PIN, the gesture on the screen, a token for direct calls. */
import type { Page } from 'playwright-core';
import type { KioskRuntime } from '../../host/kiosk-runtime';

/** The PIN whose hash the demo config carries (kiosk-config/examples/demo.jsonc). */
export const DEMO_STAFF_PIN = '2468';

/** Five quick taps on "You are here": the PIN pad opens. */
export async function staffGesture(page: Page, taps = 5): Promise<void> {
  const label = page.locator('[data-testid="kiosk-label"]');
  for (let i = 0; i < taps; i++) await label.tap();
}

export async function typePin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.locator(`[data-testid="staff-pin-${digit}"]`).tap();
  await page.locator('[data-testid="staff-pin-submit"]').tap();
}

/** Gesture, PIN, and the staff screen open. */
export async function openStaffMode(page: Page, pin = DEMO_STAFF_PIN): Promise<void> {
  await staffGesture(page);
  await page.waitForSelector('[data-testid="staff-pin"]');
  await typePin(page, pin);
  await page.waitForSelector('[data-screen="staff"] [data-panel]');
}

/** A staff token for calls made by the test itself (it replaces the screen's: one staff session at a time). */
export async function staffCall<T>(runtime: KioskRuntime, method: string, payload: Record<string, unknown> = {}, pin = DEMO_STAFF_PIN): Promise<T> {
  const unlock = await runtime.dispatch('staffUnlock', { pin });
  if (!unlock.ok || !(unlock.value as { unlocked: boolean }).unlocked) throw new Error(`staff unlock failed: ${JSON.stringify(unlock)}`);
  const token = (unlock.value as { token: string }).token;
  const answer = await runtime.dispatch(method, { ...payload, staffToken: token });
  await runtime.dispatch('staffLock', { staffToken: token });
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  return answer.value as T;
}
