/** "Bonjour · Hello · مرحبًا…": the greeting cycles through the kiosk's languages, each in itself. */
import { useEffect, useState } from 'preact/hooks';
import greetings from '../../../locales/greetings.json';
import { textDirection, type LanguageCode } from '../../../common/i18n/languages';

const CYCLE_MS = 2_500;

export function Greeting({ languages }: { languages: LanguageCode[] }) {
  const [index, setIndex] = useState(0);
  useEffect(() => {
    // People who ask for less motion get the greeting in the first language only.
    if (window.matchMedia('(prefers-reduced-motion: reduce)').matches || languages.length < 2) return;
    const timer = window.setInterval(() => setIndex((i) => (i + 1) % languages.length), CYCLE_MS);
    return () => window.clearInterval(timer);
  }, [languages.length]);
  const code = languages[index % languages.length] ?? 'fr';
  return (
    <p class="greeting" lang={code} dir={textDirection(code)} data-testid="greeting" aria-hidden="true">
      {(greetings as Record<string, string>)[code]}
    </p>
  );
}
