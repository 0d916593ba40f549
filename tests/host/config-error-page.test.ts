import { describe, expect, it } from 'vitest';
import { configErrorPage } from '../../host/config-error-page';

describe('the configuration error page', () => {
  it('shows the message with markup neutralised', () => {
    const page = configErrorPage('location.label: got "<img src=x onerror=alert(1)>"');
    expect(page).toContain('location.label: got &#34;&#60;img src=x onerror=alert(1)&#62;&#34;');
    expect(page).not.toContain('<img');
    expect(page).toContain('configuration invalide');
  });
});
