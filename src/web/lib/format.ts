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
  return {
    date: (iso: string) => date.format(new Date(iso)),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
  };
}

/** "steward" → "Steward", for labels that stand alone (select options); sentences keep lower case. */
export const capitalise = (text: string): string => text.charAt(0).toLocaleUpperCase() + text.slice(1);
