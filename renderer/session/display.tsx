/**
 * Text size (three steps) and high contrast: set on <html> so every screen and dialog follows.
 * Part of the session: the idle reset puts them back.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';

export type TextSize = 0 | 1 | 2;

export interface Display {
  textSize: TextSize;
  highContrast: boolean;
  nextTextSize: () => void;
  toggleContrast: () => void;
}

const DisplayContext = createContext<Display | null>(null);

export function useDisplay(): Display {
  const display = useContext(DisplayContext);
  if (!display) throw new Error('useDisplay outside a DisplayProvider');
  return display;
}

export function DisplayProvider({ children }: { children: ComponentChildren }) {
  const [textSize, setTextSize] = useState<TextSize>(0);
  const [highContrast, setHighContrast] = useState(false);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.textSize = String(textSize);
    root.dataset.contrast = highContrast ? 'high' : 'normal';
  }, [textSize, highContrast]);
  useEffect(
    () => () => {
      delete document.documentElement.dataset.textSize;
      delete document.documentElement.dataset.contrast;
    },
    [],
  );
  const display: Display = {
    textSize,
    highContrast,
    nextTextSize: () => setTextSize((size) => ((size + 1) % 3) as TextSize),
    toggleContrast: () => setHighContrast((on) => !on),
  };
  return <DisplayContext.Provider value={display}>{children}</DisplayContext.Provider>;
}
