/**
 * Staff's test page: is the printer there, is the paper right, do all scripts print, does a QR
 * code scan? The kiosk, the printer, the date, a ruler in millimetres, a line in each script the
 * kiosk prints and a QR code (Soliguide's help page). In French (documentLanguage): it is for the desk.
 */
import type { KioskStatus } from '../../common/contract/kiosk-api';
import { PAPER_SIZES, type Paper } from '../../common/print/print-document';
import { useTranslation } from '../i18n/use-translation';
import { EmergencyLine, printedAt } from './print-bits';
import { PrintQr } from './print-qr';

/** A sample of each script the kiosk's languages use ("food aid"): a missing font shows as empty boxes. */
const SCRIPT_SAMPLES = [
  { lang: 'fr', text: 'Aide alimentaire — ÀÉÈÇ àéèç œ €' },
  { lang: 'ar', text: 'مساعدة غذائية' },
  { lang: 'fa', text: 'کمک غذایی' },
  { lang: 'ru', text: 'Продовольственная помощь' },
  { lang: 'ka', text: 'სასურსათო დახმარება' },
  { lang: 'ti', text: 'ናይ መግቢ ሓገዝ' },
] as const;

export function TestDocument({ status, paper, dpi }: { status: KioskStatus; paper: Paper; dpi: number }) {
  const { t } = useTranslation();
  const when = printedAt(status.now, 'fr', status.kiosk.timeZone);
  const printableMm = PAPER_SIZES[paper].widthMm - 2 * PAPER_SIZES[paper].marginMm;
  const rulerMm = Math.min(60, Math.floor(printableMm / 10) * 10);
  return (
    <article class="print-test" data-testid="print-test">
      <header class="print-header">
        <p class="print-header__kiosk">{status.kiosk.label}</p>
        <p class="print-header__date">{t('staff.test.printedAt', when)}</p>
      </header>
      <h1 class="print-name">{t('staff.test.title')}</h1>
      <p data-testid="print-test-printer">
        {t('staff.test.printer', { name: status.printer.name ?? t('staff.test.defaultPrinter'), paper, dpi })}
      </p>
      <p>{t('staff.test.kiosk', { id: status.kiosk.id, version: status.version })}</p>
      <div class="print-test__ruler" style={{ width: `${rulerMm}mm` }} aria-label={t('staff.test.rulerLabel', { mm: rulerMm })}>
        {Array.from({ length: rulerMm / 10 + 1 }, (_, index) => (
          <span key={index} style={{ left: `${index * 10}mm` }}>
            {index * 10}
          </span>
        ))}
      </div>
      <p class="print-note">{t('staff.test.ruler', { mm: rulerMm })}</p>
      <h2 class="print-heading">{t('staff.test.scripts')}</h2>
      <ul class="print-lines" data-testid="print-test-scripts">
        {SCRIPT_SAMPLES.map((sample) => (
          <li key={sample.lang} lang={sample.lang}>
            <bdi>{sample.text}</bdi>
          </li>
        ))}
      </ul>
      <PrintQr url={status.screen.helpUrl} label={t('staff.test.qr')} dpi={dpi} maxMm={33} testId="print-test-qr" />
      <EmergencyLine />
    </article>
  );
}
