import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { check, errorCode, errorMessage, type FieldErrors } from '../../lib/errors';
import { ERASE_PHRASE, useEraseAccount } from './api';

/**
 * The danger zone: erasure on request. What goes and what stays is said before anything is
 * typed; the password and the typed phrase make sure it is meant. Afterwards a full page load
 * lands on the start page, logged out, with nothing of the account left in memory.
 */
export function EraseSection() {
  const { t } = useTranslation();
  const erase = useEraseAccount();
  const [password, setPassword] = useState('');
  const [phrase, setPhrase] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const code = errorCode(erase.error);
  const errors: FieldErrors = clientErrors ?? (code === 'wrong_password' ? { password: t('errors.codes.wrong_password') } : {});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = check({
      password: password === '' && t('validation.required'),
      phrase: phrase.trim().toLowerCase() !== ERASE_PHRASE && t('account.erase.confirmMismatch', { phrase: ERASE_PHRASE }),
    });
    setClientErrors(problems);
    if (problems) return;
    erase.mutate(password, { onSuccess: () => window.location.replace('/?account=erased') });
  };

  return (
    <section className="danger-zone" aria-labelledby="erase-title">
      <h2 id="erase-title">{t('account.erase.title')}</h2>
      <p>{t('account.erase.lead')}</p>
      <ul className="danger-facts">
        <li>{t('account.erase.removes')}</li>
        <li>{t('account.erase.keeps')}</li>
      </ul>
      <form onSubmit={submit} noValidate className="danger-form">
        {code === 'last_owner' && <Alert tone="error">{t('account.erase.lastOwner')}</Alert>}
        {erase.error && code !== 'last_owner' && code !== 'wrong_password' ? <Alert tone="error">{errorMessage(t, erase.error)}</Alert> : null}
        <TextField label={t('account.erase.password')} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password} />
        <TextField
          label={t('account.erase.confirmLabel', { phrase: ERASE_PHRASE })}
          hint={t('account.erase.confirmHint')}
          value={phrase}
          onChange={(e) => setPhrase(e.target.value)}
          error={errors.phrase}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
        <div className="form-actions">
          <Button type="submit" variant="danger" loading={erase.isPending}>
            {t('account.erase.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
