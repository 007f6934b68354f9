import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Link } from 'react-router';
import { ButtonLink } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { LoadError, Loading } from '../../components/Loading';
import { Section } from '../../components/PageLayout';
import { errorMessage } from '../../lib/errors';
import { useOrgContext } from '../orgs/OrgLayout';
import { useInitiatives, useStyleMap } from './api';
import { InitiativeStatusBadge } from './badges';
import { StyleMap } from './StyleMap';
import './initiatives.css';

/** The organisation's first tab: its initiatives, and where they sit on the style map. */
export function OrgInitiativesPage() {
  const { t } = useTranslation();
  const { org } = useOrgContext();
  const list = useInitiatives(org.slug);
  const map = useStyleMap(org.slug);
  useDocumentTitle(t('initiatives.list.title'), org.name);
  const canStart = org.me?.role === 'owner' || org.me?.role === 'steward';
  const start = canStart ? <ButtonLink to={`/orgs/${org.slug}/initiatives/new`}>{t('initiatives.list.start')}</ButtonLink> : null;

  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadError message={errorMessage(t, list.error)} onRetry={() => void list.refetch()} />;
  const items = list.data.items;
  return (
    <>
      <Section id="initiatives" title={t('initiatives.list.title')} actions={items.length > 0 ? start : null}>
        {items.length === 0 ? (
          <EmptyState level={3} title={t('initiatives.list.emptyTitle')} action={start}>
            <p>{t('initiatives.list.emptyBody')}</p>
          </EmptyState>
        ) : (
          <ul className="initiative-list">
            {items.map((i) => (
              <li key={i.id} className="card initiative-card">
                <div className="initiative-card-head">
                  <h3>
                    <Link to={i.status === 'draft' && i.me.canEdit ? `/orgs/${org.slug}/initiatives/${i.id}/edit` : `/initiatives/${i.id}`}>{i.title}</Link>
                  </h3>
                  <InitiativeStatusBadge status={i.status} />
                </div>
                <p>{i.summary}</p>
                <p className="muted initiative-card-meta">
                  {t(`initiatives.object.${i.object}`)} · {t(`initiatives.locus.${i.locus}`)} · {t(`initiatives.adaptability.${i.adaptability}`)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>
      {items.length > 0 && (
        <Section id="style-map" title={t('initiatives.map.title')}>
          <p className="muted">{t('initiatives.map.lead')}</p>
          {map.isError ? <LoadError message={errorMessage(t, map.error)} onRetry={() => void map.refetch()} /> : <StyleMap map={map.data} />}
        </Section>
      )}
    </>
  );
}
