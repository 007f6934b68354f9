import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { safeNext } from '../../app/guards';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { PageHeader } from '../../components/PageLayout';
import { check, errorMessage, fieldErrorsOf, type FieldErrors } from '../../lib/errors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useLogin } from './api';
import './auth.css';

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.login.title'));
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const login = useLogin();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const errors = clientErrors ?? fieldErrorsOf(t, login.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = check({
      email: email.trim() === '' && t('validation.required'),
      password: password === '' && t('validation.required'),
    });
    setClientErrors(problems);
    if (problems) return;
    login.mutate({ email: email.trim(), password }, { onSuccess: () => void navigate(next ?? '/orgs', { replace: true }) });
  };

  const signupLink = `/signup${next ? `?next=${encodeURIComponent(next)}` : ''}`;
  return (
    <div className="auth-page">
      <PageHeader title={t('auth.login.title')} lead={<p>{t('auth.login.lead')}</p>} />
      {next?.startsWith('/invitations/') && <Alert tone="info">{t('auth.login.forInvitation')}</Alert>}
      <form className="card" onSubmit={submit} noValidate>
        {login.error && !clientErrors && <Alert tone="error">{errorMessage(t, login.error)}</Alert>}
        <TextField label={t('fields.email')} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} />
        <TextField label={t('fields.password')} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password} />
        <div className="form-actions">
          <Button type="submit" loading={login.isPending}>
            {t('auth.login.submit')}
          </Button>
        </div>
      </form>
      <p className="auth-switch">
        {t('auth.login.noAccount')} <Link to={signupLink}>{t('auth.login.signupLink')}</Link>
      </p>
    </div>
  );
}
