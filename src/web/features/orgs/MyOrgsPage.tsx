import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, ButtonLink } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { LoadError, Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageLayout';
import { errorMessage } from '../../lib/errors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useMyOrgs } from './api';
import { KindBadge, RoleBadge, VisibilityBadge } from './badges';
import './orgs.css';

export function MyOrgsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('orgs.list.title'));
  const orgs = useMyOrgs();
  const items = orgs.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('orgs.list.title')}
        lead={<p>{t('orgs.list.lead')}</p>}
        actions={items.length > 0 && <ButtonLink to="/orgs/new">{t('orgs.list.create')}</ButtonLink>}
      />
      {orgs.isPending ? (
        <Loading />
      ) : orgs.isError ? (
        <LoadError message={errorMessage(t, orgs.error)} onRetry={() => void orgs.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('orgs.list.emptyTitle')} action={<ButtonLink to="/orgs/new">{t('orgs.list.createFirst')}</ButtonLink>}>
          <p>{t('orgs.list.emptyBody')}</p>
        </EmptyState>
      ) : (
        <ul className="org-list">
          {items.map((org) => (
            <li key={org.id} className="org-card">
              <h2 className="org-card-title">
                <Link to={`/orgs/${org.slug}`}>{org.name}</Link>
              </h2>
              {org.description && <p className="org-card-description">{org.description}</p>}
              <div className="org-card-meta">
                <span className="badges">
                  {org.me && <RoleBadge role={org.me.role} />}
                  {org.me && <KindBadge kind={org.me.kind} />}
                  <VisibilityBadge visibility={org.visibility} />
                </span>
                <span className="muted">{t('orgs.memberCount', { count: org.memberCount })}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
      {orgs.hasNextPage && (
        <Button variant="secondary" loading={orgs.isFetchingNextPage} onClick={() => void orgs.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
}
