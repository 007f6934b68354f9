import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { FormCard } from '../../components/FormCard';
import { NewPasswordField } from '../../components/NewPasswordField';
import { useToast } from '../../components/Toast';
import { check, errorCode, fieldErrorsOf, type FieldErrors } from '../../lib/errors';
import { MIN_PASSWORD } from '../../lib/limits';
import { useChangePassword } from './api';

export function PasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const toast = useToast();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const serverErrors = fieldErrorsOf(t, change.error);
  if (errorCode(change.error) === 'wrong_password') serverErrors.currentPassword = t('errors.codes.wrong_password');
  const errors = clientErrors ?? serverErrors;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = check({
      currentPassword: currentPassword === '' && t('validation.required'),
      newPassword: newPassword.length < MIN_PASSWORD && t('validation.passwordTooShort'),
    });
    setClientErrors(problems);
    if (problems) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent('');
          setNew('');
          toast.show(t('account.password.saved'));
        },
      },
    );
  };

  return (
    <FormCard
      title={t('account.password.title')}
      lead={t('account.password.lead')}
      onSubmit={submit}
      error={!clientErrors && change.error}
      submit={t('account.password.submit')}
      pending={change.isPending}
    >
      <TextField label={t('fields.currentPassword')} type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrent(e.target.value)} error={errors.currentPassword} />
      <NewPasswordField label={t('fields.newPassword')} value={newPassword} onChange={(e) => setNew(e.target.value)} error={errors.newPassword} />
    </FormCard>
  );
}
