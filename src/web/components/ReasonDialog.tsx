import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { TextArea } from './Field';
import { errorMessage } from '../lib/errors';

interface Props {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  label: string;
  hint?: string;
  confirm: string;
  danger?: boolean;
  action: { error: unknown; isPending: boolean; reset: () => void };
  onConfirm: (reason: string) => void;
  children?: ReactNode;
}

/** A steward action that must say why (hide, merge, decide): the reason is what the people concerned read. */
export function ReasonDialog({ open, onClose, title, description, label, hint, confirm, danger, action, onConfirm, children }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const close = () => {
    action.reset();
    setMissing(false);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim() === '') return setMissing(true);
    onConfirm(reason.trim());
  };
  return (
    <Dialog open={open} onClose={close} title={title} description={description}>
      <form onSubmit={submit} noValidate>
        {action.error ? <Alert tone="error">{errorMessage(t, action.error)}</Alert> : null}
        {children}
        <TextArea label={label} hint={hint} value={reason} onChange={(e) => setReason(e.target.value)} error={missing ? t('validation.required') : undefined} rows={3} maxLength={1000} required />
        <div className="form-actions">
          <Button variant="secondary" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant={danger ? 'danger' : 'primary'} loading={action.isPending}>
            {confirm}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
