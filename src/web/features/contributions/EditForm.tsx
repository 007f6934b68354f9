import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { errorMessage, fieldErrorsOf, type FieldErrors } from '../../lib/errors';
import { useUpdateContribution } from './api';
import { checkDraft, draftOf, toUpdateBody, type Draft } from './draft';
import { KindFields, TagsField } from './KindFields';
import type { Contribution } from './types';

/** Its authors edit in place; the earlier words stay in the history, with the note saying why. */
export function EditForm({ c, onDone }: { c: Contribution; initiativeId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const update = useUpdateContribution(c);
  const [draft, setDraft] = useState<Draft>(() => draftOf(c));
  const [note, setNote] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const errors = { ...fieldErrorsOf(t, update.error), ...clientErrors };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = checkDraft(t, draft);
    setClientErrors(problems ?? {});
    if (problems) return;
    update.mutate(toUpdateBody(draft, note), {
      onSuccess: (updated) => {
        toast.show(updated.revision > c.revision ? t('contributions.edit.saved') : t('contributions.edit.unchanged'));
        onDone();
      },
    });
  };
  return (
    <form className="card contribution-edit" onSubmit={submit} noValidate aria-labelledby="edit-title">
      <h2 id="edit-title">{t('contributions.edit.title')}</h2>
      <p className="muted">{t('contributions.edit.lead')}</p>
      {update.error ? <Alert tone="error">{errorMessage(t, update.error)}</Alert> : null}
      <KindFields draft={draft} set={(patch) => setDraft((d) => ({ ...d, ...patch }))} errors={errors} />
      <TagsField value={draft.tags} onChange={(tags) => setDraft((d) => ({ ...d, tags }))} error={errors.tags} />
      <TextField label={t('contributions.edit.note')} hint={t('contributions.edit.noteHint')} value={note} onChange={(e) => setNote(e.target.value)} error={errors.note} maxLength={500} optional />
      <div className="form-actions">
        <Button type="submit" loading={update.isPending}>
          {t('contributions.edit.submit')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
