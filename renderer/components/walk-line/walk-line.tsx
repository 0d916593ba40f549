/** "21 min à pied · 1,2 km": the same words on a result card and on a place's screen. */
import { formatDistance } from '../../../common/geo/walking';
import { useTranslation } from '../../i18n/use-translation';

export function WalkLine({ minutes, metres }: { minutes: number; metres: number }) {
  const { t, language } = useTranslation();
  return (
    <span>
      {t('results.walk', { minutes })} · <bdi>{formatDistance(metres, language)}</bdi>
    </span>
  );
}
