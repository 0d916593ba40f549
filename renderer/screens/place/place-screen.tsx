/**
 * One place: what a person needs to go there now, or to keep on paper or on a phone. Place texts
 * are shown in the chosen language when the mirror has a translation, else in French, marked.
 */
import { Flag, Phone, Printer } from 'lucide-preact';
import { useEffect, useState } from 'preact/hooks';
import type { ItineraryResponse, PlaceViewResponse } from '../../../common/contract/kiosk-api';
import type { LanguageCode } from '../../../common/i18n/languages';
import { formatDay } from '../../../common/places/state-words';
import { walkingDirectionsUrl } from '../../../common/geo/directions-url';
import { PrintDialog } from '../../components/print-dialog/print-dialog';
import { QrCode } from '../../components/qr-code/qr-code';
import { ReportDialog } from '../../components/report-dialog/report-dialog';
import { ResultsMap } from '../../components/results-map/results-map';
import { RouteSteps } from '../../components/route-steps/route-steps';
import { StateBadge } from '../../components/state-badge/state-badge';
import { WalkLine } from '../../components/walk-line/walk-line';
import { WeekHours } from '../../components/week-hours/week-hours';
import { useTranslation } from '../../i18n/use-translation';
import { useSession } from '../../session/session-context';
import { PlaceDetails } from './place-details';

type Loaded = { kind: 'loading' } | { kind: 'ready'; place: PlaceViewResponse } | { kind: 'missing' } | { kind: 'failed' };

export function PlaceScreen({ id }: { id: number }) {
  const { t, language } = useTranslation();
  const session = useSession();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [dialog, setDialog] = useState<'print' | 'report' | null>(null);
  const [itinerary, setItinerary] = useState<ItineraryResponse | null>(null);

  useEffect(() => {
    let current = true;
    session.api.place({ id, language: language as LanguageCode }).then(
      (place) => {
        if (!current) return;
        setLoaded({ kind: 'ready', place });
        // Which place is not said: only that one was looked at (once per place and session).
        session.countUsage({ event: 'place-view' }, `place:${id}`);
      },
      (error: { code?: string }) => current && setLoaded({ kind: error.code === 'not-found' ? 'missing' : 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [id, language]);

  useEffect(() => {
    let current = true;
    // Without it the screen still shows the place; the map then has no walk on it.
    session.api.itinerary({ placeId: id }).then(
      (walk) => current && setItinerary(walk),
      () => current && setItinerary(null),
    );
    return () => {
      current = false;
    };
  }, [id]);

  if (loaded.kind !== 'ready') {
    return (
      <main class="screen screen--message" data-screen="place" aria-busy={loaded.kind === 'loading'}>
        {loaded.kind === 'missing' && <p role="alert">{t('place.notFound')}</p>}
        {loaded.kind === 'failed' && <p role="alert">{t('app.failed')}</p>}
        {loaded.kind === 'loading' && <p>{t('app.loading')}</p>}
      </main>
    );
  }
  const { place } = loaded;
  const kiosk = session.status.kiosk;
  const where = place.address ?? `${place.postalCode} ${place.city}`;
  return (
    <main class="screen place" data-screen="place" data-place={place.id}>
      <h1 class="screen__title" lang="fr">
        {place.name}
      </h1>
      <StateBadge state={place.state} large />
      {place.stale && place.updatedAt && (
        <p class="place__stale" role="note" data-testid="place-stale">
          {t('place.checkedOld', { date: formatDay(place.updatedAt.slice(0, 10), language, true) })}
        </p>
      )}
      <div class="place__columns">
        <div class="place__main">
          <section class="place__section" aria-labelledby="place-address">
            <h2 id="place-address">{t('place.address')}</h2>
            <p class="place__address" lang="fr">
              {where}
            </p>
            {place.address === null && <p class="card__note">{t(place.mobile ? 'results.mobile' : 'results.referral')}</p>}
            <p>
              <WalkLine minutes={place.walkingMinutes} metres={place.walkingMetres} estimated={place.walkingEstimated} />
            </p>
          </section>
          {place.phones.length > 0 && (
            <section class="place__section" aria-labelledby="place-phone">
              <h2 id="place-phone">{t('place.phone')}</h2>
              {place.phones.map((phone) => (
                <p class="place__phone" key={phone.number}>
                  <Phone aria-hidden="true" size={36} />
                  <span dir="ltr">{phone.number}</span>
                  {phone.label && <span lang="fr"> {phone.label}</span>}
                </p>
              ))}
            </section>
          )}
          <section class="place__section" aria-labelledby="place-hours">
            <h2 id="place-hours">{t('week.title')}</h2>
            <WeekHours week={place.week} />
          </section>
          <PlaceDetails place={place} />
        </div>
        <aside class="place__side" aria-label={t('place.mapLabel')}>
          {place.address !== null && (
            <>
              <ResultsMap
                here={kiosk}
                hereLabel={t('results.youAreHere')}
                pins={[{ id: place.id, number: 1, name: place.name, latitude: place.latitude, longitude: place.longitude }]}
                walk={itinerary && { geometry: itinerary.geometry, estimate: itinerary.kind === 'estimate' }}
                label={t('place.mapLabel')}
                testId="place-map"
              />
              {itinerary?.kind === 'route' ? (
                <section class="place__section" aria-labelledby="place-route" data-testid="place-route">
                  <h2 id="place-route">{t('route.steps')}</h2>
                  <RouteSteps steps={itinerary.steps} />
                </section>
              ) : (
                <p class="map__note" data-testid="place-estimate">
                  {t('route.estimate')}
                </p>
              )}
            </>
          )}
          <div class="qr-pair">
            <QrCode url={place.soliguideUrl} label={t('place.qrPage')} testId="qr-page" />
            {place.address !== null && (
              <QrCode url={itinerary?.directionsUrl ?? walkingDirectionsUrl(kiosk, place)} label={t('place.qrDirections')} testId="qr-directions" />
            )}
          </div>
        </aside>
      </div>
      <footer class="place__footer">
        <p class="place__source" data-testid="place-source">
          {[
            t('place.source', { source: ['Soliguide', ...place.sources.map((source) => source.name)].filter((name, i, all) => all.indexOf(name) === i).join(', ') }),
            place.updatedAt ? t('place.checked', { date: formatDay(place.updatedAt.slice(0, 10), language, true) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <div class="place__actions">
          <button type="button" class="button button--primary" onClick={() => setDialog('print')} data-testid="print">
            <Printer aria-hidden="true" size={32} />
            <span>{t('place.print')}</span>
          </button>
          <button type="button" class="button" onClick={() => setDialog('report')} data-testid="report-open">
            <Flag aria-hidden="true" size={32} />
            <span>{t('place.report')}</span>
          </button>
        </div>
      </footer>
      {dialog === 'print' && <PrintDialog placeId={place.id} soliguideUrl={place.soliguideUrl} onClose={() => setDialog(null)} />}
      {dialog === 'report' && <ReportDialog placeId={place.id} soliguideUrl={place.soliguideUrl} onClose={() => setDialog(null)} />}
    </main>
  );
}
