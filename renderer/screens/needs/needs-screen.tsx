/** Sub-needs of a need, with one tap to skip them all ("show all"). */
import { CategoryTile } from '../../components/category-tile/category-tile';
import { CategoryIcon } from '../../components/category-icon/category-icon';
import { useTranslation } from '../../i18n/use-translation';
import { chooseCategory, rootOf } from '../../session/choose-category';
import { useSession } from '../../session/session-context';

export function NeedsScreen({ category }: { category: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const node = session.categoryById.get(category);
  const rootId = rootOf(session, category);
  return (
    <main class="screen needs" data-screen="needs">
      <h1 class="screen__title">
        <CategoryIcon rootId={rootId} size={48} />
        <span>{t('needs.title', { category: t(`categories.${category}`) })}</span>
      </h1>
      <button
        type="button"
        class="button button--primary button--wide"
        data-testid="show-all"
        onClick={() => session.navigate({ screen: 'results', category })}
      >
        {t('needs.showAll')}
      </button>
      <ul class="tiles tiles--small" aria-label={t('needs.listLabel')}>
        {(node?.children ?? []).map((child) => (
          <li key={child.id}>
            <CategoryTile id={child.id} rootId={rootId} hint={false} onChoose={() => chooseCategory(session, child.id)} />
          </li>
        ))}
      </ul>
    </main>
  );
}
