import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { CopyField } from '../../components/CopyField';
import { Dialog } from '../../components/Dialog';
import { Alert } from '../../components/Alert';
import type { CreatedInvitation, Org } from '../../lib/types';
import { InviteForm } from './InviteForm';

/** Invite someone; afterwards the one-time link is shown here to copy (it was e-mailed too). */
export function InviteButton({ org }: { org: Org }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const close = () => {
    setOpen(false);
    setCreated(null);
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('invitations.invite')}</Button>
      <Dialog
        open={open}
        onClose={close}
        title={created ? t('invitations.created.title') : t('invitations.form.title', { name: org.name })}
        description={created ? undefined : t('invitations.form.lead')}
      >
        {created ? (
          <>
            <Alert tone="success">{t('invitations.created.body', { email: created.invitation.email })}</Alert>
            <CopyField label={t('invitations.created.link')} value={created.acceptUrl} hint={t('invitations.created.hint')} />
            <div className="form-actions">
              <Button variant="secondary" onClick={() => setCreated(null)}>
                {t('invitations.created.another')}
              </Button>
              <Button onClick={close}>{t('common.done')}</Button>
            </div>
          </>
        ) : (
          <InviteForm org={org} onCreated={setCreated} onCancel={close} />
        )}
      </Dialog>
    </>
  );
}
