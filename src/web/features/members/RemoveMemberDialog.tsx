import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { useToast } from '../../components/Toast';
import { errorMessage } from '../../lib/errors';
import type { Member, Org } from '../../lib/types';
import { useRemoveMember } from './api';

export function RemoveMemberDialog({ org, member, onClose }: { org: Org; member: Member | null; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useRemoveMember(org.slug);
  const toast = useToast();
  const close = () => {
    remove.reset();
    onClose();
  };
  const confirm = () => {
    if (!member) return;
    remove.mutate(member.userId, {
      onSuccess: () => {
        toast.show(t('members.remove.done', { name: member.name }));
        close();
      },
    });
  };
  return (
    <Dialog
      open={member !== null}
      onClose={close}
      title={t('members.remove.title', { name: member?.name ?? '' })}
      description={t('members.remove.body', { org: org.name })}
    >
      {remove.error && <Alert tone="error">{errorMessage(t, remove.error)}</Alert>}
      <div className="form-actions">
        <Button variant="secondary" onClick={close}>
          {t('common.cancel')}
        </Button>
        <Button variant="danger" loading={remove.isPending} onClick={confirm}>
          {t('members.remove.confirm')}
        </Button>
      </div>
    </Dialog>
  );
}
