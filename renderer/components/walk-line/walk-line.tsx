/**
 * "21 min à pied · 1,2 km": the same words on a result card and on a place's screen; "environ"
 * when the minutes are estimated from the straight line (no stored route for this place).
 */
import { formatDistance } from '../../../common/geo/walking';
import { useTranslation } from '../../i18n/use-translation';

export function WalkLine({ minutes, metres, estimated }: { minutes: number; metres: number; estimated: boolean }) {
  const { t, language } = useTranslation();
  return (
    <span>
      <span data-walk={estimated ? 'estimate' : 'route'}>{t(estimated ? 'route.walkEstimate' : 'results.walk', { minutes })}</span> · <bdi>{formatDistance(metres, language)}</bdi>
    </span>
  );
}
