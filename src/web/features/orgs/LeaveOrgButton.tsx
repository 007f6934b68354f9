import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useToast } from '../../components/Toast';
import type { Org } from '../../lib/types';
import { useRemoveMember } from '../members/api';

export function LeaveOrgButton({ org, userId }: { org: Org; userId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const leave = useRemoveMember(org.slug);
  const navigate = useNavigate();
  const toast = useToast();

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
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('members.leave.title', { name: org.name })}
        description={t('members.leave.body')}
        confirm={t('members.leave.confirm')}
        onConfirm={confirm}
        action={leave}
      />
    </>
  );
}
