import { useTranslation } from '../../i18n/use-translation';

/** How fresh the data is, in the visitor's language and the kiosk's time zone. */
export function StatusLine({ dataDate, placeCount }: { dataDate: string | null; placeCount: number }) {
  const { t, language } = useTranslation();
  if (dataDate === null) return <p class="status-line">{t('welcome.noData')}</p>;
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(dataDate));
  const count = new Intl.NumberFormat(language).format(placeCount);
  return (
    <p class="status-line" data-testid="data-date">
      {t('welcome.dataDate', { date, count })}
    </p>
  );
}
