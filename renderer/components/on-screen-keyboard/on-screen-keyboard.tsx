import 'simple-keyboard/build/css/index.css';
import './on-screen-keyboard.css';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { SimpleKeyboard, type KeyboardButtonAttributes, type KeyboardButtonTheme, type KeyboardOptions } from 'simple-keyboard';
import { escapeHtml } from '../../../common/text/escape-html';
import { useTranslation } from '../../i18n/use-translation';
import {
  BACKSPACE_KEY,
  LOCK_KEY,
  SHIFT_KEY,
  SPACE_KEY,
  SWITCH_KEY,
  isFunctionKey,
  keyboardLayoutsFor,
  withSwitchKey,
  type KeyboardLayoutChoice,
} from '../../../common/keyboard/keyboard-layouts';

/** The visitor's language's names for the keys without a letter (`textSearch.*` in the catalogues). */
export interface OnScreenKeyboardLabels {
  /** Names the whole keyboard (the group's accessible name). */
  keyboard: string;
  space: string;
  backspace: string;
  shift: string;
  /** On the switch key otherwise: back to the language's own letters, or between two Latin layouts. */
  otherLetters: string;
  /** On the switch key when it leads from a non-Latin layout to Latin letters. */
  latinLetters: string;
}

/** The labels in the kiosk's current language, from the catalogue's `textSearch.*`. */
export function useKeyboardLabels(): OnScreenKeyboardLabels {
  const { t } = useTranslation();
  return {
    space: t('textSearch.space'),
    backspace: t('textSearch.backspace'),
    shift: t('textSearch.shift'),
    otherLetters: t('textSearch.otherLetters'),
    latinLetters: t('textSearch.latinLetters'),
    keyboard: t('textSearch.keyboard'),
  };
}

export interface OnScreenKeyboardProps {
  /** The kiosk language: decides the layouts offered (common/keyboard/keyboard-layouts.ts). */
  language: string;
  /** The search text, owned by the parent; clearing it here clears the keyboard's copy. */
  value: string;
  onChange: (value: string) => void;
  labels: OnScreenKeyboardLabels;
}

type Shift = 'off' | 'once' | 'locked';

/** What the visitor chose, for one language: back to the default layout when the language changes. */
interface Selection {
  language: string;
  index: number;
  shift: Shift;
}


/**
 * Icons as markup for simple-keyboard's `display` (it sets innerHTML, so no Preact component here:
 * rendering one during our own render would break the hooks). Paths of Lucide's `delete`,
 * `arrow-big-up` and `arrow-big-up-dash` (lucide-preact, ISC License). Hidden from assistive
 * technologies: the key's aria-label names it.
 */
function icon(...paths: string[]): string {
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="36" height="36" viewBox="0 0 24 24" fill="none" ' +
    'stroke="currentColor" stroke-width="2.25" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">' +
    paths.map((d) => `<path d="${d}"/>`).join('') +
    '</svg>'
  );
}

const BACKSPACE_ICON = icon(
  'M10 5a2 2 0 0 0-1.344.519l-6.328 5.74a1 1 0 0 0 0 1.481l6.328 5.741A2 2 0 0 0 10 19h10a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2z',
  'm12 9 6 6',
  'm18 9-6 6',
);
const SHIFT_ICON = icon(
  'M9 19a1 1 0 0 0 1 1h4a1 1 0 0 0 1-1v-6a1 1 0 0 1 1-1h3.293a.707.707 0 0 0 .5-1.207l-7.086-7.086a1 1 0 0 0-1.414 0l-7.086 7.086a.707.707 0 0 0 .5 1.207H8a1 1 0 0 1 1 1z',
);
const LOCK_ICON = icon(
  'M14 16a1 1 0 0 0 1-1v-2a1 1 0 0 1 1-1h3.293a.707.707 0 0 0 .5-1.207l-6.939-6.939a1.207 1.207 0 0 0-1.708 0l-6.94 6.94a.707.707 0 0 0 .5 1.206H8a1 1 0 0 1 1 1v2a1 1 0 0 0 1 1z',
  'M9 20h6',
);

/** Where the switch key leads and what it says; none when the language has a single layout. */
function switchTarget(
  choices: readonly KeyboardLayoutChoice[],
  index: number,
  labels: Pick<OnScreenKeyboardLabels, 'otherLetters' | 'latinLetters'>,
): { next: KeyboardLayoutChoice; label: string } | null {
  if (choices.length < 2) return null;
  const current = choices[index];
  const next = choices[(index + 1) % choices.length];
  if (!current || !next) return null;
  const label = next.script === 'latin' && current.script !== 'latin' ? labels.latinLetters : labels.otherLetters;
  return { next, label };
}

/**
 * The on-screen keyboard of the text search: simple-keyboard with the kiosk's layouts, keys of at
 * least 56×56 CSS px rendered as real buttons, one-shot shift, and a key that switches to the
 * language's other layout (French AZERTY for non-Latin languages). Taps keep the focus where it is
 * (`preventMouseDownDefault`), so the search field keeps its caret; text is always added at the
 * end, where the visitor sees it.
 */
