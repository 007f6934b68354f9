import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError, Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageLayout';
import { errorCode, errorMessage } from '../../lib/errors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useInitiative } from '../initiatives/api';
import { InitiativeNotFound } from '../initiatives/NotFound';
import { Feed } from './Feed';
import { InitiativeTabs } from './InitiativeTabs';
import { ThemesCard } from './ThemesCard';
import { WriteCard } from './WriteCard';
import '../initiatives/initiatives.css';
import './contributions.css';

/** /initiatives/:id/contributions: everything people brought to an initiative, to read, find, support and build on. */
export function FeedPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const initiative = useInitiative(id);
  useDocumentTitle(t('contributions.tabs.contributions'), initiative.data?.title);
  if (initiative.isPending) return <Loading />;
  if (initiative.isError) {
    if (errorCode(initiative.error) === 'not_found') return <InitiativeNotFound path={window.location.pathname} />;
    return <LoadError message={errorMessage(t, initiative.error)} onRetry={() => void initiative.refetch()} />;
  }
  const i = initiative.data;
  return (
    <>
      <PageHeader eyebrow={<Link to={`/orgs/${i.org.slug}`}>← {i.org.name}</Link>} title={i.title} lead={<p>{i.summary}</p>} />
      <InitiativeTabs initiative={i} />
      <div className="initiative-layout feed-layout">
        <div className="initiative-main">
          <Feed initiative={i} />
        </div>
        <aside className="initiative-side">
          <WriteCard initiative={i} />
          <ThemesCard initiative={i} />
        </aside>
      </div>
    </>
  );
}
