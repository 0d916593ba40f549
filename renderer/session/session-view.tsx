/** The screen of the current route, the bar around it, and the idle guard. */
import { useEffect } from 'preact/hooks';
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
  }
}

export function SessionView({ onReset }: { onReset: () => void }) {
  const session = useSession();
  const { language } = useTranslation();
  const { phase, stillHere } = useIdle(session.status.screen.idleTimeoutSeconds, session.status.screen.idleCountdownSeconds, onReset);
  const pristine = session.route.screen === 'welcome' && !session.canGoBack && language === session.status.languages.default;
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
