import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge';
import type { InvitationStatus, ProtagonistKind, Role, Visibility } from '../../lib/types';

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Badge tone={role} title={t(`roleHints.${role}`)}>
      {t(`roles.${role}`)}
    </Badge>
  );
}

export function KindBadge({ kind }: { kind: ProtagonistKind }) {
  const { t } = useTranslation();
  return <Badge>{t(`kinds.${kind}`)}</Badge>;
}

export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  const { t } = useTranslation();
  return (
    <Badge tone={visibility === 'public' ? 'success' : 'warning'} title={t(`visibilityHints.${visibility}`)}>
      {t(`visibility.${visibility}`)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: InvitationStatus }) {
  const { t } = useTranslation();
  const tone = status === 'pending' ? 'warning' : status === 'accepted' ? 'success' : 'neutral';
  return <Badge tone={tone}>{t(`statuses.${status}`)}</Badge>;
}
