import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { FormCard } from '../../components/FormCard';
import { useToast } from '../../components/Toast';
import { check, fieldErrorsOf, type FieldErrors } from '../../lib/errors';
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
    <FormCard title={t('account.profile.title')} onSubmit={submit} error={!clientErrors && update.error} submit={t('common.save')} pending={update.isPending}>
      <TextField label={t('fields.email')} value={user.email} readOnly hint={t('account.profile.emailHint')} />
      <TextField label={t('fields.name')} hint={t('account.profile.nameHint')} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} maxLength={100} />
    </FormCard>
  );
}
