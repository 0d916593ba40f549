/** Filters as large toggles (aria-pressed): each tap re-runs the search at once. */
import { Check } from 'lucide-preact';
import { FILTER_TOGGLES, type FilterState, type FilterToggle } from '../../session/filters';
import { useTranslation } from '../../i18n/use-translation';

export function FilterToggles({ filters, onChange }: { filters: FilterState; onChange: (filters: FilterState) => void }) {
  const { t, language } = useTranslation();
  // "My language is spoken" means nothing when the screen is in French, the language of every place.
  const shown = FILTER_TOGGLES.filter((toggle: FilterToggle) => toggle !== 'myLanguage' || language !== 'fr');
  return (
    <div class="filters" role="group" aria-label={t('results.filtersLabel')}>
      {shown.map((toggle) => (
        <button
          type="button"
          key={toggle}
          class="toggle"
          aria-pressed={filters[toggle]}
          data-filter={toggle}
          onClick={() => onChange({ ...filters, [toggle]: !filters[toggle] })}
        >
          <span class="toggle__box" aria-hidden="true">
            {filters[toggle] && <Check size={24} strokeWidth={3} />}
          </span>
          {t(`filters.${toggle}`)}
        </button>
      ))}
    </div>
  );
}
