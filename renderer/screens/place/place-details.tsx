/** The place's conditions, public, services, languages, notices and description. */
import type { PlaceViewResponse } from '../../../common/contract/kiosk-api';
import { accessLines } from '../../../common/places/access-words';
import { audienceWords } from '../../../common/places/audience-words';
import { formatDay } from '../../../common/places/state-words';
import { StateBadge } from '../../components/state-badge/state-badge';
import { useTranslation } from '../../i18n/use-translation';

type Place = PlaceViewResponse;
type LocalText = Place['description'];

function InFrench({ text }: { text: LocalText }) {
  const { t, language } = useTranslation();
  if (!text) return null;
  const french = !text.translated && language !== 'fr';
  return (
    <div class="local-text">
      {french && <span class="in-french">{t('app.inFrench')}</span>}
      <p lang={french ? 'fr' : undefined}>{text.text}</p>
    </div>
  );
}

export function Audience({ audience }: { audience: Place['audience'] }) {
  const { t } = useTranslation();
  const words = audienceWords(audience);
  return (
    <div data-testid="audience">
      <p>{t(`audience.${words.policy}`)}</p>
      {words.groups.length > 0 && (
        <ul class="chips">
          {words.groups.map((group) => (
            <li key={group.key}>{t(group.key, group.values)}</li>
          ))}
        </ul>
      )}
      {words.description && <p lang="fr">{words.description}</p>}
    </div>
  );
}

export function PlaceDetails({ place }: { place: Place }) {
  const { t, language } = useTranslation();
  const access = accessLines(place.access);
  const languageNames = new Intl.DisplayNames([language], { type: 'language', fallback: 'code' });
  return (
    <>
      {place.notices.length > 0 && (
        <section class="place__section place__notices" aria-labelledby="place-notices" data-testid="notices">
          <h2 id="place-notices">{t('place.notices')}</h2>
          {place.notices.map((notice) => (
            <div class="notice" key={`${notice.kind}-${notice.startDay}`}>
              <p class="notice__dates">
                {formatDay(notice.startDay, language)}
                {notice.endDay && ` – ${formatDay(notice.endDay, language)}`}
              </p>
              <InFrench text={notice.title} />
              <InFrench text={notice.description} />
            </div>
          ))}
        </section>
      )}
      {access.length > 0 && (
        <section class="place__section" aria-labelledby="place-access" data-testid="access">
          <h2 id="place-access">{t('place.access')}</h2>
          <ul class="lines">
            {access.map((line) => (
              <li key={line.key}>
                {t(line.key)}
                {line.details && <span lang="fr"> — {line.details}</span>}
              </li>
            ))}
          </ul>
          {place.access.otherText && <p lang="fr">{place.access.otherText}</p>}
        </section>
      )}
      <section class="place__section" aria-labelledby="place-audience">
        <h2 id="place-audience">{t('place.audience')}</h2>
        <Audience audience={place.audience} />
      </section>
      {place.services.length > 0 && (
        <section class="place__section" aria-labelledby="place-services" data-testid="services">
          <h2 id="place-services">{t('place.services')}</h2>
          <ul class="services">
            {place.services.map((service) => (
              <li key={service.id} class="service" data-service={service.categoryId}>
                <h3>{t(`categories.${service.categoryId}`)}</h3>
                <StateBadge state={service.state} />
                {service.saturation === 'HIGH' && <p>{t('place.busy')}</p>}
                <InFrench text={service.description} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {place.languagesSpoken.length > 0 && (
        <section class="place__section" aria-labelledby="place-languages">
          <h2 id="place-languages">{t('place.languages')}</h2>
          <p>{place.languagesSpoken.map((code) => languageNames.of(code) ?? code).join(', ')}</p>
        </section>
      )}
      {place.description && (
        <section class="place__section" aria-labelledby="place-description">
          <h2 id="place-description">{t('place.description')}</h2>
          <InFrench text={place.description} />
        </section>
      )}
    </>
  );
}
