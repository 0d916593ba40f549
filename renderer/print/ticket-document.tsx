/**
 * The ticket a person takes away: where, when (today and the week, dated, nothing relative), how
 * to call, how to get in, the walk from the kiosk, and two QR codes. Labels in the person's
 * language; the place's name and address as written in French.
 */
import type { ItineraryResponse, KioskStatus, PlaceViewResponse } from '../../common/contract/kiosk-api';
import { walkingDirectionsUrl } from '../../common/geo/directions-url';
import { formatDistance } from '../../common/geo/walking';
import { accessLines } from '../../common/places/access-words';
import { dayHours } from '../../common/places/day-hours';
import { formatDay } from '../../common/places/state-words';
import type { Paper } from '../../common/print/print-document';
import { RouteSteps } from '../components/route-steps/route-steps';
import { hoursText, WeekHours } from '../components/week-hours/week-hours';
import { useTranslation } from '../i18n/use-translation';
import { Audience } from '../screens/place/place-details';
import { EmergencyLine, Heading, isolated, longDay, MM_TO_PX, printedAt, Section } from './print-bits';
import { PrintMap } from './print-map';
import { PrintQr } from './print-qr';

export interface TicketData {
  status: KioskStatus;
  place: PlaceViewResponse;
  itinerary: ItineraryResponse | null;
}

function Today({ place }: { place: PlaceViewResponse }) {
  const { t, language } = useTranslation();
  const today = place.week[0];
  if (!today) return null;
  const closedFor = place.state.kind === 'temporarily-closed';
  const words = closedFor ? t('week.temporaryClosure') : today.rule === 'unknown' ? t('state.unknown') : hoursText(t, dayHours(today));
  return (
    <p class="print-today" data-testid="print-today">
      {t('print.today', { day: longDay(today.day, language) })} : <bdi dir="ltr">{words}</bdi>
      {today.holiday && ` (${today.holiday})`}
    </p>
  );
}

export function TicketDocument({ data, paper, dpi }: { data: TicketData; paper: Paper; dpi: number }) {
  const { t, language } = useTranslation();
  const { status, place, itinerary } = data;
  const kiosk = status.kiosk;
  const roll = paper === 'ticket-80mm';
  const when = printedAt(status.now, language, kiosk.timeZone);
  const access = accessLines(place.access);
  const where = place.address ?? `${place.postalCode} ${place.city}`;
  const mapWidthMm = roll ? 72 : 120;
  const qrMaxMm = roll ? 33 : 45;
  return (
    <article class={`print-ticket print-ticket--${roll ? 'roll' : 'sheet'}`} data-testid="print-ticket" data-place={place.id}>
      <header class="print-header">
        <p class="print-header__kiosk">{kiosk.label}</p>
        <p class="print-header__date">{t('print.printedAt', when)}</p>
      </header>
      <h1 class="print-name" lang="fr" dir="ltr">
        {place.name}
      </h1>
      <p class="print-address" lang="fr" dir="ltr" data-testid="print-address">
        {where}
      </p>
      {place.stale && place.updatedAt && (
        <p class="print-stale" data-testid="print-stale">
          {t('place.checkedOld', { date: formatDay(place.updatedAt.slice(0, 10), language, true) })}
        </p>
      )}
      {place.address === null && <p class="print-note">{t(place.mobile ? 'results.mobile' : 'results.referral')}</p>}
      <Today place={place} />

      {place.notices.length > 0 && (
        <Section testId="print-notices">
          <Heading id="place.notices" />
          {place.notices.map((notice) => (
            <p class="print-notice" key={`${notice.kind}-${notice.startDay}`}>
              <strong>
                {formatDay(notice.startDay, language)}
                {notice.endDay && ` – ${formatDay(notice.endDay, language)}`}
              </strong>{' '}
              <span lang={notice.title?.translated || language === 'fr' ? undefined : 'fr'}>{notice.title?.text ?? ''}</span>
            </p>
          ))}
        </Section>
      )}

      {place.phones.length > 0 && (
        <Section testId="print-phone">
          <Heading id="place.phone" />
          {place.phones.map((phone) => (
            <p class="print-phone" key={phone.number}>
              <bdi dir="ltr">{phone.number}</bdi>
              {phone.label && <span class="print-phone__label" lang="fr"> {phone.label}</span>}
            </p>
          ))}
        </Section>
      )}

      <Section testId="print-week">
        <Heading id="week.title" />
        <WeekHours week={place.week} />
      </Section>

      {access.length > 0 && (
        <Section testId="print-access">
          <Heading id="place.access" />
          <ul class="print-lines">
            {access.map((line) => (
              <li key={line.key}>{t(line.key)}</li>
            ))}
          </ul>
        </Section>
      )}
      <Section testId="print-audience">
        <Heading id="place.audience" />
        <Audience audience={place.audience} />
      </Section>

      {place.address !== null && itinerary && (
        <Section testId="print-walk">
          <Heading id="route.title" />
          <PrintMap
            geometry={itinerary.geometry}
            estimate={itinerary.kind === 'estimate'}
            map={status.map}
            width={Math.round(mapWidthMm * MM_TO_PX)}
            height={Math.round(mapWidthMm * 0.62 * MM_TO_PX)}
            label={t('place.mapLabel')}
          />
          <p class="print-from">{t('print.from', { address: isolated(kiosk.address) })}</p>
          <p class="print-walk-line">
            {t(itinerary.kind === 'estimate' ? 'route.walkEstimate' : 'results.walk', { minutes: itinerary.minutes })} ·{' '}
            <bdi>{formatDistance(itinerary.distanceMetres, language)}</bdi>
          </p>
          {itinerary.kind === 'route' ? <RouteSteps steps={itinerary.steps} /> : <p class="print-note" data-testid="print-estimate">{t('route.estimate')}</p>}
        </Section>
      )}

      <div class="print-qr-pair">
        <PrintQr url={place.soliguideUrl} label={t('place.qrPage')} dpi={dpi} maxMm={qrMaxMm} testId="print-qr-page" />
        {place.address !== null && (
          <PrintQr
            url={itinerary?.directionsUrl ?? walkingDirectionsUrl(kiosk, place)}
            label={t('place.qrDirections')}
            dpi={dpi}
            maxMm={qrMaxMm}
            testId="print-qr-directions"
          />
        )}
      </div>
      <EmergencyLine />
      <p class="print-source">
        {t('place.source', { source: 'Soliguide' })}
        {place.updatedAt ? ` · ${t('place.checked', { date: formatDay(place.updatedAt.slice(0, 10), language, true) })}` : ''}
      </p>
    </article>
  );
}
