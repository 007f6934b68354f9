import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TextArea, TextField } from '../../components/Field';
import type { FieldErrors } from '../../lib/errors';
import type { Draft } from './draft';
import { SENTIMENTS } from './types';

interface Props {
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
  errors: FieldErrors;
}

/** The title and the texts of a kind: an experience's situation, story, feeling and wish; an idea's problem, proposal and value. */
export function KindFields({ draft, set, errors }: Props) {
  const { t } = useTranslation();
  const k = draft.kind;
  const markdownHint = t('contributions.compose.markdownHint');
  return (
    <>
      <TextField label={t('contributions.compose.title')} hint={t(`contributions.compose.titleHint.${k}`)} value={draft.title} onChange={(e) => set({ title: e.target.value })} error={errors.title} maxLength={200} required />
      {k === 'experience' && (
        <>
          <TextArea label={t('contributions.fields.situation')} hint={t('contributions.compose.situationHint')} value={draft.situation} onChange={(e) => set({ situation: e.target.value })} error={errors.situation} rows={3} required />
          <TextArea label={t('contributions.compose.body.experience')} hint={markdownHint} value={draft.body} onChange={(e) => set({ body: e.target.value })} error={errors.body} rows={6} required />
          <SentimentChoice value={draft.sentiment} onChange={(sentiment) => set({ sentiment })} error={errors.sentiment} />
          <TextArea label={t('contributions.fields.wish')} value={draft.wish} onChange={(e) => set({ wish: e.target.value })} error={errors.wish} rows={3} optional />
        </>
      )}
      {k === 'idea' && (
        <>
          <TextArea label={t('contributions.fields.problem')} hint={t('contributions.compose.problemHint')} value={draft.problem} onChange={(e) => set({ problem: e.target.value })} error={errors.problem} rows={3} required />
          <TextArea label={t('contributions.compose.body.idea')} hint={markdownHint} value={draft.body} onChange={(e) => set({ body: e.target.value })} error={errors.body} rows={6} required />
          <TextArea label={t('contributions.fields.expectedValue')} value={draft.expectedValue} onChange={(e) => set({ expectedValue: e.target.value })} error={errors.expectedValue} rows={3} optional />
        </>
      )}
      {k === 'build' && <TextArea label={t('contributions.compose.body.build')} hint={markdownHint} value={draft.body} onChange={(e) => set({ body: e.target.value })} error={errors.body} rows={6} required />}
    </>
  );
}

function SentimentChoice({ value, onChange, error }: { value: Draft['sentiment']; onChange: (value: Draft['sentiment']) => void; error?: string }) {
  const { t } = useTranslation();
  const name = useId();
  const errorId = `${name}-error`;
  return (
    <fieldset className={error ? 'fieldset field-invalid' : 'fieldset'} aria-describedby={error ? errorId : undefined}>
      <legend>{t('contributions.compose.sentiment')}</legend>
      <div className="sentiment-choices">
        {SENTIMENTS.map((s) => (
          <label key={s} className="choice">
            <input type="radio" name={name} value={s} checked={value === s} onChange={() => onChange(s)} />
            <span className="choice-title">{t(`contributions.compose.sentimentChoice.${s}`)}</span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </fieldset>
  );
}

export function TagsField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error?: string }) {
  const { t } = useTranslation();
  return <TextField label={t('contributions.fields.tags')} hint={t('contributions.compose.tagsHint')} value={value} onChange={(e) => onChange(e.target.value)} error={error} optional />;
}
