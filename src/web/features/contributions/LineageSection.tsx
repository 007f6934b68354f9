import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '../../components/PageLayout';
import { useLineage } from './api';
import { KindBadge } from './badges';
import { asKind } from './kinds';
import type { Contribution, Lineage } from './types';

type Group = 'answers' | 'cites' | 'citedBy' | 'buildsOn' | 'builtUponBy' | 'mergedInto' | 'merged';

/** Where it comes from and what grew out of it: needs answered, experiences cited, builds on and by, merges. */
export function LineageSection({ c }: { c: Contribution }) {
  const { t } = useTranslation();
  const lineage = useLineage(c.id);
  const l: Lineage | undefined = lineage.data;
  const groups: { key: Group; items: { id: string; title: string; kind?: string; need?: boolean }[] }[] = l
    ? [
        { key: 'answers', items: l.answers.map((n) => ({ ...n, need: true })) },
        { key: 'cites', items: l.cites },
        { key: 'buildsOn', items: l.buildsOn },
        { key: 'builtUponBy', items: l.builtUponBy },
        { key: 'citedBy', items: l.citedBy },
        { key: 'mergedInto', items: l.mergedInto ? [l.mergedInto] : [] },
        { key: 'merged', items: l.merged },
      ]
    : [];
  const shown = groups.filter((g) => g.items.length > 0);
  return (
    <Section id="lineage" title={t('contributions.lineage.title')}>
      {shown.length === 0 ? (
        <p className="muted">{lineage.isSuccess ? t('contributions.lineage.none') : ''}</p>
      ) : (
        <dl className="lineage">
          {shown.map((g) => (
            <div key={g.key} className="lineage-group">
              <dt>{t(`contributions.lineage.${g.key}`)}</dt>
              <dd>
                <ul className="ref-list">
                  {g.items.map((item) => (
                    <li key={item.id}>
                      {item.need ? (
                        <>
                          <span className="badge badge-warning">{t('contributions.lineage.need')}</span> <Link to={`/initiatives/${c.initiativeId}#needs-title`}>{item.title}</Link>
                        </>
                      ) : (
                        <>
                          <KindBadge kind={asKind(item.kind ?? 'idea')} /> <Link to={`/contributions/${item.id}`}>{item.title}</Link>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Section>
  );
}
