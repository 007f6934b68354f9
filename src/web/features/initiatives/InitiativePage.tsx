import { useTranslation } from 'react-i18next';
import { useAudienceText } from './audience';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { LoadError, Loading } from '../../components/Loading';
import { PageHeader, Section } from '../../components/PageLayout';
import { errorCode, errorMessage } from '../../lib/errors';
import { AgreeSection } from './AgreeSection';
import { InitiativeNotFound } from './NotFound';
import { useInitiative } from './api';
import { InitiativeStatusBadge } from './badges';
import { HostTools } from './HostTools';
import { NeedsAndAssets } from './NeedsAndAssets';
import { PhaseTimeline } from './PhaseTimeline';
import { SafeMarkdown } from './SafeMarkdown';
import { InviteesCard } from './InviteesCard';
import { YourPart } from './YourPart';
import { ContributionsTeaser } from '../contributions/ContributionsTeaser';
import { InitiativeTabs } from '../contributions/InitiativeTabs';
import { ResponseTimesCard } from '../responses/ResponseTimesCard';
import { LatestUpdate } from '../responses/Updates';
import './initiatives.css';

export function InitiativePage() {
  const { t } = useTranslation();
  const audienceText = useAudienceText();
  const { id = '' } = useParams();
  const initiative = useInitiative(id);
  const { hash } = useLocation();
  useDocumentTitle(initiative.data?.title, initiative.data?.org.name);
  // Notifications of an update link to it here: it lives on the Updates tab.
  if (hash.startsWith('#update-')) return <Navigate to={`/initiatives/${id}/updates${hash}`} replace />;
  if (initiative.isPending) return <Loading />;
  if (initiative.isError) {
    if (errorCode(initiative.error) === 'not_found') return <InitiativeNotFound path={window.location.pathname} />;
    return <LoadError message={errorMessage(t, initiative.error)} onRetry={() => void initiative.refetch()} />;
  }
  const i = initiative.data;
  return (
    <>
      <PageHeader
        eyebrow={<Link to={`/orgs/${i.org.slug}`}>← {i.org.name}</Link>}
        title={i.title}
        lead={
          <>
            <p>{i.summary}</p>
            <div className="org-meta">
              <InitiativeStatusBadge status={i.status} />
              <Badge>{t('initiatives.home.readers', { who: t(`initiatives.visibility.${i.visibility}`) })}</Badge>
              <span>{t('initiatives.home.classification', { object: t(`initiatives.object.${i.object}`).toLowerCase(), reach: t(`initiatives.reach.${i.reach}`).toLowerCase() })}</span>
            </div>
          </>
        }
      />
      {i.status === 'draft' && <Alert tone="warning">{t('initiatives.home.draftNote')}</Alert>}
      <InitiativeTabs initiative={i} />
      <div className="initiative-layout">
        <div className="initiative-main">
          {i.vision && (
            <Section id="vision" title={t('initiatives.home.vision')}>
              <SafeMarkdown>{i.vision}</SafeMarkdown>
            </Section>
          )}
          {i.goals.length > 0 && (
            <Section id="goals" title={t('initiatives.home.goals')}>
              <ul>
                {i.goals.map((goal, n) => (
                  <li key={n}>{goal}</li>
                ))}
              </ul>
            </Section>
          )}
          {i.phases.length > 0 && (
            <Section id="phases" title={t('initiatives.home.phases')}>
              <PhaseTimeline phases={i.phases} currentPhaseId={i.currentPhaseId} />
            </Section>
          )}
          <LatestUpdate initiative={i} />
          <ContributionsTeaser initiative={i} />
          <AgreeSection initiative={i} />
          <NeedsAndAssets initiative={i} />
        </div>
        <aside className="initiative-side">
          <YourPart initiative={i} />
          {i.me.canEdit && <HostTools initiative={i} />}
          {i.status !== 'draft' && (
            <ResponseTimesCard
              initiativeId={i.id}
              footer={
                <p className="times-footer">
                  <Link to={`/initiatives/${i.id}/accountability`}>{t('responses.accountability.title')} →</Link>
                  <span className="muted">{t('responses.accountability.linkLead')}</span>
                </p>
              }
            />
          )}
          {i.me.canEdit && i.visibility === 'invite_only' && <InviteesCard initiative={i} />}
          <section className="card side-card" aria-labelledby="stewards-title">
            <h2 id="stewards-title">{t('initiatives.home.stewards')}</h2>
            <ul className="plain-list">
              {i.stewards.map((s) => (
                <li key={s.id}>{s.name}</li>
              ))}
            </ul>
            <p className="muted">{t('initiatives.home.audience', { kinds: audienceText(i.audience) })}</p>
          </section>
        </aside>
      </div>
    </>
  );
}
