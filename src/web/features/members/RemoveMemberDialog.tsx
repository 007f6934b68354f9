import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useToast } from '../../components/Toast';
import type { Member, Org } from '../../lib/types';
import { useRemoveMember } from './api';

export function RemoveMemberDialog({ org, member, onClose }: { org: Org; member: Member | null; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useRemoveMember(org.slug);
  const toast = useToast();
  const confirm = (removed: Member) =>
    remove.mutate(removed.userId, {
      onSuccess: () => {
        toast.show(t('members.remove.done', { name: removed.name }));
        onClose();
      },
    });
  return (
    <ConfirmDialog
      open={member !== null}
      onClose={onClose}
      title={t('members.remove.title', { name: member?.name ?? '' })}
      description={t('members.remove.body', { org: org.name })}
      confirm={t('members.remove.confirm')}
      onConfirm={() => member && confirm(member)}
      action={remove}
    />
  );
}
