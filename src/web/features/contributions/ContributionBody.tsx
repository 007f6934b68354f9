import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KindBadge } from './badges';
import { asKind } from './kinds';
import type { Contribution } from './types';

/** The server renders and sanitises the Markdown; what arrives is inert HTML, never the raw body. */
export function SafeHtml({ html, className }: { html: string; className?: string }) {
  return <div className={className ? `markdown ${className}` : 'markdown'} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** What the contribution says, in the parts its kind has: situation, story and wish; problem, proposal and value; what it builds on. */
export function ContributionBody({ c }: { c: Contribution }) {
  const { t } = useTranslation();
  const d = c.details;
  return (
    <article className="card contribution-article" aria-label={t(`contributions.kind.${c.kind}`)}>
      {c.kind === 'experience' && d.situation && <Part title={t('contributions.fields.situation')} text={d.situation} />}
      {c.kind === 'idea' && d.problem && <Part title={t('contributions.fields.problem')} text={d.problem} />}
      {c.kind === 'build' && c.links.buildsOn.length > 0 && (
        <section className="contribution-part">
          <h2>{t('contributions.fields.buildsOn')}</h2>
          <ul className="ref-list">
            {c.links.buildsOn.map((ref) => (
              <li key={ref.id}>
                <KindBadge kind={asKind(ref.kind)} /> <Link to={`/contributions/${ref.id}`}>{ref.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="contribution-part">
        <h2>{t(`contributions.fields.body.${c.kind}`)}</h2>
        <SafeHtml html={c.bodyHtml} className="contribution-text" />
      </section>
      {c.kind === 'experience' && d.wish && <Part title={t('contributions.fields.wish')} text={d.wish} />}
      {c.kind === 'idea' && d.expectedValue && <Part title={t('contributions.fields.expectedValue')} text={d.expectedValue} />}
      {c.tags.length > 0 && (
        <ul className="tag-list" aria-label={t('contributions.fields.tags')}>
          {c.tags.map((tag) => (
            <li key={tag}>
              <Link className="tag" to={`/initiatives/${c.initiativeId}/contributions?tag=${encodeURIComponent(tag)}`}>
                #{tag}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

function Part({ title, text }: { title: string; text: string }) {
  return (
    <section className="contribution-part">
      <h2>{title}</h2>
      <p className="pre-line">{text}</p>
    </section>
  );
}
