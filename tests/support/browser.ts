/** Debian's Chromium driven by playwright-core, with the flags that keep it off the network. */
import { chromium, type Browser } from 'playwright-core';
import { requireChromium } from './system';

export const CHROMIUM_TEST_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_TEST_FLAGS });
}
