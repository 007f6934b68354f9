import { useTranslation } from 'react-i18next';
import { KINDS, type ProtagonistKind } from '../../lib/types';

/** "Customers, Suppliers and Employees": the audience as a list in the reader's language, in the usual order of kinds. */
export function useAudienceText() {
  const { t, i18n } = useTranslation();
  const list = new Intl.ListFormat(i18n.resolvedLanguage, { type: 'conjunction' });
  return (audience: readonly ProtagonistKind[]) => list.format(KINDS.filter((k) => audience.includes(k)).map((k) => t(`kindsPlural.${k}`)));
}
