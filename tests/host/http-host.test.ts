import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskContract } from '../../common/contract/kiosk-api';
import { startHttpHost, type HttpHost } from '../../host/http-host';
import { FIXED_NOW, openDemoRuntime } from '../support/demo-runtime';

let host: HttpHost;
let dispose: () => Promise<void>;
let staticDir: string;

beforeAll(async () => {
  const demo = openDemoRuntime();
  dispose = demo.dispose;
  staticDir = mkdtempSync(join(tmpdir(), 'static-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><div id="app"></div>');
  writeFileSync(join(staticDir, 'assets', 'app-abc123.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'outside-secret.txt'), 'secret');
  host = await startHttpHost({ port: 0, staticDir, dispatch: demo.runtime.dispatch, logError: () => undefined });
});

afterAll(async () => {
  await host.close();
  await dispose();
  rmSync(staticDir, { recursive: true, force: true });
});

async function post(method: string, body: string, contentType = 'application/json') {
  const response = await fetch(`${host.url}api/${method}`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A raw request, for what fetch will not send (a foreign Host header, an unnormalised path). */
function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the HTTP host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('answers POST /api/status with the demo kiosk status, valid against the contract', async () => {
    const { status, body } = await post('status', '{}');
    expect(status).toBe(200);
    const parsed = kioskContract.status.response.parse(body);
    expect(parsed.kiosk.label).toBe('CAF du Bas-Rhin — Strasbourg');
    expect(parsed.data.demo).toBe(true);
    expect(parsed.data.placeCount).toBeGreaterThan(0);
    expect(parsed.now).toBe(FIXED_NOW.toISOString());
    // The demo mirror was generated at the kiosk's (fixed) clock: its data is 0 s old.
    expect(parsed.data.ageSeconds).toBe(0);
    expect(parsed.data.lastSync).toMatchObject({ kind: 'demo', outcome: 'success', error: null });
    expect(JSON.stringify(body)).not.toMatch(/token|pinHash/i);
  });

  it('answers POST /api/categories with the eleven Soliguide roots in rank order', async () => {
    const { status, body } = await post('categories', '');
    expect(status).toBe(200);
    const parsed = kioskContract.categories.response.parse(body);
    expect(parsed.roots.map((r) => r.id)).toEqual([
      'welcome', 'activities', 'food', 'counseling', 'training_and_jobs', 'accomodation_and_housing',
      'hygiene_and_wellness', 'equipment', 'health', 'technology', 'mobility',
    ]);
  });

  it('answers 400 with the field for a payload outside the contract', async () => {
    const { status, body } = await post('status', '{"verbose":true}');
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'invalid-request' } });
  });

  it('answers 400 to a body that is not JSON, and to another content type', async () => {
    expect((await post('status', '{not json')).status).toBe(400);
    expect((await post('status', '{}', 'text/plain')).status).toBe(400);
  });

  it('answers 404 to an unknown method and 405 to GET on a method', async () => {
    expect((await post('shutdown', '{}')).body).toMatchObject({ error: { code: 'unknown-method' } });
    expect((await fetch(`${host.url}api/status`)).status).toBe(405);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    expect((await raw('/', { Host: 'evil.example:80' })).status).toBe(421);
    expect((await raw('/', { Host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('serves the app with a strict Content-Security-Policy, app routes falling back to index.html', async () => {
    const page = await fetch(`${host.url}place/42`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app">');
    const policy = new Map(
      (page.headers.get('content-security-policy') ?? '').split(';').map((part) => {
        const [name = '', ...sources] = part.trim().split(/\s+/);
        return [name, sources.join(' ')] as const;
      }),
    );
    // Only the app's own scripts: no inline, no eval, no remote origin; no plugins, frames or workers.
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('frame-src')).toBe("'none'");
    expect(policy.get('worker-src')).toBe("'none'");
    expect([...policy.values()].join(' ')).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    const asset = await fetch(`${host.url}assets/app-abc123.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${host.url}missing.js`)).status).toBe(404);
  });

  it('never serves a file outside its folder', async () => {
    expect((await raw('/../outside-secret.txt', { Host: `127.0.0.1:${host.port}` })).status).toBe(404);
    expect((await raw('/%2e%2e/outside-secret.txt', { Host: `127.0.0.1:${host.port}` })).status).toBe(404);
    expect((await raw('/assets/%2e%2e%2f..%2foutside-secret.txt', { Host: `127.0.0.1:${host.port}` })).status).toBe(404);
  });
});

describe('the HTTP host without a usable configuration', () => {
  it('shows the error page, escaped, and answers 503 to the API', async () => {
    const broken = await startHttpHost({
      port: 0,
      staticDir,
      dispatch: null,
      errorPage: '<p>kiosk.id: <script>alert(1)</script></p>',
      logError: () => undefined,
    });
    try {
      const page = await fetch(broken.url);
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('kiosk.id');
      const api = await fetch(`${broken.url}api/status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(api.status).toBe(503);
    } finally {
      await broken.close();
    }
  });
});
