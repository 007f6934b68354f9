import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ButtonLink } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { LoadError, Loading } from '../../components/Loading';
import { PageHeader, Section } from '../../components/PageLayout';
import { errorCode, errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { KindBadge, StatusBadge } from '../contributions/badges';
import { InitiativeTabs } from '../contributions/InitiativeTabs';
import { protagonistKind } from '../contributions/kinds';
import { useInitiative } from '../initiatives/api';
import { InitiativeNotFound } from '../initiatives/NotFound';
import { SafeMarkdown } from '../initiatives/SafeMarkdown';
import type { Initiative } from '../initiatives/types';
import { useAccountability, type Accountability, type AccountabilityGroup, type AccountabilityItem } from './api';
import { ResponseTimesView } from './ResponseTimesCard';
import { toneOf } from './status-tone';
import '../initiatives/initiatives.css';
import '../contributions/contributions.css';
import './responses.css';

/** /initiatives/:id/accountability: "What we did with your input" — every contribution by what became of it, with the latest answer and the updates about it. */
export function AccountabilityPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const initiative = useInitiative(id);
  const report = useAccountability(id);
  useDocumentTitle(t('responses.accountability.title'), initiative.data?.title);
  if (initiative.isPending) return <Loading />;
  if (initiative.isError) {
    if (errorCode(initiative.error) === 'not_found') return <InitiativeNotFound path={window.location.pathname} />;
    return <LoadError message={errorMessage(t, initiative.error)} onRetry={() => void initiative.refetch()} />;
  }
  const i = initiative.data;
  return (
    <>
      <PageHeader
        eyebrow={<Link to={`/initiatives/${i.id}`}>← {i.title}</Link>}
        title={t('responses.accountability.title')}
        lead={<p>{t('responses.accountability.lead', { org: i.org.name })}</p>}
      />
      <InitiativeTabs initiative={i} />
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <LoadError message={errorMessage(t, report.error)} onRetry={() => void report.refetch()} />
      ) : (
        <Report initiative={i} report={report.data} />
      )}
    </>
  );
}

function Report({ initiative, report }: { initiative: Initiative; report: Accountability }) {
  const { t } = useTranslation();
  if (report.groups.length === 0) {
    return (
      <EmptyState title={t('responses.accountability.emptyTitle')}>
        <p>{t('responses.accountability.empty')}</p>
      </EmptyState>
    );
  }
  return (
    <div className="initiative-layout main-first">
      <div className="initiative-main">
        <Breakdown groups={report.groups} />
        {report.groups.map((group) => (
          <Group key={group.status} initiative={initiative} group={group} />
        ))}
      </div>
      <aside className="initiative-side">
        <ResponseTimesView times={report.responseTimes} />
        <section className="card side-card" aria-labelledby="updates-link-title">
          <h2 id="updates-link-title">{t('responses.updates.title')}</h2>
          <p className="muted">{t('responses.accountability.updatesLead')}</p>
          <ButtonLink variant="secondary" size="sm" to={`/initiatives/${initiative.id}/updates`}>
            {t('responses.updates.all')}
          </ButtonLink>
        </section>
      </aside>
    </div>
  );
}

/** Every contribution at once: a bar split by what became of them, with the counts written out beside. */
function Breakdown({ groups }: { groups: AccountabilityGroup[] }) {
  const { t } = useTranslation();
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  return (
    <section className="card breakdown" aria-labelledby="breakdown-title">
      <h2 id="breakdown-title">{t('responses.accountability.breakdown', { count: total })}</h2>
      <div className="breakdown-bar" aria-hidden="true">
        {groups.map((g) => (
          <span key={g.status} className={`breakdown-part tone-${toneOf(g.status)}`} style={{ flexGrow: g.count }} />
        ))}
      </div>
      <ul className="breakdown-legend">
        {groups.map((g) => (
          <li key={g.status}>
            <span className={`breakdown-swatch tone-${toneOf(g.status)}`} aria-hidden="true" />
            <a href={`#group-${g.status}`}>{t(`contributions.status.${g.status}`)}</a> <strong>{g.count}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Group({ initiative, group }: { initiative: Initiative; group: AccountabilityGroup }) {
  const { t } = useTranslation();
  const more = group.count - group.items.length;
  return (
    <Section id={`group-${group.status}`} title={t('responses.accountability.groupTitle', { status: t(`contributions.status.${group.status}`), count: group.count })}>
      <p className="muted section-lead">{t(`responses.accountability.groupLead.${group.status}`)}</p>
      <ul className="contribution-list">
        {group.items.map((item) => (
          <Item key={item.contribution.id} initiative={initiative} item={item} />
        ))}
      </ul>
      {more > 0 && (
        <p>
          <Link to={`/initiatives/${initiative.id}/contributions?status=${group.status}`}>{t('responses.accountability.more', { count: more })}</Link>
        </p>
      )}
    </Section>
  );
}

function Item({ initiative, item }: { initiative: Initiative; item: AccountabilityItem }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const c = item.contribution;
  const r = item.response;
  return (
    <li className={`card contribution-card account-item tone-border-${toneOf(c.status)}`}>
      <div className="contribution-card-badges">
        <KindBadge kind={c.kind} />
        <StatusBadge status={c.status} />
      </div>
      <h3 className="contribution-card-title">
        <Link to={`/contributions/${c.id}`}>{c.title}</Link>
      </h3>
      <p className="muted account-by">{t('contributions.card.by', { name: c.author.name, kind: t(`kinds.${protagonistKind(c.author.kind)}`) })}</p>
      {r ? (
        <div className="account-answer">
          <p className="account-answer-head">{t('responses.answeredBy', { name: r.author.name, date: date(r.createdAt) })}</p>
          <SafeMarkdown>{r.text}</SafeMarkdown>
          {r.reason && (
            <p className="account-reason">
              <strong>{t('responses.reason')}:</strong> {r.reason}
            </p>
          )}
        </div>
      ) : (
        c.status !== 'merged' && <p className="muted">{t('responses.accountability.noAnswer')}</p>
      )}
      {c.mergedInto && (
        <p className="muted">
          {t('contributions.card.mergedInto')} <Link to={`/contributions/${c.mergedInto.id}`}>{c.mergedInto.title}</Link>
        </p>
      )}
      {item.updates.length > 0 && (
        <div className="account-updates">
          <p className="update-about-label">{t('responses.accountability.updates', { count: item.updates.length })}</p>
          <ul className="ref-list">
            {item.updates.map((u) => (
              <li key={u.id}>
                <Link to={`/initiatives/${initiative.id}/updates#update-${u.id}`}>{u.title}</Link> <span className="muted">({date(u.createdAt)})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}
