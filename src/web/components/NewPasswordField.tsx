import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD } from '../lib/limits';
import { TextField } from './Field';

type NewPasswordFieldProps = Omit<ComponentProps<typeof TextField>, 'type' | 'autoComplete' | 'hint'>;

/** A password being chosen: says how long it must be, and lets password managers suggest one. */
export function NewPasswordField(props: NewPasswordFieldProps) {
  const { t } = useTranslation();
  return <TextField {...props} hint={t('auth.signup.passwordHint', { count: MIN_PASSWORD })} type="password" autoComplete="new-password" />;
}
