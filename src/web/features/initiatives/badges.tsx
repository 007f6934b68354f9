import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../components/Badge';
import type { InitiativeStatus } from './types';

const TONES: Record<InitiativeStatus, BadgeTone> = { draft: 'warning', open: 'success', closed: 'neutral', archived: 'neutral', discarded: 'danger' };

export function InitiativeStatusBadge({ status }: { status: InitiativeStatus }) {
  const { t } = useTranslation();
  return <Badge tone={TONES[status]}>{t(`initiatives.status.${status}`)}</Badge>;
}
