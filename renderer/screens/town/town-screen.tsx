/** Another town, by tapping letters: the towns of the mirror starting with them. */
import { Delete } from 'lucide-preact';
import { useEffect, useState } from 'preact/hooks';
import { useTranslation } from '../../i18n/use-translation';
import { useSession, type Town } from '../../session/session-context';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

export function TownScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const [prefix, setPrefix] = useState('');
  const [towns, setTowns] = useState<Town[] | null>(null);

  useEffect(() => {
    let current = true;
    session.api
      .towns(prefix ? { prefix, limit: 12 } : { limit: 12 })
      .then((answer) => current && setTowns(answer.towns))
      .catch(() => current && setTowns([]));
    return () => {
      current = false;
    };
  }, [prefix]);

  const choose = (town: Town): void => {
    session.setTown(town);
    session.back();
  };

  return (
    <main class="screen town" data-screen="town">
      <h1 class="screen__title">{t('town.title')}</h1>
      <p>{t('town.typeLetters')}</p>
      <div class="town__typed" dir="ltr">
        <output class="town__prefix" aria-label={t('town.typed')} data-testid="town-prefix">
          {prefix}
        </output>
        <button type="button" class="button" disabled={!prefix} onClick={() => setPrefix(prefix.slice(0, -1))} aria-label={t('town.eraseLetter')} data-testid="town-erase">
          <Delete aria-hidden="true" size={32} />
        </button>
      </div>
      <div class="letters" dir="ltr" role="group" aria-label={t('town.typeLetters')}>
        {LETTERS.map((letter) => (
          <button type="button" key={letter} class="letter" data-letter={letter} onClick={() => setPrefix(prefix + letter)}>
            {letter}
          </button>
        ))}
        <button type="button" class="letter" data-letter="-" onClick={() => setPrefix(`${prefix}-`)}>
          -
        </button>
      </div>
      <section aria-labelledby="town-list-title">
        <h2 id="town-list-title">{prefix ? t('town.list') : t('town.nearKiosk')}</h2>
        {towns && towns.length === 0 && <p data-testid="town-none">{t('town.none')}</p>}
        <ul class="towns" data-testid="town-list">
          {(towns ?? []).map((town) => (
            <li key={town.id}>
              <button type="button" class="button button--wide town__choice" data-town={town.id} onClick={() => choose(town)}>
                <span lang="fr">{town.city}</span> <span dir="ltr">{town.postalCode}</span>
                <span class="town__count">{t('town.places', { count: town.placeCount })}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
