import { useTranslation } from '../../i18n/use-translation';
import { CategoryIcon } from '../category-icon/category-icon';

/** A large tile for one need: pictogram first, then the word, then a few examples. */
export function CategoryTile({ id, rootId, onChoose, hint = true }: { id: string; rootId: string; onChoose: () => void; hint?: boolean }) {
  const { t, i18n } = useTranslation();
  const hintKey = `categoryHints.${id}`;
  return (
    <button type="button" class="tile" data-category={id} onClick={onChoose}>
      <CategoryIcon rootId={rootId} />
      <span class="tile__label">{t(`categories.${id}`)}</span>
      {hint && i18n.exists(hintKey) && <span class="tile__hint">{t(hintKey)}</span>}
    </button>
  );
}
