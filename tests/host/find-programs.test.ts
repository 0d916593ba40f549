import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumKioskArgs } from '../../host/chromium-shell';
import { findChromium, findOnPath, hasDisplay } from '../../host/find-programs';
import { requireProgram } from '../support/system';

describe('finding system programs', () => {
  it('fails a test that needs a missing program with the command that installs it', () => {
    expect(() => requireProgram('no-such-program-4a7f', 'apt-get install -y no-such-package')).toThrow(
      'no-such-program-4a7f is not installed; this test needs it. Install it with: apt-get install -y no-such-package',
    );
  });

  it('looks programs up on PATH, and honours BORNE_CHROMIUM', () => {
    const dir = mkdtempSync(join(tmpdir(), 'path-'));
    try {
      writeFileSync(join(dir, 'chromium'), '');
      expect(findOnPath(['chromium'], { PATH: dir })).toBe(join(dir, 'chromium'));
      expect(findChromium({ PATH: '/nonexistent' })).toBeNull();
      expect(findChromium({ PATH: '', BORNE_CHROMIUM: join(dir, 'chromium') })).toBe(join(dir, 'chromium'));
      expect(findChromium({ PATH: dir, BORNE_CHROMIUM: join(dir, 'missing') })).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('knows whether there is a display to open a window on', () => {
    expect(hasDisplay({})).toBe(false);
    expect(hasDisplay({ DISPLAY: ':99' })).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
  });

  it('starts Chromium in kiosk app mode on the given URL and profile, kept off Google’s services', () => {
    const args = chromiumKioskArgs('http://127.0.0.1:5000/', '/tmp/profile', {});
    expect(args).toEqual(
      expect.arrayContaining(['--app=http://127.0.0.1:5000/', '--kiosk', '--user-data-dir=/tmp/profile', '--disable-background-networking', '--disable-sync']),
    );
    expect(chromiumKioskArgs('http://x/', '/p', { BORNE_CHROMIUM_FLAGS: ' --a  --b=1 ' }).slice(-2)).toEqual(['--a', '--b=1']);
  });
});
