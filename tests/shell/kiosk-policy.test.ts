import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isAllowedPermission, isSwallowedShortcut, type KeyPress } from '../../common/shell/kiosk-policy';

const press = (key: string, modifiers: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  control: false,
  alt: false,
  shift: false,
  meta: false,
  ...modifiers,
});

describe('the kiosk navigation policy', () => {
  it.each([
    ['app://kiosk/index.html', 'app://kiosk'],
    ['app://kiosk/', 'app://kiosk'],
    ['app://kiosk/print.html#eyJ9', 'app://kiosk'],
    ['http://127.0.0.1:5173/', 'http://127.0.0.1:5173'],
  ])('allows the app page %s', (url, origin) => {
    expect(isAllowedNavigation(url, origin)).toBe(true);
  });

  it.each([
    ['https://soliguide.fr/fr/fiche/1', 'an external site'],
    ['http://127.0.0.1:5174/', 'another port of the loopback host'],
    ['app://other/index.html', 'another app host'],
    ['file:///etc/passwd', 'a file'],
    ['javascript:alert(1)', 'a JavaScript URL'],
    ['data:text/html,<h1>x</h1>', 'a data URL'],
    ['about:blank', 'about:blank'],
    ['app://kiosk/api/status', 'a path of the app origin that is not a page'],
    ['app://user:pass@kiosk/index.html', 'credentials in the address'],
    ['not a url', 'garbage'],
  ])('refuses %s (%s)', (url) => {
    expect(isAllowedNavigation(url, 'app://kiosk')).toBe(false);
  });

  it('grants no permission: camera, microphone, geolocation, notifications, clipboard, fullscreen', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'hid', 'serial', 'usb']) {
      expect(isAllowedPermission(permission)).toBe(false);
    }
  });
});

describe('the swallowed shortcuts', () => {
  it.each([
    [press('F5'), 'reload'],
    [press('r', { control: true }), 'reload'],
    [press('R', { control: true, shift: true }), 'hard reload'],
    [press('F12'), 'devtools'],
    [press('I', { control: true, shift: true }), 'devtools'],
    [press('J', { control: true, shift: true }), 'console'],
    [press('u', { control: true }), 'view source'],
    [press('+', { control: true }), 'zoom in'],
    [press('=', { control: true }), 'zoom in'],
    [press('-', { control: true }), 'zoom out'],
    [press('0', { control: true }), 'zoom reset'],
    [press('n', { control: true }), 'new window'],
    [press('t', { control: true }), 'new tab'],
    [press('w', { control: true }), 'close'],
    [press('F4', { control: true }), 'close tab'],
    [press('F4', { alt: true }), 'close window'],
    [press('q', { control: true }), 'quit'],
    [press('p', { control: true }), 'print dialog'],
    [press('s', { control: true }), 'save page'],
    [press('o', { control: true }), 'open a file'],
    [press('f', { control: true }), 'find bar'],
    [press('l', { control: true }), 'address bar'],
    [press('F11'), 'full screen'],
    [press('ArrowLeft', { alt: true }), 'back'],
    [press('BrowserBack'), 'back key'],
    [press('Tab', { alt: true }), 'Alt+Tab'],
    [press('Tab', { control: true }), 'next tab'],
    [press('r', { meta: true }), '⌘R'],
  ])('swallows %o (%s)', (key) => {
    expect(isSwallowedShortcut(key)).toBe(true);
  });

  it.each([
    [press('a'), 'typing'],
    [press('R', { shift: true }), 'a capital letter'],
    [press('Backspace'), 'erasing'],
    [press('Enter'), 'validating'],
    [press('Tab'), 'keyboard navigation'],
    [press('Tab', { shift: true }), 'keyboard navigation back'],
    [press('ArrowLeft'), 'moving in the field'],
    [press('Escape'), 'closing a dialog'],
    [press('c', { control: true }), 'copy'],
    [press('v', { control: true }), 'paste'],
    [press('a', { control: true }), 'select all'],
    [press('z', { control: true }), 'undo'],
    [press(' '), 'space'],
  ])('lets %o through (%s)', (key) => {
    expect(isSwallowedShortcut(key)).toBe(false);
  });
});
