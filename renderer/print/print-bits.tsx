/** Pieces shared by the printed documents: bilingual headings, the printing date, the 115 line. */
import type { ComponentChildren } from 'preact';
import { localeWithLatinDigits } from '../../common/i18n/languages';
import { useTranslation } from '../i18n/use-translation';

export const MM_TO_PX = 96 / 25.4;

/**
 * A heading in the chosen language and, when that is not French, in French too: someone in the
 * street can then help read the paper.
 */
export function Heading({ id, level = 2 }: { id: string; level?: 2 | 3 }) {
  const { t, language, i18n } = useTranslation();
  const Tag = level === 2 ? 'h2' : 'h3';
  return (
    <Tag class="print-heading">
      {t(id)}
      {language !== 'fr' && (
        <>
          {' · '}
          <bdi class="print-heading__fr" lang="fr" dir="ltr">
            {i18n.getFixedT('fr')(id)}
          </bdi>
        </>
      )}
    </Tag>
  );
}

/** A value kept in its own direction inside a translated sentence (an address in an Arabic line). */
export const isolated = (text: string): string => `\u2068${text}\u2069`;

export function printedAt(nowIso: string, language: string, timeZone: string): { date: string; time: string } {
  const locale = localeWithLatinDigits(language);
  const instant = new Date(nowIso);
  return {
    date: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(instant),
    time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(instant),
  };
}

/** A calendar day with its weekday: "dimanche 22 novembre". */
export function longDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(localeWithLatinDigits(language), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

export function EmergencyLine() {
  const { t } = useTranslation();
  return (
    <p class="print-emergency" data-testid="print-115">
      <strong>{t('help.emergency')}</strong> — {t('help.emergencyDetail')}
    </p>
  );
}

export function Section({ children, testId }: { children: ComponentChildren; testId?: string }) {
  return (
    <section class="print-section" data-testid={testId}>
      {children}
    </section>
  );
}
