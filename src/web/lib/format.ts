import { useTranslation } from 'react-i18next';

/** Our English is British ("organisation"), so are its dates: 7 Dec 2026, 15:49. */
const LOCALES: Record<string, string> = { en: 'en-GB', es: 'es-ES' };

/** Dates in the reader's language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const locale = LOCALES[language] ?? language;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return {
    date: (iso: string) => date.format(new Date(iso)),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    /** 2.5 → "2.5" (en), "2,5" (es). */
    number: (n: number) => decimal.format(n),
    /** 0.75 → "75%" (en), "75 %" (es). */
    percent: (share: number) => percent.format(share),
  };
}

/** "steward" → "Steward", for labels that stand alone (select options); sentences keep lower case. */
export const capitalise = (text: string): string => text.charAt(0).toLocaleUpperCase() + text.slice(1);
