import { Building2Icon, Keyboard, MapPinned, Megaphone } from 'lucide-preact';
import { useRef, useState } from 'preact/hooks';
import { CategoryTile } from '../../components/category-tile/category-tile';
import { LanguageBar } from '../../components/language-bar/language-bar';
import { StatusLine } from '../../components/status-line/status-line';
import { Greeting } from '../../components/greeting/greeting';
import { StaffPinDialog } from '../../components/staff-pin-dialog/staff-pin-dialog';
import { localized } from '../../i18n/localized';
import { useTranslation } from '../../i18n/use-translation';
import { chooseCategory, rootOf } from '../../session/choose-category';
import { useSession } from '../../session/session-context';

/** Staff's discreet gesture: this many taps on "You are here" within STAFF_TAPS_MS. */
const STAFF_TAPS = 5;
const STAFF_TAPS_MS = 3_000;

/** Counts quick taps; calls `onGesture` at the last one. */
function useTapGesture(onGesture: () => void): () => void {
  const taps = useRef<number[]>([]);
  return () => {
    const now = Date.now();
    taps.current = [...taps.current.filter((at) => now - at < STAFF_TAPS_MS), now];
    if (taps.current.length >= STAFF_TAPS) {
      taps.current = [];
      onGesture();
    }
  };
}

export function WelcomeScreen() {
  const { t, language } = useTranslation();
  const session = useSession();
  const [pinOpen, setPinOpen] = useState(false);
  const tap = useTapGesture(() => setPinOpen(true));
  const { status } = session;
  const announcement = localized(status.screen.announcement, language);
  const featured = status.screen.featuredCategories.filter((id) => session.categoryById.has(id));
  return (
    <main class="screen welcome" data-screen="welcome">
      {status.data.demo && (
        <p class="demo-banner" role="note" data-testid="demo-banner">
          {t('welcome.demo')}
        </p>
      )}
      {announcement && (
        <section class="announcement" aria-label={t('welcome.announcement')} data-testid="announcement">
          <Megaphone aria-hidden="true" size={36} />
          <p lang={announcement.inFrench ? 'fr' : undefined}>{announcement.text}</p>
          {announcement.inFrench && <span class="in-french">{t('app.inFrench')}</span>}
        </section>
      )}
      <div class="welcome__header">
        <Greeting languages={status.languages.enabled} />
        <p class="welcome__here" data-testid="kiosk-label" onPointerDown={tap}>
          <Building2Icon aria-hidden="true" size={28} />
          <span>{t('welcome.youAreHere', { label: status.kiosk.label })}</span>
        </p>
        <LanguageBar enabled={status.languages.enabled} />
      </div>
      <h1 class="welcome__question">{t('welcome.whatDoYouNeed')}</h1>
      <ul class="tiles" aria-label={t('welcome.categoriesLabel')}>
        {featured.map((id) => (
          <li key={id}>
            <CategoryTile id={id} rootId={rootOf(session, id)} onChoose={() => chooseCategory(session, id)} />
          </li>
        ))}
      </ul>
      <div class="welcome__more">
        <button type="button" class="button button--wide" onClick={() => session.navigate({ screen: 'text-search' })} data-testid="open-text-search">
          <Keyboard aria-hidden="true" size={32} />
          <span>{t('welcome.searchWords')}</span>
        </button>
        <button type="button" class="button button--wide" onClick={() => session.navigate({ screen: 'town' })} data-testid="open-town">
          <MapPinned aria-hidden="true" size={32} />
          <span>{session.town ? t('results.titleNearTown', { category: t('results.allNeeds'), town: session.town.city }) : t('welcome.otherTown')}</span>
        </button>
      </div>
      <footer class="welcome__footer">
        <StatusLine dataDate={status.data.date} placeCount={status.data.placeCount} />
      </footer>
      {pinOpen && <StaffPinDialog onClose={() => setPinOpen(false)} />}
    </main>
  );
}
