import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { check, errorCode, errorMessage, fieldErrorsOf, type FieldErrors } from '../../lib/errors';
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
    <form className="card" onSubmit={submit} noValidate aria-labelledby="password-title">
      <h2 id="password-title">{t('account.password.title')}</h2>
      <p className="muted">{t('account.password.lead')}</p>
      {change.error && !clientErrors && <Alert tone="error">{errorMessage(t, change.error)}</Alert>}
      <TextField label={t('fields.currentPassword')} type="password" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrent(e.target.value)} error={errors.currentPassword} />
      <TextField
        label={t('fields.newPassword')}
        hint={t('auth.signup.passwordHint', { count: MIN_PASSWORD })}
        type="password"
        autoComplete="new-password"
        value={newPassword}
        onChange={(e) => setNew(e.target.value)}
        error={errors.newPassword}
      />
      <div className="form-actions">
        <Button type="submit" loading={change.isPending}>
          {t('account.password.submit')}
        </Button>
      </div>
    </form>
  );
}
