import { diffArrays } from 'diff';
import { useTranslation } from 'react-i18next';
import { usePlainSentences } from './plain-sentences';
import type { Terms } from './types';

/** What changed between two versions, as the sentences a participant reads: what no longer holds and what is new. */
export function PlainChanges({ before, after, orgName }: { before: Terms; after: Terms; orgName: string }) {
  const { t } = useTranslation();
  const sentences = usePlainSentences();
  const parts = diffArrays(sentences.all(before, orgName), sentences.all(after, orgName));
  const changes = parts.filter((p) => p.added || p.removed).flatMap((p) => p.value.map((text) => ({ added: p.added, text })));
  const unchanged = parts.filter((p) => !p.added && !p.removed).reduce((n, p) => n + p.value.length, 0);
  if (changes.length === 0) return <p className="muted">{t('terms.page.noPlainChange')}</p>;
  return (
    <>
      <ul className="plain-changes">
        {changes.map((change, i) => (
          <li key={i} className={change.added ? 'plain-added' : 'plain-removed'}>
            <span className="plain-change-label">{change.added ? t('terms.page.nowSays') : t('terms.page.noLonger')}</span>
            {change.added ? <span>{change.text}</span> : <del>{change.text}</del>}
          </li>
        ))}
      </ul>
      {unchanged > 0 && <p className="muted">{t('terms.page.plainUnchanged', { count: unchanged })}</p>}
    </>
  );
}
