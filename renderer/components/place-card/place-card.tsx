/** One result: number (matching its pin), name, state, walk, address, the place's notice. */
import { Footprints, MapPin } from 'lucide-preact';
import type { KioskResponse } from '../../../common/contract/kiosk-api';
import { useTranslation } from '../../i18n/use-translation';
import { StateBadge } from '../state-badge/state-badge';
import { WalkLine } from '../walk-line/walk-line';

export type ResultItem = KioskResponse<'search'>['items'][number];

export function PlaceCard({ item, number, onOpen }: { item: ResultItem; number: number; onOpen: () => void }) {
  const { t } = useTranslation();
  // Places "sur orientation" never show a street address (API.md: the API masks it too).
  const where = item.address ?? `${item.postalCode} ${item.city}`;
  return (
    <button type="button" class="card" onClick={onOpen} data-place={item.id} data-testid="place-card">
      <span class="card__number" aria-hidden="true">
        {number}
      </span>
      <span class="card__body">
        <span class="card__name" lang="fr">
          {item.name}
        </span>
        <StateBadge state={item.state} />
        <span class="card__walk">
          <Footprints aria-hidden="true" size={24} />
          <WalkLine minutes={item.walkingMinutes} metres={item.walkingMetres} estimated={item.walkingEstimated} />
        </span>
        <span class="card__address">
          <MapPin aria-hidden="true" size={24} />
          <span lang="fr">{where}</span>
          {item.address === null && <span class="card__note">{t(item.mobile ? 'results.mobile' : 'results.referral')}</span>}
        </span>
        {item.noticeTitle && (
          <span class="card__notice" lang={item.translated ? undefined : 'fr'}>
            {item.noticeTitle}
          </span>
        )}
      </span>
    </button>
  );
}
