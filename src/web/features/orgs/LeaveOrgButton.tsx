import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { useToast } from '../../components/Toast';
import { errorMessage } from '../../lib/errors';
import type { Org } from '../../lib/types';
import { useRemoveMember } from '../members/api';

export function LeaveOrgButton({ org, userId }: { org: Org; userId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const leave = useRemoveMember(org.slug);
  const navigate = useNavigate();
  const toast = useToast();

  const close = () => {
    setOpen(false);
    leave.reset();
  };
  const confirm = () =>
    leave.mutate(userId, {
      onSuccess: () => {
        toast.show(t('members.leave.done', { name: org.name }));
        void navigate('/orgs');
      },
    });

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('members.leave.button')}
      </Button>
      <Dialog open={open} onClose={close} title={t('members.leave.title', { name: org.name })} description={t('members.leave.body')}>
        {leave.error && <Alert tone="error">{errorMessage(t, leave.error)}</Alert>}
        <div className="form-actions">
          <Button variant="secondary" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button variant="danger" loading={leave.isPending} onClick={confirm}>
            {t('members.leave.confirm')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
