import { useTranslation } from 'react-i18next';

/** "840 kB", "2.4 MB": a file's size in the reader's language. */
export function useFileSize() {
  const { i18n } = useTranslation();
  return (bytes: number): string => {
    const [value, unit] = bytes < 1000 ? [bytes, 'byte'] : bytes < 1_000_000 ? [bytes / 1000, 'kilobyte'] : [bytes / 1_000_000, 'megabyte'];
    return new Intl.NumberFormat(i18n.resolvedLanguage, { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'long' : 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
  };
}
