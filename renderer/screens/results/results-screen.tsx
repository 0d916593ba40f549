/**
 * Results: a numbered list and a map with the same numbers, filters as toggles. Sorted by the
 * search (open first, then nearest); "nothing open" offers the closed ones, "nothing near"
 * offers a wider circle.
 */
import { MapPinned } from 'lucide-preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { LanguageCode } from '../../../common/i18n/languages';
import { CategoryIcon } from '../../components/category-icon/category-icon';
import { FilterToggles } from '../../components/filter-toggles/filter-toggles';
import { PlaceCard } from '../../components/place-card/place-card';
import { ResultsMap, type MapPin } from '../../components/results-map/results-map';
import { useTranslation } from '../../i18n/use-translation';
import { rootOf } from '../../session/choose-category';
import { searchFilters } from '../../session/filters';
import { useSession } from '../../session/session-context';
import { useSearch } from './use-search';

const PAGE_SIZE = 30;
const RADII = [5_000, 20_000, 50_000] as const;

export function ResultsScreen({ category, text }: { category?: string; text?: string }) {
  const { t, language } = useTranslation();
  const session = useSession();
  const { filters, town, status } = session;
  const [radiusStep, setRadiusStep] = useState(0);
  const [pages, setPages] = useState(1);
  const request = {
    language: language as LanguageCode,
    ...(category ? { category } : {}),
    ...(text ? { text } : {}),
    ...(town ? { origin: { town: town.id } } : {}),
    radiusMetres: RADII[radiusStep],
    openNow: filters.openNow,
    filters: searchFilters(filters, language),
    pageSize: PAGE_SIZE,
  };
  const search = useSearch(session.api, request, pages);
  // The first answer says whether this need (or these words, which are never sent) found anything
  // near: counted once per session, anonymously.
  useEffect(() => {
    if (!search.answer || search.loading) return;
    session.countUsage(
      { event: 'search', category: category ?? null, text: Boolean(text), found: search.answer.total > 0 },
      `search:${category ?? ''}:${text ?? ''}`,
    );
  }, [search.answer, search.loading]);
  const items = search.answer?.items ?? [];
  const here = town ? { latitude: town.latitude, longitude: town.longitude } : status.kiosk;
  const pins: MapPin[] = useMemo(
    () =>
      items.flatMap((item, index) =>
        // A place "sur orientation" keeps its address private: no pin, only its card.
        item.onReferral ? [] : [{ id: item.id, number: index + 1, name: item.name, latitude: item.latitude, longitude: item.longitude }],
      ),
    [search.answer],
  );
  const what = category ? t(`categories.${category}`) : text ? t('results.words', { text }) : t('results.allNeeds');
  const title = town ? t('results.titleNearTown', { category: what, town: town.city }) : t('results.titleNearHere', { category: what });
  const open = (id: number): void => session.navigate({ screen: 'place', id });

  return (
    <main class="screen results" data-screen="results">
      <div class="results__head">
        <h1 class="screen__title">
          {category && <CategoryIcon rootId={rootOf(session, category)} size={48} />}
          <span>{title}</span>
        </h1>
        <button type="button" class="button" onClick={() => session.navigate({ screen: 'town' })} data-testid="change-town">
          <MapPinned aria-hidden="true" size={28} />
          <span>{t('results.changeTown')}</span>
        </button>
        {town && (
          <button type="button" class="button" onClick={() => session.setTown(null)} data-testid="back-near-here">
            {t('results.backNearHere')}
          </button>
        )}
      </div>
      <FilterToggles
        filters={filters}
        onChange={(next) => {
          setPages(1);
          session.setFilters(next);
        }}
      />
      <p class="results__count" role="status" aria-live="polite" data-testid="results-count">
        {search.answer && t('results.count', { count: search.answer.total })}
      </p>
      {search.failed && (
        <p class="notice notice--error" role="alert">
          {t('app.failed')}{' '}
          <button type="button" class="button" onClick={search.retry}>
            {t('app.retry')}
          </button>
        </p>
      )}
      {search.answer && search.answer.total === 0 && (
        <div class="results__empty" data-testid="results-empty">
          <p>{t(filters.openNow ? 'results.noneOpen' : 'results.none')}</p>
          {filters.openNow && (
            <button type="button" class="button button--primary" data-testid="show-closed" onClick={() => session.setFilters({ ...filters, openNow: false })}>
              {t('results.showClosed')}
            </button>
          )}
          {radiusStep < RADII.length - 1 && (
            <button type="button" class="button" data-testid="widen" onClick={() => setRadiusStep(radiusStep + 1)}>
              {t('results.widen')}
            </button>
          )}
        </div>
      )}
      <div class="results__body" aria-busy={search.loading}>
        <ol class="results__list" aria-label={t('results.listLabel')} data-testid="results-list">
          {items.map((item, index) => (
            <li key={item.id}>
              <PlaceCard item={item} number={index + 1} onOpen={() => open(item.id)} />
            </li>
          ))}
        </ol>
        <ResultsMap here={here} hereLabel={t('results.youAreHere')} pins={pins} label={t('results.mapLabel')} onPin={open} testId="results-map" />
      </div>
      {search.answer && items.length < search.answer.total && (
        <button type="button" class="button button--wide" data-testid="more-results" onClick={() => setPages(pages + 1)}>
          {t('results.more')}
        </button>
      )}
    </main>
  );
}
