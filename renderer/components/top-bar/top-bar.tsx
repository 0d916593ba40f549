/**
 * On every screen: home, back, help, language, read aloud, text size, contrast. The same place
 * on every screen, so a person who found it once finds it again.
 */
import { ArrowLeft, Contrast, House, Languages, LifeBuoy, Type, Volume2, VolumeX } from 'lucide-preact';
import { useState } from 'preact/hooks';
import type { LanguageCode } from '../../../common/i18n/languages';
import { useTranslation } from '../../i18n/use-translation';
import { isReading, readAloud, screenText, stopReading } from '../../read-aloud/read-aloud';
import { useSession } from '../../session/session-context';
import { HelpDialog } from '../help-dialog/help-dialog';
import { LanguageDialog } from '../language-dialog/language-dialog';
import { useDisplay } from '../../session/display';

const TEXT_SIZE_KEYS = ['nav.textSizeNormal', 'nav.textSizeLarge', 'nav.textSizeLarger'] as const;

export function TopBar() {
  const { t, language } = useTranslation();
  const session = useSession();
  const display = useDisplay();
  const [open, setOpen] = useState<'help' | 'language' | null>(null);
  const [reading, setReading] = useState(false);
  const [readingFailed, setReadingFailed] = useState(false);
  const onWelcome = session.route.screen === 'welcome';

  const toggleReading = (): void => {
    setReadingFailed(false);
    if (isReading() || reading) {
      stopReading();
      setReading(false);
      return;
    }
    setReading(true);
    readAloud(session.api, language as LanguageCode, screenText(), () => setReading(false)).catch(() => {
      setReading(false);
      setReadingFailed(true);
    });
  };

  return (
    <header class="top-bar" data-no-read>
      <nav class="top-bar__nav" aria-label={t('nav.toolbar')}>
        {!onWelcome && (
          <button type="button" class="bar-button" onClick={session.home} data-testid="nav-home">
            <House aria-hidden="true" size={32} />
            <span>{t('nav.home')}</span>
          </button>
        )}
        {session.canGoBack && (
          <button type="button" class="bar-button" onClick={session.back} data-testid="nav-back">
            <ArrowLeft aria-hidden="true" size={32} class="flip-in-rtl" />
            <span>{t('nav.back')}</span>
          </button>
        )}
        <button type="button" class="bar-button bar-button--help" onClick={() => setOpen('help')} data-testid="nav-help">
          <LifeBuoy aria-hidden="true" size={32} />
          <span>{t('nav.help')}</span>
        </button>
        {!onWelcome && (
          <button type="button" class="bar-button" onClick={() => setOpen('language')} data-testid="nav-language">
            <Languages aria-hidden="true" size={32} />
            <span>{t('nav.language')}</span>
          </button>
        )}
        <button type="button" class="bar-button" aria-pressed={reading} onClick={toggleReading} data-testid="nav-read">
          {reading ? <VolumeX aria-hidden="true" size={32} /> : <Volume2 aria-hidden="true" size={32} />}
          <span>{t(reading ? 'nav.stopReading' : 'nav.readAloud')}</span>
        </button>
        <button type="button" class="bar-button" onClick={display.nextTextSize} data-testid="nav-text-size" aria-label={`${t('nav.textSize')} : ${t(TEXT_SIZE_KEYS[display.textSize])}`}>
          <Type aria-hidden="true" size={32} />
          <span aria-hidden="true">{t(TEXT_SIZE_KEYS[display.textSize])}</span>
        </button>
        <button type="button" class="bar-button" aria-pressed={display.highContrast} onClick={display.toggleContrast} data-testid="nav-contrast">
          <Contrast aria-hidden="true" size={32} />
          <span>{t('nav.contrast')}</span>
        </button>
      </nav>
      {readingFailed && (
        <p class="top-bar__notice" role="status" data-testid="reading-unavailable">
          {t('nav.readingUnavailable')}
        </p>
      )}
      {open === 'help' && <HelpDialog onClose={() => setOpen(null)} />}
      {open === 'language' && <LanguageDialog onClose={() => setOpen(null)} />}
    </header>
  );
}
