import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../components/Badge';
import type { ContributionKind, Sentiment, Status } from './types';

const KIND_TONES: Record<ContributionKind, BadgeTone> = { experience: 'member', idea: 'owner', build: 'steward' };
const STATUS_TONES: Record<Status, BadgeTone> = {
  received: 'neutral', under_review: 'warning', accepted: 'success', in_development: 'member', delivered: 'success', declined: 'danger', not_now: 'observer', merged: 'observer',
};
const SENTIMENT_TONES: Record<Sentiment, BadgeTone> = { pain: 'danger', delight: 'success', mixed: 'warning' };

export function KindBadge({ kind }: { kind: ContributionKind }) {
  const { t } = useTranslation();
  return <Badge tone={KIND_TONES[kind]}>{t(`contributions.kind.${kind}`)}</Badge>;
}

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <Badge tone={STATUS_TONES[status]}>{t(`contributions.status.${status}`)}</Badge>;
}

export function SentimentBadge({ sentiment }: { sentiment: Sentiment }) {
  const { t } = useTranslation();
  return <Badge tone={SENTIMENT_TONES[sentiment]}>{t(`contributions.sentiment.${sentiment}`)}</Badge>;
}

export function HiddenBadge() {
  const { t } = useTranslation();
  return <Badge tone="danger">{t('contributions.hiddenBadge')}</Badge>;
}
