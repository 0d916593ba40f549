import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTs, startUntil, stop, TSX } from '../support/processes';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'host-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function demoConfig(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    kiosk: { id: 'test-kiosk', name: 'Test' },
    location: { latitude: 48.58, longitude: 7.75, address: '1 rue X, 67000 Strasbourg', label: 'Mairie de test' },
    territory: { departments: ['67'] },
    demo: true,
    mirror: { path: 'demo.sqlite' },
    ...overrides,
  });
}

describe('npm run host', () => {
  it('serves the demo status and the welcome page, with the clock given by --now', async () => {
    const config = join(dir, 'good.json');
    writeFileSync(config, demoConfig());
    const host = await startUntil(
      TSX,
      ['host/host-cli.ts', '--port', '0', '--config', config, '--now', '2026-12-25T08:00:00+01:00'],
      /listening on (http:\/\/127\.0\.0\.1:\d+\/)/,
    );
    try {
      const url = host.match[1] as string;
      const status = (await (
        await fetch(`${url}api/status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
      ).json()) as { now: string; kiosk: { label: string }; data: { demo: boolean } };
      expect(status.now).toBe('2026-12-25T07:00:00.000Z');
      expect(status.kiosk.label).toBe('Mairie de test');
      expect(status.data.demo).toBe(true);
      const page = await (await fetch(url)).text();
      expect(page).toContain('<div id="app">');
    } finally {
      stop(host.child, 'SIGINT');
    }
    expect((await host.done).code).toBe(0);
  });

  it.each([
    ['a wrong type', { idleTimeoutSeconds: 'ninety' }, 'idleTimeoutSeconds: got "ninety"; expected a whole number'],
    ['an unknown key', { idleTimeout: 90 }, 'idleTimeout: unknown field'],
    ['a missing required field', { kiosk: { name: 'Test' } }, 'kiosk.id: missing'],
    [
      'a token file that does not exist',
      { demo: false, soliguide: { apiBaseUrl: 'https://api.example.org', token: { file: 'no-such-token' } } },
      `the token file ${join('DIR', 'no-such-token')} does not exist`,
    ],
  ])('stops with exit code 2 and a readable message for %s', async (_case, overrides, message) => {
    const config = join(dir, `bad-${Object.keys(overrides)[0]}.json`);
    writeFileSync(config, demoConfig(overrides));
    const result = await runTs('host/host-cli.ts', ['--port', '0', '--config', config]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`The kiosk configuration ${config} cannot be used`);
    expect(result.stderr).toContain(message.replace('DIR', dir));
    expect(result.stderr).not.toMatch(/\n\s+at /); // a message for people, not a stack trace
  });

  it('refuses a malformed --now with exit code 2', async () => {
    const result = await runTs('host/host-cli.ts', ['--port', '0', '--now', 'tomorrow']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--now: got "tomorrow"; expected an ISO date-time');
  });
});
