import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors';
import { Alert } from './Alert';
import { Button } from './Button';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  open: boolean;
  /** Called on Cancel, Escape or ×, after the action's error has been cleared. */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  /** The label of the (dangerous) confirm button. */
  confirm: ReactNode;
  onConfirm: () => void;
  /** The mutation being confirmed: its error shows above the buttons, its progress on the confirm button. */
  action: { error: unknown; isPending: boolean; reset: () => void };
}

/** "Are you sure?" before an action that cannot be undone: Cancel first, the action in red. */
export function ConfirmDialog({ open, onClose, title, description, confirm, onConfirm, action }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const close = () => {
    action.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title={title} description={description}>
      {action.error ? <Alert tone="error">{errorMessage(t, action.error)}</Alert> : null}
      <div className="form-actions">
        <Button variant="secondary" onClick={close}>
          {t('common.cancel')}
        </Button>
        <Button variant="danger" loading={action.isPending} onClick={onConfirm}>
          {confirm}
        </Button>
      </div>
    </Dialog>
  );
}
