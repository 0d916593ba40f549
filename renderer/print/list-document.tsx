/**
 * A staff list: the chosen needs around the kiosk, numbered entries grouped by need, each with
 * address, phone, hours, conditions and a QR code; the agency and the date on top; the 115 line
 * at the foot of every sheet (the renderer repeats it) or at the end of a roll.
 */
import type { KioskApi, KioskStatus, PlaceViewResponse } from '../../common/contract/kiosk-api';
import type { LanguageCode } from '../../common/i18n/languages';
import { localeWithLatinDigits } from '../../common/i18n/languages';
import { accessLines } from '../../common/places/access-words';
import { compactWeek, dayHours } from '../../common/places/day-hours';
import type { ListSpec, Paper } from '../../common/print/print-document';
import { hoursText } from '../components/week-hours/week-hours';
import { useTranslation } from '../i18n/use-translation';
import { EmergencyLine, isolated, longDay, printedAt } from './print-bits';
import { PrintQr } from './print-qr';

/** Entries on one list; more would make a booklet nobody carries. */
export const MAX_LIST_ENTRIES = 60;
const CANDIDATES_PER_CATEGORY = 100;
const PARALLEL_READS = 8;

export interface ListEntry {
  number: number;
  place: PlaceViewResponse;
}

export interface ListData {
  status: KioskStatus;
  spec: ListSpec;
  groups: { category: string; entries: ListEntry[] }[];
  /** Matching places left out by MAX_LIST_ENTRIES. */
  more: number;
}

function openThatDay(place: PlaceViewResponse, day: string): boolean {
  const entry = place.week.find((d) => d.day === day);
  return entry !== undefined && entry.rule !== 'unknown' && dayHours(entry).kind !== 'closed';
}

/** Each place once, under the first chosen need it offers, nearest first. */
export async function loadList(api: KioskApi, status: KioskStatus, spec: ListSpec): Promise<ListData> {
  const language = spec.language as LanguageCode;
  const seen = new Set<number>();
  const candidates: { category: string; id: number }[] = [];
  for (const category of spec.categories) {
    const found = await api.search({ language, category, radiusMetres: spec.radiusMetres, pageSize: CANDIDATES_PER_CATEGORY });
    for (const item of found.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      candidates.push({ category, id: item.id });
    }
  }
  const places = new Map<number, PlaceViewResponse>();
  for (let start = 0; start < candidates.length; start += PARALLEL_READS) {
    const batch = candidates.slice(start, start + PARALLEL_READS);
    const views = await Promise.all(batch.map((c) => api.place({ id: c.id, language }).catch(() => null)));
    views.forEach((view) => view && places.set(view.id, view));
  }
  const kept = candidates.filter((c) => {
    const place = places.get(c.id);
    return place !== undefined && (spec.openOn === null || openThatDay(place, spec.openOn));
  });
  const shown = kept.slice(0, MAX_LIST_ENTRIES);
  let number = 0;
  const groups = spec.categories
    .map((category) => ({
      category,
      entries: shown.filter((c) => c.category === category).map((c) => ({ number: (number += 1), place: places.get(c.id) as PlaceViewResponse })),
    }))
    .filter((group) => group.entries.length > 0);
  return { status, spec, groups, more: kept.length - shown.length };
}

function Hours({ place, openOn }: { place: PlaceViewResponse; openOn: string | null }) {
  const { t, language } = useTranslation();
  if (openOn !== null) {
    const day = place.week.find((d) => d.day === openOn);
    return (
      <p class="print-entry__hours">
        {longDay(openOn, language)} : <bdi dir="ltr">{day ? hoursText(t, dayHours(day)) : t('state.unknown')}</bdi>
      </p>
    );
  }
  const short = new Intl.DateTimeFormat(localeWithLatinDigits(language), { weekday: 'short', timeZone: 'UTC' });
  const name = (day: string): string => short.format(new Date(`${day}T12:00:00Z`));
  return (
    <p class="print-entry__hours">
      {compactWeek(place.week)
        .map((run) => {
          const first = run.days[0]?.day as string;
          const last = run.days[run.days.length - 1]?.day as string;
          const days = run.days.length > 1 ? `${name(first)}–${name(last)}` : name(first);
          return `${days} ${hoursText(t, run.hours)}`;
        })
        .join(' · ')}
    </p>
  );
}

function Entry({ entry, openOn, dpi, qrMm }: { entry: ListEntry; openOn: string | null; dpi: number; qrMm: number }) {
  const { t } = useTranslation();
  const { place } = entry;
  const access = accessLines(place.access);
  return (
    <li class="print-entry" data-testid="print-entry" data-place={place.id} value={entry.number}>
      <div class="print-entry__text">
        <h3 class="print-entry__name">
          <span class="print-entry__number">{entry.number}.</span>{' '}
          <span lang="fr" dir="ltr">
            {place.name}
          </span>
        </h3>
        <p lang="fr" dir="ltr">
          {place.address ?? `${place.postalCode} ${place.city}`}
        </p>
        {place.phones[0] && (
          <p class="print-entry__phone">
            <bdi dir="ltr">{place.phones[0].number}</bdi>
          </p>
        )}
        <Hours place={place} openOn={openOn} />
        {access.length > 0 && <p class="print-entry__access">{access.map((line) => t(line.key)).join(' · ')}</p>}
      </div>
      <PrintQr url={place.soliguideUrl} label="soliguide.fr" dpi={dpi} maxMm={qrMm} />
    </li>
  );
}

export function ListDocument({ data, paper, dpi }: { data: ListData; paper: Paper; dpi: number }) {
  const { t, language } = useTranslation();
  const { status, spec } = data;
  const roll = paper === 'ticket-80mm';
  const when = printedAt(status.now, language, status.kiosk.timeZone);
  const count = data.groups.reduce((sum, group) => sum + group.entries.length, 0);
  const km = new Intl.NumberFormat(localeWithLatinDigits(language), { maximumFractionDigits: 1 }).format(spec.radiusMetres / 1000);
  return (
    <article class={`print-list print-list--${roll ? 'roll' : 'sheet'}`} data-testid="print-list">
      <header class="print-header">
        <p class="print-header__kiosk">{status.kiosk.label}</p>
        <p class="print-header__date">{t('print.printedAt', when)}</p>
      </header>
      <h1 class="print-name">{spec.title ?? t('print.listTitle')}</h1>
      <p class="print-criteria">{spec.categories.map((id) => t(`categories.${id}`)).join(' · ')}</p>
      <p class="print-criteria">{t('print.listWithin', { km, place: isolated(status.kiosk.address) })}</p>
      {spec.openOn && <p class="print-criteria">{t('print.openOn', { day: longDay(spec.openOn, language) })}</p>}
      <p class="print-criteria">{t('print.listCount', { count })}</p>
      {count === 0 && <p class="print-note">{t('print.listNone')}</p>}
      {data.groups.map((group) => (
        <section class="print-group" key={group.category} data-category={group.category}>
          <h2 class="print-group__title">{t(`categories.${group.category}`)}</h2>
          <ol class="print-entries">
            {group.entries.map((entry) => (
              <Entry key={entry.place.id} entry={entry} openOn={spec.openOn} dpi={dpi} qrMm={roll ? 20 : 24} />
            ))}
          </ol>
        </section>
      ))}
      {data.more > 0 && <p class="print-note">{t('print.listMore', { max: MAX_LIST_ENTRIES, count: data.more })}</p>}
      {roll && <EmergencyLine />}
    </article>
  );
}
