import { render } from 'preact';
import { App } from './app';
import { createClient } from './api/kiosk-client';
import { initI18n } from './i18n/i18n';

const root = document.getElementById('app');
if (root) {
  void initI18n().then(() => render(<App api={createClient(window)} />, root));
}