export function OnScreenKeyboard({ language, value, onChange, labels }: OnScreenKeyboardProps) {
  const choices = useMemo(() => keyboardLayoutsFor(language), [language]);
  const [stored, setSelection] = useState<Selection>({ language, index: 0, shift: 'off' });
  const selection: Selection = stored.language === language ? stored : { language, index: 0, shift: 'off' };
  const index = selection.index < choices.length ? selection.index : 0;
  const choice = choices[index] ?? (choices[0] as KeyboardLayoutChoice);
  const { shift } = selection;

  const hostRef = useRef<HTMLDivElement>(null);
  const keyboardRef = useRef<SimpleKeyboard | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  const onKeyPress = (button: string): void => {
    if (button === SHIFT_KEY) {
      setSelection({ language, index, shift: shift === 'off' ? 'once' : 'off' });
    } else if (button === LOCK_KEY) {
      setSelection({ language, index, shift: shift === 'locked' ? 'off' : 'locked' });
    } else if (button === SWITCH_KEY) {
      setSelection({ language, index: (index + 1) % choices.length, shift: 'off' });
    } else if (shift === 'once' && !isFunctionKey(button)) {
      setSelection({ language, index, shift: 'off' });
    }
  };
  const onKeyPressRef = useRef(onKeyPress);
  onKeyPressRef.current = onKeyPress;

  const { space, backspace, shift: shiftLabel, otherLetters, latinLetters } = labels;
  const options = useMemo((): KeyboardOptions => {
    const target = switchTarget(choices, index, { otherLetters, latinLetters });
    const layout = target ? withSwitchKey(choice.layout) : choice.layout;
    const attributes: KeyboardButtonAttributes[] = [
      // Real buttons that never submit a surrounding form.
      { attribute: 'type', value: 'button' },
      { attribute: 'aria-label', value: backspace, buttons: BACKSPACE_KEY },
      { attribute: 'aria-label', value: space, buttons: SPACE_KEY },
      { attribute: 'aria-label', value: shiftLabel, buttons: `${SHIFT_KEY} ${LOCK_KEY}` },
      { attribute: 'aria-pressed', value: String(shift !== 'off'), buttons: SHIFT_KEY },
      { attribute: 'aria-pressed', value: String(shift === 'locked'), buttons: LOCK_KEY },
    ];
    const themes: KeyboardButtonTheme[] = [];
    if (shift !== 'off') themes.push({ class: 'osk-latched', buttons: shift === 'locked' ? `${SHIFT_KEY} ${LOCK_KEY}` : SHIFT_KEY });
    return {
      layout: { default: [...layout.default], shift: [...layout.shift] },
      layoutName: shift === 'off' ? 'default' : 'shift',
      theme: `hg-theme-default osk-theme osk-theme--${choice.script}`,
      // simple-keyboard puts `display` texts in with innerHTML: translations are escaped.
      display: {
        [BACKSPACE_KEY]: BACKSPACE_ICON,
        [SPACE_KEY]: `<span class="osk-key-text">${escapeHtml(space)}</span>`,
        [SHIFT_KEY]: SHIFT_ICON,
        [LOCK_KEY]: LOCK_ICON,
        // Named by its visible text (the sample letters are decoration): label and name match.
      [SWITCH_KEY]: target
          ? `<span class="osk-switch-sample" dir="auto" aria-hidden="true">${escapeHtml(target.next.sample)}</span>` +
            `<span class="osk-key-text">${escapeHtml(target.label)}</span>`
          : '',
      },
      // simple-keyboard warns about attributes with an empty value (a missing translation).
      buttonAttributes: attributes.filter((attribute) => attribute.value !== ''),
      buttonTheme: themes,
    };
  }, [choices, choice, index, shift, space, backspace, shiftLabel, otherLetters, latinLetters]);

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return undefined;
    const keyboard = new SimpleKeyboard(host, {
      ...options,
      useButtonTag: true,
      preventMouseDownDefault: true,
      physicalKeyboardHighlight: false,
      // Always type at the end of the text: what a visitor who reads little expects and sees.
      disableCaretPositioning: true,
      // A finger resting on a key must not repeat it.
      disableButtonHold: true,
      enableLayoutCandidates: false,
      // No right-to-left marks in the text: the search matches plain letters.
      rtl: false,
      mergeDisplay: false,
      onChange: (input: string) => onChangeRef.current(input),
      onKeyPress: (button: string) => onKeyPressRef.current(button),
    });
    keyboard.setInput(value);
    keyboardRef.current = keyboard;
    // simple-keyboard types on pointerdown; a key activated from a keyboard or a switch device
    // (Enter or Space on the focused button) only fires a click, with no pointer (detail 0).
    const onKeyboardActivation = (event: MouseEvent): void => {
      if (event.detail !== 0 || !(event.target instanceof Element)) return;
      const key = event.target.closest('[data-skbtn]')?.getAttribute('data-skbtn');
      if (key) keyboard.handleButtonClicked(key);
    };
    host.addEventListener('click', onKeyboardActivation);
    return () => {
      host.removeEventListener('click', onKeyboardActivation);
      keyboard.destroy();
      keyboardRef.current = null;
    };
    // Created once; later `options` and `value` reach it through the two effects below. Layout
    // effects: the new keys are drawn before the next paint, so a shift never shows stale letters.
  }, []);

  useLayoutEffect(() => {
    keyboardRef.current?.setOptions(options);
  }, [options]);

  useLayoutEffect(() => {
    const keyboard = keyboardRef.current;
    if (keyboard && keyboard.getInput() !== value) keyboard.setInput(value);
  }, [value]);

  return (
    // The rows keep the physical keyboard's order in every script, right-to-left ones included.
    <div
      class="osk"
      role="group"
      aria-label={labels.keyboard}
      dir="ltr"
      data-layout={choice.id}
      data-direction={choice.direction}
      onMouseDown={(event) => event.preventDefault()}
    >
      <div ref={hostRef} class="osk-keys" />
    </div>
  );
}
