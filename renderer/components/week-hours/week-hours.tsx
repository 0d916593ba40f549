/** The week's hours, today first; temporary changes and holidays marked in words, not colour only. */
import type { PlaceViewResponse } from '../../../common/contract/kiosk-api';
import { localeWithLatinDigits } from '../../../common/i18n/languages';
import { useTranslation } from '../../i18n/use-translation';

type Day = PlaceViewResponse['week'][number];

const RULE_KEYS: Partial<Record<Day['rule'], string>> = {
  'temporary-hours': 'week.temporaryHours',
  'temporary-closure': 'week.temporaryClosure',
  holiday: 'week.holiday',
  unknown: 'week.unknown',
};

function clock(minute: number): string {
  const wrapped = minute % 1440;
  return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
}

export function WeekHours({ week }: { week: Day[] }) {
  const { t, language } = useTranslation();
  const dayName = new Intl.DateTimeFormat(localeWithLatinDigits(language), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  return (
    <table class="week" data-testid="week-hours">
      <caption class="visually-hidden">{t('week.title')}</caption>
      <tbody>
        {week.map((day, index) => {
          const allDay = day.slots.length === 1 && day.slots[0]?.start === 0 && day.slots[0]?.end >= 1440;
          const hours =
            day.rule === 'temporary-closure' || day.slots.length === 0
              ? t('week.closed')
              : allDay
                ? t('week.allDay')
                : day.slots.map((slot) => `${clock(slot.start)}–${clock(slot.end)}`).join(', ');
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
