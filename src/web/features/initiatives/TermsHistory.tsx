import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { PlainChanges } from './PlainChanges';
import { PlainTerms } from './PlainTerms';
import type { HistoryItem, Worsening } from './types';

/** A JSON line as words: no quotes, no trailing comma; lines that are only brackets say nothing and go. */
const readable = (line: string): string | null => {
  const trimmed = line.trim();
  if (/^[[\]{}],?$/.test(trimmed)) return null;
  const indent = line.slice(0, line.length - line.trimStart().length);
  return indent + trimmed.replace(/,$/, '').replace(/^"([^"]+)":/, '$1:').replace(/: \[$|: \{$/, ':').replace(/^"(.*)"$/, '$1').replace(/: "(.*)"$/, ': $1');
};

/** A line diff: additions in green, removals in red, runs of unchanged lines folded away. */
function Diff({ parts }: { parts: HistoryItem['diff'] }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const lines = parts.flatMap((p) =>
    p.text
      .replace(/\n$/, '')
      .split('\n')
      .map((text) => ({ op: p.op, text: readable(text) }))
      .filter((line): line is { op: typeof p.op; text: string } => line.text !== null),
  );
  const rows: ({ op: 'same' | 'added' | 'removed'; text: string } | { folded: number })[] = [];
  let same: string[] = [];
  const flush = () => {
    if (same.length > 0 && !expanded) rows.push({ folded: same.length });
    else for (const text of same) rows.push({ op: 'same', text });
    same = [];
  };
  for (const line of lines) {
    if (line.op === 'same') same.push(line.text);
    else {
      flush();
      rows.push(line);
    }
  }
  flush();
  return (
    <div className="diff">
      {rows.map((row, i) =>
        'folded' in row ? (
          <button key={i} type="button" className="diff-folded" onClick={() => setExpanded(true)}>
            {t('terms.page.unchanged', { count: row.folded })}
          </button>
        ) : (
          <div key={i} className={`diff-line diff-${row.op}`}>
            <span className="diff-sign" aria-hidden="true">{row.op === 'added' ? '+' : row.op === 'removed' ? '−' : ' '}</span>
            {row.op !== 'same' && <span className="visually-hidden">{row.op === 'added' ? t('terms.page.added') : t('terms.page.removed')}: </span>}
            <span>{row.text}</span>
          </div>
        ),
      )}
    </div>
  );
}

/** A finding of the server's comparison, in the reader's language. */
function useWorseText() {
  const { t } = useTranslation();
  return (w: Worsening): string => {
    const term = (value: string | undefined) => {
      if (value === undefined) return '';
      if (w.code === 'revenue_share_shortened') return value === 'unlimited' ? t('terms.worseValue.unlimited') : t('terms.worseValue.months', { count: Number(value) });
      return t(`terms.worseValue.${value}`, { defaultValue: value });
    };
    return t(`terms.worse.${w.code}`, { kind: w.subject ? t(`initiatives.agree.rewardKind.${w.subject}`, { defaultValue: w.subject }) : '', from: term(w.from), to: term(w.to) });
  };
}

export function TermsHistory({ items, sealedBy, orgName }: { items: HistoryItem[]; sealedBy?: string; orgName: string }) {
  const { t, i18n } = useTranslation();
  const worseText = useWorseText();
  const date = (value: string) => new Date(value).toLocaleDateString(i18n.resolvedLanguage, { day: 'numeric', month: 'long', year: 'numeric' });
  return (
    <ol className="versions">
      {items.map((item, n) => {
        const previous = items[n + 1];
        return (
          <li key={item.version} className="card version">
            <div className="version-head">
              <h2>{t('terms.page.version', { version: item.version })}</h2>
              {n === 0 && <span className="chip chip-strong">{t('terms.page.current')}</span>}
            </div>
            <p className="muted">
              {n === 0 && sealedBy
                ? t('terms.page.sealed', { date: date(item.sealedAt), name: sealedBy })
                : item.version === 1
                  ? t('terms.page.firstSealed', { date: date(item.sealedAt) })
                  : t('terms.page.sealedOn', { date: date(item.sealedAt) })}
              {' · '}
              {t('terms.page.accepted', { count: item.acceptedBy })}
            </p>
            {item.reason && (
              <p>
                <strong>{t('terms.page.reason')}: </strong>
                {item.reason}
              </p>
            )}
            {item.worseForContributors.length > 0 && (
              <Alert tone="warning" title={t('terms.page.worse')}>
                <ul>
                  {item.worseForContributors.map((w, i) => (
                    <li key={i}>{worseText(w)}</li>
                  ))}
                </ul>
                <p>{t('terms.page.worseNote')}</p>
              </Alert>
            )}
            {previous && (
              <>
                <h3>{t('terms.page.changes', { version: previous.version })}</h3>
                <PlainChanges before={previous.terms} after={item.terms} orgName={orgName} />
                <details className="version-more">
                  <summary>{t('terms.page.exact')}</summary>
                  <Diff parts={item.diff} />
                </details>
              </>
            )}
            <details className="version-more">
              <summary>{t('terms.page.readAll', { version: item.version })}</summary>
              <PlainTerms terms={item.terms} orgName={orgName} />
            </details>
            <p className="version-hash">
              <span className="muted">{t('terms.page.hash')}: </span>
              <code className="mono">{item.hash}</code>
            </p>
          </li>
        );
      })}
    </ol>
  );
}
