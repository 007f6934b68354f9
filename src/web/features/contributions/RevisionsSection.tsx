import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/Loading';
import { Section } from '../../components/PageLayout';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useRevisions } from './api';
import type { Contribution } from './types';
import { WordDiff } from './WordDiff';

const FIELDS = ['title', 'body', 'situation', 'sentiment', 'wish', 'problem', 'expectedValue', 'tags'] as const;
type Field = (typeof FIELDS)[number];
const isField = (field: string): field is Field => (FIELDS as readonly string[]).includes(field);

/** Every version, newest first, each with what its editor changed word by word and why. */
export function RevisionsSection({ c }: { c: Contribution }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const revisions = useRevisions(c.id);
  const fieldName = (field: string) => (isField(field) ? t(`contributions.history.fields.${field}`) : field);
  return (
    <Section id="history" title={t('contributions.history.title', { count: c.revision })}>
      {revisions.isPending ? (
        <Loading />
      ) : revisions.isError ? (
        <LoadError message={errorMessage(t, revisions.error)} onRetry={() => void revisions.refetch()} />
      ) : (
        <ol className="revisions" reversed>
          {[...revisions.data.items].reverse().map((r) => (
            <li key={r.revision} className="card revision">
              <h3>{t('contributions.history.version', { n: r.revision })}</h3>
              <p className="muted">
                {r.revision === 1 ? t('contributions.history.first', { name: r.editor.name }) : t('contributions.history.by', { name: r.editor.name })} · <time dateTime={r.createdAt}>{dateTime(r.createdAt)}</time>
              </p>
              {r.note && (
                <p>
                  <strong>{t('contributions.history.note')}: </strong>
                  {r.note}
                </p>
              )}
              {r.revision > 1 &&
                (r.changes.length === 0 ? (
                  <p className="muted">{t('contributions.history.noChanges')}</p>
                ) : (
                  <dl className="revision-changes">
                    {r.changes.map((change) => (
                      <div key={change.field}>
                        <dt>{fieldName(change.field)}</dt>
                        <dd>
                          <WordDiff parts={change.parts} />
                        </dd>
                      </div>
                    ))}
                  </dl>
                ))}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
