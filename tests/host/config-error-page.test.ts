import { describe, expect, it } from 'vitest';
import { configErrorPage } from '../../host/config-error-page';

describe('the configuration error page', () => {
  it('shows the message with markup neutralised', () => {
    const page = configErrorPage('location.label: got "<img src=x onerror=alert(1)>"');
    expect(page).toContain('location.label: got &#34;&#60;img src=x onerror=alert(1)&#62;&#34;');
    expect(page).not.toContain('<img');
    expect(page).toContain('configuration invalide');
  });

  it('carries its own policy: no script, no request of any kind (it is loaded from a data: URL, outside the app protocol)', () => {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(configErrorPage('x'))?.[1];
    expect(policy?.split(';').map((part) => part.trim())).toEqual(["default-src 'none'", "style-src 'unsafe-inline'"]);
  });
});
