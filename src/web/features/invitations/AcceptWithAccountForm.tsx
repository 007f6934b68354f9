import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UseMutationResult } from '@tanstack/react-query';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { NewPasswordField } from '../../components/NewPasswordField';
import { check, errorMessage, fieldErrorsOf, type FieldErrors } from '../../lib/errors';
import type { AcceptResponse } from '../../lib/types';
import { MIN_PASSWORD } from '../../lib/limits';

interface Props {
  email: string;
  accept: UseMutationResult<AcceptResponse, Error, { name: string; password: string } | null>;
  onJoined: (result: AcceptResponse) => void;
}

/** Not signed in and new to Moebius: a name and a password create the account for the invited e-mail. */
export function AcceptWithAccountForm({ email, accept, onJoined }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const errors = clientErrors ?? fieldErrorsOf(t, accept.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = check({
      name: name.trim() === '' && t('validation.required'),
      password: password.length < MIN_PASSWORD && t('validation.passwordTooShort'),
    });
    setClientErrors(problems);
    if (problems) return;
    accept.mutate({ name: name.trim(), password }, { onSuccess: onJoined });
  };

  return (
    <form onSubmit={submit} noValidate>
      <h2 className="h3">{t('invitations.accept.createTitle')}</h2>
      {accept.error && !clientErrors && <Alert tone="error">{errorMessage(t, accept.error)}</Alert>}
      <TextField label={t('fields.email')} value={email} readOnly hint={t('invitations.accept.emailHint')} />
      <TextField label={t('fields.name')} hint={t('auth.signup.nameHint')} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
      <NewPasswordField label={t('fields.password')} value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password} />
      <div className="form-actions">
        <Button type="submit" loading={accept.isPending}>
          {t('invitations.accept.createAndJoin')}
        </Button>
      </div>
      <p className="muted accept-other-account">
        {t('invitations.accept.haveAccount')} <Link to={`/login?next=${encodeURIComponent(window.location.pathname)}`}>{t('nav.login')}</Link>
      </p>
    </form>
  );
}
