import { diffWords } from 'diff';
import { useTranslation } from 'react-i18next';
import type { Revision } from './types';

type Part = Revision['changes'][number]['parts'][number];

/** The same word diff the server makes for contributions, for two texts at hand (a comment's versions). */
export const wordParts = (before: string, after: string): Part[] =>
  diffWords(before, after).map((p) => ({ op: p.added ? 'added' : p.removed ? 'removed' : 'same', text: p.value }));

/** Keeps a few words either side of a change; long unchanged stretches fold to "…". */
const CONTEXT_WORDS = 8;
function fold(text: string, keepStart: boolean, keepEnd: boolean): string {
  const words = text.split(/(\s+)/);
  const limit = CONTEXT_WORDS * 2;
  if (words.length <= limit * 2 + 2) return text;
  const head = keepStart ? words.slice(0, limit).join('') : '';
  const tail = keepEnd ? words.slice(-limit).join('') : '';
  return `${head}${head ? ' ' : ''}…${tail ? ' ' : ''}${tail}`;
}

/** A word diff as running text: removed words struck through in red, added ones underlined in green. */
export function WordDiff({ parts }: { parts: Part[] }) {
  const { t } = useTranslation();
  return (
    <p className="word-diff">
      {parts.map((p, i) => {
        if (p.op === 'added')
          return (
            <ins key={i}>
              <span className="visually-hidden">[{t('contributions.history.added')}: </span>
              {p.text}
              <span className="visually-hidden">]</span>
            </ins>
          );
        if (p.op === 'removed')
          return (
            <del key={i}>
              <span className="visually-hidden">[{t('contributions.history.removed')}: </span>
              {p.text}
              <span className="visually-hidden">]</span>
            </del>
          );
        return <span key={i}>{fold(p.text, i > 0, i < parts.length - 1)}</span>;
      })}
    </p>
  );
}
