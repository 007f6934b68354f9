import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { safeNext } from '../../app/guards';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { NewPasswordField } from '../../components/NewPasswordField';
import { PageHeader } from '../../components/PageLayout';
import { useToast } from '../../components/Toast';
import { MIN_PASSWORD } from '../../lib/limits';
import { check, errorCode, errorMessage, fieldErrorsOf, type FieldErrors } from '../../lib/errors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSignup } from './api';
import './auth.css';

export function SignupPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.signup.title'));
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const toast = useToast();
  const signup = useSignup();
  const [values, setValues] = useState({ name: '', email: '', password: '' });
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const serverErrors = fieldErrorsOf(t, signup.error);
  if (errorCode(signup.error) === 'email_taken') serverErrors.email = t('errors.codes.email_taken');
  const errors = clientErrors ?? serverErrors;
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => setValues({ ...values, [field]: event.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = check({
      name: values.name.trim() === '' && t('validation.required'),
      email: values.email.trim() === '' && t('validation.required'),
      password: values.password.length < MIN_PASSWORD && t('validation.passwordTooShort'),
    });
    setClientErrors(problems);
    if (problems) return;
    signup.mutate(
      { name: values.name.trim(), email: values.email.trim(), password: values.password },
      {
        onSuccess: (session) => {
          toast.show(t('auth.signup.welcome', { name: session.user.name }));
          void navigate(next ?? '/orgs', { replace: true });
        },
      },
    );
  };

  return (
    <div className="auth-page">
      <PageHeader title={t('auth.signup.title')} lead={<p>{t('auth.signup.lead')}</p>} />
      <form className="card" onSubmit={submit} noValidate>
        {signup.error && !clientErrors && <Alert tone="error">{errorMessage(t, signup.error)}</Alert>}
        <TextField label={t('fields.name')} hint={t('auth.signup.nameHint')} autoComplete="name" value={values.name} onChange={set('name')} error={errors.name} />
        <TextField label={t('fields.email')} type="email" autoComplete="email" value={values.email} onChange={set('email')} error={errors.email} />
        <NewPasswordField label={t('fields.password')} value={values.password} onChange={set('password')} error={errors.password} />
        <div className="form-actions">
          <Button type="submit" loading={signup.isPending}>
            {t('auth.signup.submit')}
          </Button>
        </div>
      </form>
      <p className="auth-switch">
        {t('auth.signup.haveAccount')} <Link to={`/login${next ? `?next=${encodeURIComponent(next)}` : ''}`}>{t('auth.signup.loginLink')}</Link>
      </p>
    </div>
  );
}
