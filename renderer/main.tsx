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

// A shared touch screen: no context menu (long press), no pinch or double-tap zoom, no dragging
// images or text out of the page. Keyboard and switch users are not affected.
document.addEventListener('contextmenu', (event) => event.preventDefault());
document.addEventListener('dragstart', (event) => event.preventDefault());
document.addEventListener('gesturestart', (event) => event.preventDefault());
document.addEventListener(
  'touchmove',
  (event) => {
    if (event.touches.length > 1 && !(event.target as Element | null)?.closest?.('.map')) event.preventDefault();
  },
  { passive: false },
);

const root = document.getElementById('app');
if (root) {
  void initI18n().then(() => render(<App api={createClient(window)} />, root));
}
