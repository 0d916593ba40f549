/** The screen of the current route, the bar around it, the idle guard, and the session's counters. */
import { useCallback, useEffect, useRef } from 'preact/hooks';
import type { LanguageCode } from '../../common/i18n/languages';
import { IdleCountdown } from '../components/idle-countdown/idle-countdown';
import { TopBar } from '../components/top-bar/top-bar';
import { useIdle } from '../idle/use-idle';
import { useTranslation } from '../i18n/use-translation';
import { NeedsScreen } from '../screens/needs/needs-screen';
import { PlaceScreen } from '../screens/place/place-screen';
import { ResultsScreen } from '../screens/results/results-screen';
import { TextSearchScreen } from '../screens/text-search/text-search-screen';
import { TownScreen } from '../screens/town/town-screen';
import { WelcomeScreen } from '../screens/welcome/welcome-screen';
import { StaffLoader } from '../staff/staff-loader';
import type { Route } from './routes';
import { useSession } from './session-context';

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'welcome':
      return <WelcomeScreen />;
    case 'needs':
      return <NeedsScreen category={route.category} />;
    case 'results':
      return <ResultsScreen category={route.category} text={route.text} />;
    case 'place':
      return <PlaceScreen id={route.id} />;
    case 'text-search':
      return <TextSearchScreen />;
    case 'town':
      return <TownScreen />;
    case 'staff':
      return <StaffLoader token={route.token} />;
  }
}

export function SessionView({ onReset }: { onReset: () => void }) {
  const session = useSession();
  const { language } = useTranslation();
  const pristine = session.route.screen === 'welcome' && !session.canGoBack && language === session.status.languages.default;
  const started = useRef(false);
  const languages = useRef(new Set<string>());

  // A person's session starts when they leave the untouched welcome screen; each language they
  // turn to is counted once. Nothing else about them is.
  useEffect(() => {
    if (session.isStaff || session.route.screen === 'staff') return;
    if (!started.current && !pristine) {
      started.current = true;
      languages.current.add(language);
      session.countUsage({ event: 'session', language: language as LanguageCode });
    } else if (started.current && !languages.current.has(language)) {
      languages.current.add(language);
      session.countUsage({ event: 'language', language: language as LanguageCode });
    }
  }, [pristine, language, session.isStaff, session.route.screen]);

  const onIdle = useCallback(() => {
    if (started.current && !session.isStaff) session.countUsage({ event: 'idle-reset' });
    onReset();
  }, [onReset, session.isStaff]);
  const { phase, stillHere } = useIdle(session.status.screen.idleTimeoutSeconds, session.status.screen.idleCountdownSeconds, onIdle);
  // A new screen starts at its top.
  useEffect(() => window.scrollTo(0, 0), [session.route]);
  return (
    <div class="kiosk" data-route={session.route.screen}>
      <TopBar />
      <Screen key={JSON.stringify(session.route)} route={session.route} />
      {phase.kind === 'countdown' && !pristine && <IdleCountdown secondsLeft={phase.secondsLeft} onStay={stillHere} />}
    </div>
  );
}
