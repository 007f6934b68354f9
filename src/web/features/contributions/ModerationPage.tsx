import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { LoadError, Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageLayout';
import { errorCode, errorMessage } from '../../lib/errors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useInitiative } from '../initiatives/api';
import { InitiativeNotFound } from '../initiatives/NotFound';
import { AppealQueue } from './AppealQueue';
import { FlagQueue } from './FlagQueue';
import { InitiativeTabs } from './InitiativeTabs';
import '../initiatives/initiatives.css';
import './contributions.css';

/** /initiatives/:id/moderation: what people flagged, grouped by what they flagged, and the appeals waiting for a decision. */
export function ModerationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const initiative = useInitiative(id);
  useDocumentTitle(t('contributions.tabs.moderation'), initiative.data?.title);
  if (initiative.isPending) return <Loading />;
  if (initiative.isError) {
    if (errorCode(initiative.error) === 'not_found') return <InitiativeNotFound path={window.location.pathname} />;
    return <LoadError message={errorMessage(t, initiative.error)} onRetry={() => void initiative.refetch()} />;
  }
  const i = initiative.data;
  const host = i.me.canEdit || i.me.steward;
  return (
    <>
      <PageHeader eyebrow={<Link to={`/orgs/${i.org.slug}`}>← {i.org.name}</Link>} title={i.title} lead={<p>{t('contributions.moderation.lead')}</p>} />
      <InitiativeTabs initiative={i} />
      {host ? (
        <>
          <FlagQueue initiative={i} />
          <AppealQueue initiative={i} />
        </>
      ) : (
        <Alert tone="info">{t('contributions.moderation.hostsOnly')}</Alert>
      )}
    </>
  );
}
