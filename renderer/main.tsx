import { render } from 'preact';
import { App } from './app';
import { createClient } from './api/kiosk-client';
import { initI18n } from './i18n/i18n';
// Fonts shipped with the app (SIL OFL), so that Pashto letters and Tigrinya's Ge'ez script show on
// any kiosk, whatever its system fonts; each face loads only when its characters appear.
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
import '@fontsource/noto-sans-ethiopic/400.css';
import '@fontsource/noto-sans-ethiopic/700.css';
import './styles/kiosk.css';
import { installShellGuard } from './shell/shell-guard';

// Links, windows, downloads, dropped files, browser shortcuts, zoom, context menu: refused.
installShellGuard();

const root = document.getElementById('app');
if (root) {
  void initI18n().then(() => render(<App api={createClient(window)} />, root));
}
