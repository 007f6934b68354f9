import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextArea } from '../../components/Field';
import { errorCode, errorMessage, fieldErrorsOf } from '../../lib/errors';

interface Props {
  label: string;
  submit: string;
  initial?: string;
  pending: boolean;
  error: unknown;
  /** Resolves when saved; the field empties then. */
  onSubmit: (body: string, done: () => void) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
}

/** A comment, a reply or an edit: one text field in Markdown and a button. */
export function CommentForm({ label, submit, initial = '', pending, error, onSubmit, onCancel, autoFocus }: Props) {
  const { t } = useTranslation();
  const [body, setBody] = useState(initial);
  const [empty, setEmpty] = useState(false);
  const errors = fieldErrorsOf(t, error);
  const go = (e: FormEvent) => {
    e.preventDefault();
    if (body.trim() === '') return setEmpty(true);
    setEmpty(false);
    onSubmit(body, () => setBody(''));
  };
  const shownError = error && errorCode(error) !== 'terms_not_accepted' && !errors.body ? errorMessage(t, error) : null;
  return (
    <form className="comment-form" onSubmit={go} noValidate>
      {shownError ? <Alert tone="error">{shownError}</Alert> : null}
      <TextArea label={label} hint={t('contributions.compose.markdownHint')} value={body} onChange={(e) => setBody(e.target.value)} error={empty ? t('validation.required') : errors.body} rows={3} maxLength={10_000} autoFocus={autoFocus} />
      <div className="form-actions comment-form-actions">
        <Button type="submit" loading={pending}>
          {submit}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
