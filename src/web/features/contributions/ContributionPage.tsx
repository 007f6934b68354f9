import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { ButtonLink } from '../../components/Button';
import { LoadError, Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageLayout';
import { errorCode, errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useInitiative } from '../initiatives/api';
import { useInitiativeLive } from '../live/live';
import type { Initiative } from '../initiatives/types';
import { AboutCard } from './AboutCard';
import { AttachmentsSection } from './AttachmentsSection';
import { useContribution } from './api';
import { HiddenBadge, KindBadge, SentimentBadge, StatusBadge } from './badges';
import { CoauthorInvitation, HiddenBanner, MergedBanner } from './Banners';
import { CommentsSection } from './CommentsSection';
import { ContributionActions } from './ContributionActions';
import { ContributionBody } from './ContributionBody';
import { EditForm } from './EditForm';
import { HostPanel } from './HostPanel';
import { protagonistKind } from './kinds';
import { LineageSection } from './LineageSection';
import { RevisionsSection } from './RevisionsSection';
import { ResponseSection } from '../responses/ResponseSection';
import { TermsGateDialog } from './TermsGate';
import type { Contribution } from './types';
import '../initiatives/initiatives.css';
import './contributions.css';

/** /contributions/:id: one experience, idea or build, with everything that grew around it. */
export function ContributionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const contribution = useContribution(id);
  const initiative = useInitiative(contribution.data?.initiativeId ?? '');
  useInitiativeLive(contribution.data?.initiativeId);
  useDocumentTitle(contribution.data?.title, initiative.data?.title);
  if (contribution.isPending || (contribution.isSuccess && initiative.isPending)) return <Loading />;
  if (contribution.isError) {
    if (errorCode(contribution.error) === 'not_found') return <ContributionNotFound />;
    return <LoadError message={errorMessage(t, contribution.error)} onRetry={() => void contribution.refetch()} />;
  }
  if (initiative.isError) return <LoadError message={errorMessage(t, initiative.error)} onRetry={() => void initiative.refetch()} />;
  if (!initiative.data) return <Loading />;
  return <ContributionView c={contribution.data} initiative={initiative.data} />;
}

function ContributionNotFound() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <div className="narrow">
      <PageHeader title={t('contributions.page.notFoundTitle')} lead={<p>{t('contributions.page.notFound')}</p>} />
      {user ? <ButtonLink to="/orgs">{t('orgs.list.title')}</ButtonLink> : <ButtonLink to={`/login?next=${encodeURIComponent(window.location.pathname)}`}>{t('nav.login')}</ButtonLink>}
    </div>
  );
}

function ContributionView({ c, initiative }: { c: Contribution; initiative: Initiative }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const [editing, setEditing] = useState(false);
  const [termsOpen, setTermsOpen] = useState(false);
  const coauthors = c.coauthors.filter((a) => a.status === 'accepted');
  return (
    <>
      <PageHeader
        eyebrow={<Link to={`/initiatives/${initiative.id}/contributions`}>← {initiative.title}</Link>}
        title={c.title}
        lead={
          <>
            <div className="contribution-badges">
              <KindBadge kind={c.kind} />
              <StatusBadge status={c.status} />
              {c.details.sentiment && <SentimentBadge sentiment={c.details.sentiment} />}
              {c.hidden && <HiddenBadge />}
              {c.theme && (
                <Link className="chip chip-link" to={`/initiatives/${initiative.id}/contributions?theme=${encodeURIComponent(c.theme.id)}`}>
                  {t('contributions.card.theme', { name: c.theme.name })}
                </Link>
              )}
            </div>
            <p className="contribution-byline">
              {t('contributions.card.by', { name: c.author.name, kind: t(`kinds.${protagonistKind(c.author.kind)}`) })}
              {coauthors.length > 0 && <> {t('contributions.page.withCoauthors', { names: coauthors.map((a) => a.name).join(', ') })}</>}
              {' · '}
              <time dateTime={c.createdAt}>{date(c.createdAt)}</time>
              {c.revision > 1 && (
                <>
                  {' · '}
                  <a href="#history-title">{t('contributions.page.edited', { count: c.revision })}</a>
                </>
              )}
            </p>
          </>
        }
      />
      {c.mergedInto && <MergedBanner c={c} />}
      {c.moderation && <HiddenBanner c={c} />}
      {c.me.coauthorInvitation && <CoauthorInvitation c={c} />}
      <div className="initiative-layout contribution-layout">
        <div className="initiative-main">
          <ResponseSection c={c} initiative={initiative} />
          {editing ? (
            <EditForm c={c} initiativeId={initiative.id} onDone={() => setEditing(false)} />
          ) : (
            <>
              <ContributionBody c={c} />
              <ContributionActions c={c} initiative={initiative} onEdit={() => setEditing(true)} onTermsNeeded={() => setTermsOpen(true)} />
            </>
          )}
          <LineageSection c={c} />
          <AttachmentsSection c={c} />
          {c.revision > 1 && <RevisionsSection c={c} />}
          <CommentsSection c={c} initiative={initiative} onTermsNeeded={() => setTermsOpen(true)} />
        </div>
        <aside className="initiative-side">
          <AboutCard c={c} initiative={initiative} />
          {c.me.canModerate && <HostPanel c={c} initiative={initiative} />}
        </aside>
      </div>
      <TermsGateDialog initiative={initiative} open={termsOpen} onClose={() => setTermsOpen(false)} />
    </>
  );
}
