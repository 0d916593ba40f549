/** An opening state as icon + words + colour: colour is never the only signal. */
import { Ban, CircleCheck, CircleHelp, Clock, TriangleAlert } from 'lucide-preact';
import type { OpeningStateDto } from '../../../common/opening/state-dto';
import { stateWords, type StateTone } from '../../../common/places/state-words';
import { useTranslation } from '../../i18n/use-translation';
import { useSession } from '../../session/session-context';

const ICONS: Record<StateTone, typeof CircleCheck> = {
  open: CircleCheck,
  soon: TriangleAlert,
  later: Clock,
  closed: Ban,
  unknown: CircleHelp,
};

export function StateBadge({ state, large = false }: { state: OpeningStateDto; large?: boolean }) {
  const { t, language } = useTranslation();
  const { status } = useSession();
  const words = stateWords(state, { locale: language, timeZone: status.kiosk.timeZone });
  const Icon = ICONS[words.tone];
  return (
    <p class={`state state--${words.tone}${large ? ' state--large' : ''}`} data-state={state.kind}>
      <Icon aria-hidden="true" class="state__icon" size={large ? 36 : 28} strokeWidth={2.5} />
      <span>{t(words.key, words.values)}</span>
    </p>
  );
}
