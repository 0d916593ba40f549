import type { CategoryNode } from '../../../common/contract/kiosk-api';
import { useTranslation } from '../../i18n/use-translation';

/** A large tile for one need; choosing it leads to results (the UI issue wires the journey). */
export function CategoryTile({ category }: { category: CategoryNode }) {
  const { t } = useTranslation();
  return (
    <button type="button" class="tile" data-category={category.id}>
      <span class="tile__label">{t(`categories.${category.id}`)}</span>
    </button>
  );
}
