/**
 * What a person (or a hostile place description) could try to leave the kiosk, as one list run
 * against both shells: the Chromium shell (tests/browser/escape-attempts.test.ts) and the Electron
 * shell where its binary is installed (tests/electron/electron-binary.test.ts).
 *
 * Each attempt acts through real input (mouse clicks, key presses, a dragged file) on the
 * running kiosk; `expectStillTheKiosk` then checks that nothing left the app: same page, not
 * reloaded, no second window, no download, no dialog.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { cleanHtml } from '../../sync/html/sanitize-html';

/** The shortcuts of the policy, as Playwright names them. */
export const SHORTCUTS = [
  'F5',
  'Control+r',
  'Control+Shift+R',
  'F12',
  'Control+Shift+I',
  'Control+Shift+J',
  'Control+u',
  'Control+Equal',
  'Control+Minus',
  'Control+0',
  'Control+p',
  'Control+s',
  'Control+o',
  'Control+f',
  'Control+l',
  'Control+h',
  'Control+j',
  'F11',
  'F1',
  'F3',
  'F6',
  'F7',
  'Alt+ArrowLeft',
  'Alt+ArrowRight',
  'Alt+Home',
  'Control+n',
  'Control+t',
  'Control+w',
  'Control+F4',
  'Alt+F4',
  'Control+q',
  'Control+Tab',
] as const;

/** A page outside the app, and a redirect to it, on loopback (nothing leaves the machine). */
export interface Outside {
  url: string;
  redirect: string;
  visits: () => number;
  close: () => Promise<void>;
}

export async function startOutside(): Promise<Outside> {
  let visits = 0;
  const server: Server = createServer((request, response) => {
    visits++;
    if (request.url === '/redirect') {
      response.writeHead(302, { Location: 'file:///etc/passwd' });
      response.end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end('<h1>outside the kiosk</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    redirect: `http://127.0.0.1:${port}/redirect`,
    visits: () => visits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Marks the page so that a reload or a navigation (which would lose the mark) shows. */
export async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    const global = window as unknown as { escapeMark?: number; escapeKeys?: { key: string; prevented: boolean }[]; escapeDialogs?: number };
    global.escapeMark = 42;
    global.escapeKeys = [];
    // Registered after the kiosk's guard on the same target and phase: sees what it decided.
    window.addEventListener('keydown', (event) => global.escapeKeys?.push({ key: event.key, prevented: event.defaultPrevented }), { capture: true });
  });
}

/** A link in the page, where a person can tap it, as a hostile description would bring one. */
export async function placeLink(page: Page, html: string): Promise<void> {
  await page.evaluate((markup) => {
    document.getElementById('escape-attempt')?.remove();
    const holder = document.createElement('div');
    holder.id = 'escape-attempt';
    holder.style.cssText = 'position:fixed;left:0;top:0;z-index:99999;background:#fff;font-size:40px';
    holder.innerHTML = markup;
    document.body.append(holder);
  }, html);
}

/** The hostile description of a place, through the same cleaning as the sync's. */
export function hostileDescription(): string {
  const clean = cleanHtml('<p>Accueil <a href="javascript:window.escaped=1">cliquez ici</a> <a href="https://example.org" target="_blank">site</a><img src=x onerror="window.escaped=2"></p>');
  return clean?.html ?? '';
}

export interface KioskWatch {
  appUrl: string;
  pages: () => number;
  downloads: () => number;
  dialogs: () => number;
}

/** Watches the kiosk's window for new windows, downloads and dialogs. */
export function watchKiosk(page: Page): KioskWatch {
  let downloads = 0;
  let dialogs = 0;
  page.on('download', () => void downloads++);
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  return {
    appUrl: page.url(),
    pages: () => page.context().pages().length,
    downloads: () => downloads,
    dialogs: () => dialogs,
  };
}

/** Gives a refused navigation time to have happened, had it not been refused. */
export async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(400);
}

export async function expectStillTheKiosk(page: Page, watch: KioskWatch): Promise<void> {
  await settle(page);
  expect(page.url()).toBe(watch.appUrl);
  expect(await page.evaluate(() => (window as unknown as { escapeMark?: number }).escapeMark)).toBe(42);
  expect(await page.evaluate(() => (window as unknown as { escaped?: number }).escaped ?? null)).toBeNull();
  expect(watch.pages()).toBe(1);
  expect(watch.downloads()).toBe(0);
  expect(watch.dialogs()).toBe(0);
  await expect(page.locator('[data-screen]').first().isVisible()).resolves.toBe(true);
}

/** A small HTML file on disk, for the file:// link and the dropped file. */
export function localFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'escape-'));
  const file = join(dir, 'dropped.html');
  writeFileSync(file, '<h1>a file from the disk</h1>');
  return file;
}

/** Drops a file from the desktop onto the page, as the OS would (CDP's drag events). */
export async function dropFile(page: Page, file: string): Promise<void> {
  const session = await page.context().newCDPSession(page);
  const data = { items: [], files: [file], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
    await session.send('Input.dispatchDragEvent', { type, x: 300, y: 300, data });
  }
  await session.detach();
}
