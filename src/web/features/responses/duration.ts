import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';

/** Hours as people say them: "less than an hour", "5 hours", "2.5 days", "12 days". */
export function useDuration() {
  const { t } = useTranslation();
  const { number } = useFormat();
  return (hours: number): string => {
    if (hours < 1) return t('responses.duration.lessThanHour');
    if (hours < 48) {
      const n = Math.round(hours);
      return t('responses.duration.hours', { count: n, value: number(n) });
    }
    const days = hours / 24;
    const n = days < 10 ? Math.round(days * 10) / 10 : Math.round(days);
    return t('responses.duration.days', { count: n, value: number(n) });
  };
}
