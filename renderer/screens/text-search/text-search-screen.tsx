/**
 * Words for those who want them: the on-screen keyboard in the chosen language's script (the OS
 * keyboard never opens: inputmode="none"), needs and places suggested while typing.
 */
import { Search, X } from 'lucide-preact';
import { useEffect, useState } from 'preact/hooks';
import type { LanguageCode } from '../../../common/i18n/languages';
import { foldForMatch } from '../../../common/i18n/fold';
import { OnScreenKeyboard, useKeyboardLabels } from '../../components/on-screen-keyboard/on-screen-keyboard';
import { useTranslation } from '../../i18n/use-translation';
import { chooseCategory } from '../../session/choose-category';
import { useSession } from '../../session/session-context';

const SUGGESTION_DELAY_MS = 150;
const MAX_NEEDS = 4;
const MAX_PLACES = 5;

type PlaceSuggestion = { id: number; name: string; city: string };

export function TextSearchScreen() {
  const { t, language } = useTranslation();
  const keyboardLabels = useKeyboardLabels();
  const session = useSession();
  const text = session.typed;
  const [places, setPlaces] = useState<PlaceSuggestion[]>([]);
  const words = foldForMatch(text).split(' ').filter(Boolean);

  const needs =
    words.length === 0
      ? []
      : [...session.categoryById.keys()]
          .filter((id) => {
            const label = foldForMatch(t(`categories.${id}`)).split(' ');
            return words.every((word) => label.some((part) => part.startsWith(word)));
          })
          .slice(0, MAX_NEEDS);

  useEffect(() => {
    if (text.trim().length < 2) {
      setPlaces([]);
      return;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      session.api
        .search({ language: language as LanguageCode, text, pageSize: MAX_PLACES, radiusMetres: 20_000 })
        .then((answer) => current && setPlaces(answer.items.map((item) => ({ id: item.id, name: item.name, city: item.city }))))
        .catch(() => current && setPlaces([]));
    }, SUGGESTION_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [text, language]);

  const submit = (): void => {
    if (text.trim()) session.navigate({ screen: 'results', text: text.trim() });
  };

  return (
    <main class="screen text-search" data-screen="text-search">
      <h1 class="screen__title">{t('textSearch.title')}</h1>
      <form
        class="text-search__form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label class="visually-hidden" for="search-words">
          {t('textSearch.inputLabel')}
        </label>
        <input
          id="search-words"
          class="text-search__input"
          type="text"
          inputMode="none"
          autoComplete="off"
          autoCorrect="off"
          spellcheck={false}
          placeholder={t('textSearch.placeholder')}
          value={text}
          onInput={(event) => session.setTyped((event.target as HTMLInputElement).value)}
          data-testid="search-input"
        />
        <button type="button" class="button" onClick={() => session.setTyped('')} disabled={!text} data-testid="search-clear">
          <X aria-hidden="true" size={28} />
          <span>{t('textSearch.clear')}</span>
        </button>
        <button type="submit" class="button button--primary" disabled={!text.trim()} data-testid="search-submit">
          <Search aria-hidden="true" size={28} />
          <span>{t('textSearch.search')}</span>
        </button>
      </form>
      <section class="suggestions" aria-label={t('textSearch.suggestions')} aria-live="polite" data-testid="suggestions">
        {needs.map((id) => (
          <button type="button" key={id} class="suggestion suggestion--need" data-category={id} onClick={() => chooseCategory(session, id)}>
            {t(`categories.${id}`)}
          </button>
        ))}
        {places.map((place) => (
          <button
            type="button"
            key={place.id}
            class="suggestion"
            data-place={place.id}
            onClick={() => session.navigate({ screen: 'place', id: place.id })}
          >
            <span lang="fr">{place.name}</span> <span class="suggestion__city" lang="fr">{place.city}</span>
          </button>
        ))}
      </section>
      <OnScreenKeyboard
        language={language}
        value={text}
        onChange={session.setTyped}
        labels={keyboardLabels}
      />
    </main>
  );
}
