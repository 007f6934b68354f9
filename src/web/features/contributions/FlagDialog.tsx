import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextArea } from '../../components/Field';
import { ChoiceGroup } from '../../components/Select';
import { useToast } from '../../components/Toast';
import { errorMessage, fieldErrorsOf } from '../../lib/errors';
import { useFlag, type SubjectType } from './moderation-api';
import { FLAG_REASONS, type FlagReason } from './types';

/** Tell the hosts something is wrong: spam, abuse, off topic, personal data, or something else in your words. */
export function FlagDialog({ type, id, open, onClose }: { type: SubjectType; id: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const flag = useFlag(type, id);
  const [reason, setReason] = useState<FlagReason>('spam');
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const errors = fieldErrorsOf(t, flag.error);
  const close = () => {
    flag.reset();
    setNoteError(null);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason === 'other' && note.trim() === '') return setNoteError(t('contributions.flag.noteRequired'));
    flag.mutate(
      { reason, ...(note.trim() !== '' ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          toast.show(t('contributions.flag.done'));
          setNote('');
          close();
        },
      },
    );
  };
  return (
    <Dialog open={open} onClose={close} title={t(type === 'comment' ? 'contributions.flag.titleComment' : 'contributions.flag.title')} description={t('contributions.flag.description')}>
      <form onSubmit={submit} noValidate>
        {flag.error && !errors.note ? <Alert tone="error">{errorMessage(t, flag.error)}</Alert> : null}
        <ChoiceGroup legend={t('contributions.flag.reason')} name={`flag-${id}`} value={reason} options={FLAG_REASONS.map((r) => ({ value: r, label: t(`contributions.flag.reasons.${r}`) }))} onChange={setReason} />
        <TextArea label={t('contributions.flag.note')} value={note} onChange={(e) => setNote(e.target.value)} error={noteError ?? errors.note} optional={reason !== 'other'} rows={3} maxLength={1000} />
        <div className="form-actions">
          <Button variant="secondary" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={flag.isPending}>
            {t('contributions.flag.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
