import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '../../components/PageLayout';
import { useFormat } from '../../lib/format';
import { useMyHidden } from './moderation-api';
import './contributions.css';

/** On the account page: what the hosts hid of yours, why, and where your appeal stands; nothing when nothing is hidden. */
export function MyHiddenSection() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const hidden = useMyHidden();
  const items = hidden.data?.pages.flatMap((p) => p.items) ?? [];
  if (items.length === 0) return null;
  return (
    <Section id="my-hidden" title={t('contributions.mine.title')}>
      <p className="muted">{t('contributions.mine.lead')}</p>
      <ul className="moderation-list">
        {items.map((item) => {
          const s = item.subject;
          const href = s.type === 'comment' ? `/contributions/${s.contributionId}#comment-${s.id}` : `/contributions/${s.id}`;
          return (
            <li key={`${s.type}-${s.id}`} className="card moderation-item">
              <div className="moderation-body">
                <h3 className="contribution-card-title">
                  <Link to={href}>{s.type === 'comment' ? t('contributions.moderation.commentOn', { title: s.title }) : s.title}</Link>
                </h3>
                <p>
                  <strong>{t('contributions.hidden.reason')}: </strong>
                  {item.reason}
                </p>
                <p className="muted">
                  {t('contributions.hidden.when', { date: dateTime(item.hiddenAt) })}{' '}
                  {item.appeal ? t(`contributions.mine.appeal.${item.appeal.status}`) : t('contributions.mine.appeal.none')}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
