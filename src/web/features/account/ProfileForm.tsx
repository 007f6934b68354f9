import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { check, errorMessage, fieldErrorsOf, type FieldErrors } from '../../lib/errors';
import type { User } from '../../lib/types';
import { useUpdateName } from './api';

export function ProfileForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const update = useUpdateName();
  const toast = useToast();
  const [name, setName] = useState(user.name);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const errors = clientErrors ?? fieldErrorsOf(t, update.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = check({ name: name.trim() === '' && t('validation.required') });
    setClientErrors(problems);
    if (problems) return;
    update.mutate(name.trim(), { onSuccess: () => toast.show(t('account.profile.saved')) });
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="profile-title">
      <h2 id="profile-title">{t('account.profile.title')}</h2>
      {update.error && !clientErrors && <Alert tone="error">{errorMessage(t, update.error)}</Alert>}
      <TextField label={t('fields.email')} value={user.email} readOnly hint={t('account.profile.emailHint')} />
      <TextField label={t('fields.name')} hint={t('account.profile.nameHint')} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} maxLength={100} />
      <div className="form-actions">
        <Button type="submit" loading={update.isPending}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
