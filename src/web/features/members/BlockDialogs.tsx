import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useToast } from '../../components/Toast';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import type { Block, Member, Org } from '../../lib/types';
import { useBlock, useUnblock } from './api';

/** Block a member with a reason: they keep their membership and what they wrote, and can still read. */
export function BlockDialog({ org, member, onClose }: { org: Org; member: Member | null; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const block = useBlock(org.slug);
  return (
    <ReasonDialog
      key={member?.userId ?? 'none'}
      open={member !== null}
      onClose={onClose}
      title={t('members.block.title', { name: member?.name ?? '' })}
      description={t('members.block.body', { org: org.name })}
      label={t('members.block.reason')}
      hint={t('members.block.reasonHint')}
      confirm={t('members.block.confirm')}
      danger
      action={block}
      onConfirm={(reason) =>
        member &&
        block.mutate(
          { userId: member.userId, reason },
          {
            onSuccess: () => {
              toast.show(t('members.block.done', { name: member.name }));
              onClose();
            },
          },
        )
      }
    />
  );
}

/** Lift a block, after reading again why it was made. */
export function UnblockDialog({ org, block, onClose }: { org: Org; block: Block | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const toast = useToast();
  const unblock = useUnblock(org.slug);
  const close = () => {
    unblock.reset();
    onClose();
  };
  return (
    <Dialog open={block !== null} onClose={close} title={t('members.block.unblockTitle', { name: block?.user.name ?? '' })} description={t('members.block.unblockBody')}>
      {block && (
        <blockquote className="block-reason">
          <p>{block.reason}</p>
          <footer className="muted">{t('members.block.by', { name: block.blockedBy.name, date: date(block.createdAt) })}</footer>
        </blockquote>
      )}
      {unblock.error ? <Alert tone="error">{errorMessage(t, unblock.error)}</Alert> : null}
      <div className="form-actions">
        <Button variant="secondary" onClick={close}>
          {t('common.cancel')}
        </Button>
        <Button
          loading={unblock.isPending}
          onClick={() =>
            block &&
            unblock.mutate(block.user.id, {
              onSuccess: () => {
                toast.show(t('members.block.unblocked', { name: block.user.name }));
                onClose();
              },
            })
          }
        >
          {t('members.block.unblock')}
        </Button>
      </div>
    </Dialog>
  );
}
