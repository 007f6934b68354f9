import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useOutletContext, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { Alert } from '../../components/Alert';
import { ButtonLink } from '../../components/Button';
import { LoadError, Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageLayout';
import { errorCode, errorMessage } from '../../lib/errors';
import type { Org, User } from '../../lib/types';
import { useOrg } from './api';
import { KindBadge, RoleBadge, VisibilityBadge } from './badges';
import './orgs.css';

export interface OrgContext {
  org: Org;
  user: User | null;
}

export const useOrgContext = () => useOutletContext<OrgContext>();

/** The frame of every organisation page: who it is, your place in it, and its sections. */
export function OrgLayout() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const { user } = useSession();
  const org = useOrg(slug);

  if (org.isPending) return <Loading />;
  if (org.isError) {
    if (errorCode(org.error) === 'not_found') {
      return (
        <div className="narrow">
          <PageHeader title={t('orgs.notFound.title')} lead={<p>{user ? t('orgs.notFound.body') : t('orgs.notFound.bodySignedOut')}</p>} />
          {user ? <ButtonLink to="/orgs">{t('orgs.list.title')}</ButtonLink> : <ButtonLink to={`/login?next=${encodeURIComponent(`/orgs/${slug}`)}`}>{t('nav.login')}</ButtonLink>}
        </div>
      );
    }
    return <LoadError message={errorMessage(t, org.error)} onRetry={() => void org.refetch()} />;
  }

  const data = org.data;
  const isOwner = data.me?.role === 'owner';
  const tabs = [
    { to: `/orgs/${slug}`, label: t('initiatives.tab'), end: true, show: true },
    { to: `/orgs/${slug}/people`, label: t('orgs.tabs.people'), end: false, show: true },
    { to: `/orgs/${slug}/activity`, label: t('orgs.tabs.activity'), end: false, show: isOwner },
    { to: `/orgs/${slug}/settings`, label: t('orgs.tabs.settings'), end: false, show: isOwner },
  ].filter((tab) => tab.show);

  return (
    <>
      <PageHeader
        eyebrow={user ? <Link to="/orgs">← {t('orgs.list.title')}</Link> : undefined}
        title={data.name}
        lead={
          <>
            {data.description && <p>{data.description}</p>}
            <div className="org-meta">
              <VisibilityBadge visibility={data.visibility} />
              <span>{t('orgs.memberCount', { count: data.memberCount })}</span>
              {data.me && (
                <span className="badges">
                  <span>{t('orgs.home.yourPlace')}</span>
                  <RoleBadge role={data.me.role} />
                  <KindBadge kind={data.me.kind} />
                </span>
              )}
            </div>
          </>
        }
      />
      {!data.me && <Alert tone="info">{user ? t('orgs.home.notMember') : t('orgs.home.notMemberSignedOut')}</Alert>}
      {data.me && tabs.length > 1 && (
        <nav aria-label={t('orgs.tabs.label')}>
          <ul className="org-tabs">
            {tabs.map((tab) => (
              <li key={tab.to}>
                <NavLink to={tab.to} end={tab.end}>
                  {tab.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <Outlet context={{ org: data, user } satisfies OrgContext} />
    </>
  );
}
