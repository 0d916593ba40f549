import { render } from 'preact';
import { App } from './app';
import { createClient } from './api/kiosk-client';
import { initI18n } from './i18n/i18n';
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
