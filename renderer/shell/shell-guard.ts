/**
 * The renderer's share of the lockdown, the same in both shells: links, windows, downloads,
 * dropped files, browser shortcuts, zoom and the context menu are refused here by the shared
 * policy (common/shell/kiosk-policy.ts). In Electron the main process refuses them again one level
 * down; in the Chromium shell this guard and Chromium's kiosk flags are what there is.
 */
import { isAllowedNavigation, isSwallowedShortcut } from '../../common/shell/kiosk-policy';

function refuse(event: Event): void {
  event.preventDefault();
  event.stopPropagation();
}

/** Installs the guard on the kiosk page; returns a function that removes it (tests). */
export function installShellGuard(view: Window = window): () => void {
  const doc = view.document;
  const origin = view.location.origin;
  const listeners: [EventTarget, string, (event: Event) => void, AddEventListenerOptions][] = [];
  const on = (target: EventTarget, type: string, listener: (event: Event) => void, options: AddEventListenerOptions = {}) => {
    target.addEventListener(type, listener, { capture: true, ...options });
    listeners.push([target, type, listener, { capture: true, ...options }]);
  };

  // Links: the app has none of its own (external addresses become QR codes), so any anchor that
  // would leave the page, open a window or download is a description's or an attacker's.
  const onLinkActivation = (event: Event) => {
    const anchor = (event.target as Element | null)?.closest?.('a[href], area[href]') as HTMLAnchorElement | null;
    if (!anchor) return;
    const href = anchor.getAttribute('href') ?? '';
    const plain = !anchor.hasAttribute('download') && (!anchor.target || anchor.target === '_self');
    if (!(plain && (href.startsWith('#') || isAllowedNavigation(anchor.href, origin)))) refuse(event);
  };
  on(doc, 'click', onLinkActivation);
  on(doc, 'auxclick', onLinkActivation);
  // A form submission would be a navigation: its default is refused, its handlers (the search
  // field's) still run.
  on(doc, 'submit', (event) => event.preventDefault());

  // Keys that belong to the browser: reload, devtools, zoom, new window, close, print…
  on(view, 'keydown', (event) => {
    const key = event as KeyboardEvent;
    if (isSwallowedShortcut({ key: key.key, control: key.ctrlKey, alt: key.altKey, shift: key.shiftKey, meta: key.metaKey })) refuse(event);
  });
  // Ctrl + wheel and trackpad pinch zoom the page; the app has its own text-size control.
  on(view, 'wheel', (event) => {
    if ((event as WheelEvent).ctrlKey) refuse(event);
  }, { passive: false });

  // A shared touch screen: no context menu (long press), no dragging text or images out, no
  // file dropped in (Chromium would open it in place of the kiosk), no pinch or double-tap zoom
  // except on the map, which zooms itself.
  on(doc, 'contextmenu', refuse);
  on(doc, 'dragstart', refuse);
  on(view, 'dragover', (event) => {
    event.preventDefault();
    const transfer = (event as DragEvent).dataTransfer;
    if (transfer) transfer.dropEffect = 'none';
  });
  on(view, 'drop', refuse);
  on(doc, 'gesturestart', refuse);
  on(doc, 'touchmove', (event) => {
    const touch = event as TouchEvent;
    if (touch.touches.length > 1 && !(touch.target as Element | null)?.closest?.('.map')) event.preventDefault();
  }, { passive: false });

  // window.open: never a second window. (Electron's window open handler refuses it again.)
  const open = view.open;
  view.open = () => null;

  return () => {
    for (const [target, type, listener, options] of listeners) target.removeEventListener(type, listener, options);
    view.open = open;
  };
}
