/**
 * The app: loads the kiosk's status and needs, then runs one session after another. A session is
 * a keyed subtree: the idle reset unmounts it whole (screens, filters, typed text, map, dialogs)
 * and mounts a fresh one in the default language.
 *
 * Settings (announcement, featured needs, idle time: the config's, or the fleet's signed remote
 * settings) apply between sessions, never during one: the status is read again at each reset, and
 * every few minutes while nobody has touched the screen since the last one.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CategoriesResponse, KioskApi, KioskStatus } from '../common/contract/kiosk-api';
import { isKioskLanguage } from '../common/i18n/languages';
import { MessageScreen } from './components/message-screen/message-screen';
import { changeLanguage } from './i18n/i18n';
import { stopReading } from './read-aloud/read-aloud';
import { DisplayProvider } from './session/display';
import { SessionProvider } from './session/session-context';
import { SessionView } from './session/session-view';

type Loaded = { status: KioskStatus; categories: CategoriesResponse };

/** How often an untouched welcome screen looks for new settings. */
const SETTINGS_REFRESH_MS = 60_000;

/** What of the status shapes a session; another clock reading is not a change. */
function sessionSettings(status: KioskStatus): string {
  return JSON.stringify([status.screen, status.languages]);
}

export function App({ api }: { api: KioskApi }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);
  const [sessionNumber, setSessionNumber] = useState(0);

  useEffect(() => {
    Promise.all([api.status({}), api.categories({})])
      .then(async ([status, categories]) => {
        if (isKioskLanguage(status.languages.default)) await changeLanguage(status.languages.default);
        setLoaded({ status, categories });
      })
      .catch((error: unknown) => {
        console.error('kiosk start failed', error);
        setFailed(true);
      });
  }, [api]);

  /** Starts a fresh session, with the settings as they are now (the last known ones if the host does not answer). */
  const startSession = useCallback(
    async (current: Loaded) => {
      const status = await api.status({}).catch(() => current.status);
      const language = status.languages.default;
      if (isKioskLanguage(language)) await changeLanguage(language);
      setLoaded({ ...current, status });
      window.scrollTo(0, 0);
      setSessionNumber((n) => n + 1);
    },
    [api],
  );

  const reset = useCallback(() => {
    stopReading();
    if (loaded) void startSession(loaded);
  }, [loaded, startSession]);

  // Nobody there: new settings may come in now, without waiting for a session to end.
  useEffect(() => {
    if (!loaded) return;
    let touched = false;
    const touch = () => void (touched = true);
    for (const type of ['pointerdown', 'keydown']) document.addEventListener(type, touch, { capture: true });
    const timer = setInterval(() => {
      if (touched) return;
      void api.status({}).then(
        (status) => {
          if (!touched && sessionSettings(status) !== sessionSettings(loaded.status)) void startSession(loaded);
        },
        () => undefined,
      );
    }, SETTINGS_REFRESH_MS);
    return () => {
      clearInterval(timer);
      for (const type of ['pointerdown', 'keydown']) document.removeEventListener(type, touch, { capture: true });
    };
  }, [api, loaded, sessionNumber, startSession]);

  // Touch screens: no pointer, when the config says so.
  useEffect(() => {
    if (loaded?.status.screen.hideCursor) document.documentElement.dataset.cursor = 'hidden';
    else delete document.documentElement.dataset.cursor;
  }, [loaded?.status.screen.hideCursor]);

  if (failed || !loaded) return <MessageScreen failed={failed} />;
  return (
    <DisplayProvider key={sessionNumber}>
      <SessionProvider api={api} status={loaded.status} categories={loaded.categories.roots}>
        <SessionView onReset={reset} />
      </SessionProvider>
    </DisplayProvider>
  );
}
