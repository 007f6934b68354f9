import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Select } from '../../components/Select';
import { check, errorMessage, fieldErrorsOf, type FieldErrors } from '../../lib/errors';
import type { CreatedToken } from '../../lib/types';
import { useCreateToken } from './api';

const EXPIRY = ['30', '90', '365', 'never'] as const;
type Expiry = (typeof EXPIRY)[number];

export function CreateTokenForm({ onCreated }: { onCreated: (created: CreatedToken) => void }) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState<Expiry>('90');
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const errors = clientErrors ?? fieldErrorsOf(t, create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = check({ name: name.trim() === '' && t('validation.required') });
    setClientErrors(problems);
    if (problems) return;
    create.mutate(
      { name: name.trim(), ...(expiry === 'never' ? {} : { expiresInDays: Number(expiry) }) },
      {
        onSuccess: (created) => {
          setName('');
          onCreated(created);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-token-title">
      <h3 id="new-token-title">{t('account.tokens.newTitle')}</h3>
      {create.error && !clientErrors && <Alert tone="error">{errorMessage(t, create.error)}</Alert>}
      <div className="token-form-row">
        <TextField label={t('fields.tokenName')} hint={t('account.tokens.nameHint')} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} maxLength={100} />
        <Select
          label={t('fields.expiry')}
          value={expiry}
          onChange={setExpiry}
          error={errors.expiresInDays}
          options={EXPIRY.map((value) => ({ value, label: value === 'never' ? t('account.tokens.never') : t('account.tokens.days', { count: Number(value) }) }))}
        />
        <div className="token-form-submit">
          <Button type="submit" loading={create.isPending}>
            {t('account.tokens.create')}
          </Button>
        </div>
      </div>
    </form>
  );
}
