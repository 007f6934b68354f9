import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextArea, TextField } from '../../components/Field';
import { Select } from '../../components/Select';
import { check, errorCode, errorMessage, fieldErrorsOf, type FieldErrors } from '../../lib/errors';
import { capitalise } from '../../lib/format';
import { KINDS, ROLES, type CreatedInvitation, type Org, type ProtagonistKind, type Role } from '../../lib/types';
import { useCreateInvitation } from './api';

interface InviteFormProps {
  org: Org;
  onCreated: (created: CreatedInvitation) => void;
  onCancel: () => void;
}

export function InviteForm({ org, onCreated, onCancel }: InviteFormProps) {
  const { t } = useTranslation();
  const invite = useCreateInvitation(org.slug);
  const [email, setEmail] = useState('');
  const [kind, setKind] = useState<ProtagonistKind>('customer');
  const [role, setRole] = useState<Role>('member');
  const [message, setMessage] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const serverErrors = fieldErrorsOf(t, invite.error);
  if (errorCode(invite.error) === 'already_member') serverErrors.email = t('errors.codes.already_member');
  const errors = clientErrors ?? serverErrors;
  // Stewards may invite only roles below their own.
  const roles = org.me?.role === 'owner' ? ROLES : ROLES.filter((r) => r === 'member' || r === 'observer');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = check({ email: email.trim() === '' ? t('validation.required') : !email.includes('@') && t('validation.email') });
    setClientErrors(problems);
    if (problems) return;
    const trimmed = message.trim();
    invite.mutate({ email: email.trim(), kind, role, ...(trimmed ? { message: trimmed } : {}) }, { onSuccess: onCreated });
  };

  return (
    <form onSubmit={submit} noValidate>
      {invite.error && !clientErrors && <Alert tone="error">{errorMessage(t, invite.error)}</Alert>}
      <TextField label={t('fields.email')} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} />
      <Select
          label={t('fields.kind')}
          hint={t('invitations.form.kindHint')}
          value={kind}
          onChange={setKind}
          options={KINDS.map((k) => ({ value: k, label: capitalise(t(`kinds.${k}`)) }))}
          error={errors.kind}
        />
        <Select
          label={t('fields.role')}
          hint={t(`roleHints.${role}`)}
          value={role}
          onChange={setRole}
          options={roles.map((r) => ({ value: r, label: capitalise(t(`roles.${r}`)) }))}
          error={errors.role}
        />
      <TextArea
        label={t('fields.message')}
        hint={t('invitations.form.messageHint')}
        optional
        rows={3}
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        error={errors.message}
        maxLength={1000}
      />
      <div className="form-actions">
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={invite.isPending}>
          {t('invitations.form.submit')}
        </Button>
      </div>
    </form>
  );
}
