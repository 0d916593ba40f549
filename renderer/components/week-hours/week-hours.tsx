/** The week's hours, today first; temporary changes and holidays marked in words, not colour only. */
import type { PlaceViewResponse } from '../../../common/contract/kiosk-api';
import { localeWithLatinDigits } from '../../../common/i18n/languages';
import { useTranslation } from '../../i18n/use-translation';
import { dayHours, type DayHours } from '../../../common/places/day-hours';

type Day = PlaceViewResponse['week'][number];

export const RULE_KEYS: Partial<Record<Day['rule'], string>> = {
  'temporary-hours': 'week.temporaryHours',
  'temporary-closure': 'week.temporaryClosure',
  holiday: 'week.holiday',
  unknown: 'week.unknown',
};

/** "Fermé", "24 h sur 24" or the day's slots, in the catalogue's words. */
export function hoursText(t: (key: string) => string, hours: DayHours): string {
  if (hours.kind === 'closed') return t('week.closed');
  if (hours.kind === 'all-day') return t('week.allDay');
  return hours.text;
}

export function WeekHours({ week }: { week: Day[] }) {
  const { t, language } = useTranslation();
  const dayName = new Intl.DateTimeFormat(localeWithLatinDigits(language), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  return (
    <table class="week" data-testid="week-hours">
      <caption class="visually-hidden">{t('week.title')}</caption>
      <tbody>
        {week.map((day, index) => {
          const hours = hoursText(t, dayHours(day));
          const rule = RULE_KEYS[day.rule];
          return (
            <tr key={day.day} class={`week__day week__day--${day.rule}${index === 0 ? ' week__day--today' : ''}`} data-rule={day.rule}>
              <th scope="row">
                {index === 0 ? `${t('week.today')} · ` : ''}
                {dayName.format(new Date(`${day.day}T12:00:00Z`))}
              </th>
              <td>
                <bdi dir="ltr">{hours}</bdi>
                {rule && (
                  <span class="week__rule">
                    {t(rule)}
                    {day.holiday ? ` : ${day.holiday}` : ''}
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
