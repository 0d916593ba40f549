/** The data quality index (README, "Data quality index"): three scores per need and for the territory. */
import { useTranslation } from '../i18n/use-translation';
import { useDay, useOverview, type StaffOverview } from './staff-shared';

type Scope = StaffOverview['quality']['territory'];

function Score({ value }: { value: number | null }) {
  const { t } = useTranslation();
  if (value === null) return <td>{t('staff.quality.none')}</td>;
  const level = value >= 4 ? 'good' : value >= 2.5 ? 'fair' : 'poor';
  return (
    <td data-level={level} class={`staff-score staff-score--${level}`}>
      {t('staff.quality.score', { score: value.toFixed(1) })}
    </td>
  );
}

function Row({ scope, name }: { scope: Scope; name: string }) {
  return (
    <tr data-scope={scope.id}>
      <th scope="row">{name}</th>
      <td>{scope.placeCount}</td>
      <Score value={scope.scores.recency} />
      <Score value={scope.scores.completeness} />
      <Score value={scope.scores.exhaustiveness} />
    </tr>
  );
}

export function QualityPanel() {
  const { t } = useTranslation();
  const day = useDay();
  const { overview } = useOverview();
  if (!overview) return <p aria-busy="true">{t('app.loading')}</p>;
  const { quality } = overview;
  const territory = quality.territory;
  const km = (territory.exhaustiveness?.radiusMetres ?? 3000) / 1000;
  const missing = territory.exhaustiveness?.missing ?? [];
  return (
    <div class="staff-quality">
      <table class="staff-table" data-testid="staff-quality">
        <thead>
          <tr>
            <th scope="col">{t('staff.quality.scope')}</th>
            <th scope="col">{t('staff.quality.places')}</th>
            <th scope="col">{t('staff.quality.recency')}</th>
            <th scope="col">{t('staff.quality.completeness')}</th>
            <th scope="col">{t('staff.quality.exhaustiveness')}</th>
          </tr>
        </thead>
        <tbody>
          <Row scope={territory} name={t('staff.quality.territory')} />
          {quality.categories.map((scope) => (
            <Row key={scope.id} scope={scope} name={t(`categories.${scope.id}`)} />
          ))}
        </tbody>
      </table>
      <p data-testid="staff-quality-old">{t('staff.quality.old', { count: territory.recency.over12Months })}</p>
      <p data-testid="staff-quality-missing">
        {missing.length === 0
          ? t('staff.quality.noMissing', { km })
          : t('staff.quality.missing', { km, needs: missing.map((id) => t(`categories.${id}`)).join(', ') })}
      </p>
      {quality.oldestPlaces.length > 0 && (
        <>
          <h2>{t('staff.quality.oldest')}</h2>
          <ul class="staff-list">
            {quality.oldestPlaces.slice(0, 20).map((place) => (
              <li key={place.id}>
                <span lang="fr">{place.name}</span> ·{' '}
                <span class="staff-muted">{place.updatedAt ? day(place.updatedAt.slice(0, 10)) : t('staff.quality.unknownDate')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
