import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Button } from '../../components/Button';
import { LoadError, Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageLayout';
import { errorCode, errorMessage } from '../../lib/errors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { FollowInitiativeButton } from '../contributions/FollowButtons';
import { InitiativeTabs } from '../contributions/InitiativeTabs';
import { useInitiative } from '../initiatives/api';
import { InitiativeNotFound } from '../initiatives/NotFound';
import { AccountabilityLink } from './AccountabilityLink';
import { UpdateComposer, UpdateList } from './Updates';
import '../initiatives/initiatives.css';
import '../contributions/contributions.css';
import './responses.css';

/** /initiatives/:id/updates: what the hosts did, step by step; hosts post the next update here. */
export function UpdatesPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const initiative = useInitiative(id);
  const [composing, setComposing] = useState(false);
  useDocumentTitle(t('responses.updates.tab'), initiative.data?.title);
  if (initiative.isPending) return <Loading />;
  if (initiative.isError) {
    if (errorCode(initiative.error) === 'not_found') return <InitiativeNotFound path={window.location.pathname} />;
    return <LoadError message={errorMessage(t, initiative.error)} onRetry={() => void initiative.refetch()} />;
  }
  const i = initiative.data;
  const host = (i.me.canEdit || i.me.steward) && i.status !== 'draft' && i.status !== 'archived';
  return (
    <>
      <PageHeader eyebrow={<Link to={`/orgs/${i.org.slug}`}>← {i.org.name}</Link>} title={i.title} lead={<p>{t('responses.updates.lead')}</p>} />
      <InitiativeTabs initiative={i} />
      <div className="initiative-layout main-first">
        <div className="initiative-main">
          {host &&
            (composing ? (
              <UpdateComposer initiative={i} onDone={() => setComposing(false)} />
            ) : (
              <p className="update-write">
                <Button onClick={() => setComposing(true)}>{t('responses.updates.write')}</Button>
              </p>
            ))}
          <section aria-labelledby="updates-title">
            <h2 id="updates-title" className="visually-hidden">
              {t('responses.updates.title')}
            </h2>
            <UpdateList initiativeId={i.id} headingLevel={3} />
          </section>
        </div>
        <aside className="initiative-side">
          <section className="card side-card" aria-labelledby="follow-updates-title">
            <h2 id="follow-updates-title">{t('responses.updates.followTitle')}</h2>
            <p className="muted">{t('responses.updates.followLead')}</p>
            <FollowInitiativeButton initiativeId={i.id} />
          </section>
          <AccountabilityLink initiativeId={i.id} />
        </aside>
      </div>
    </>
  );
}
