import type { TFunction } from 'i18next';
import { en } from '../i18n/en';
import { ApiError } from './api';

type ErrorCode = keyof typeof en.errors.codes;
const isKnownCode = (code: string): code is ErrorCode => Object.hasOwn(en.errors.codes, code);

/** A sentence for any failure: the translation of the server's code, else the server's own message. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) return isKnownCode(error.code) ? t(`errors.codes.${error.code}`) : error.message;
  return t('errors.codes.internal_error');
}

export const errorCode = (error: unknown): string | null => (error instanceof ApiError ? error.code : null);

/** Field name → message; the field is the first segment of the JSON pointer (`/email` → `email`). */
export type FieldErrors = Partial<Record<string, string>>;

function detailMessage(t: TFunction, field: string, code: string | undefined): string {
  switch (code) {
    case 'required':
      return t('validation.required');
    case 'minLength':
      if (field === 'password' || field === 'newPassword') return t('validation.passwordTooShort');
      if (field === 'slug') return t('validation.slugLength');
      return t('validation.required');
    case 'maxLength':
      return t('validation.tooLong');
    case 'format':
      return field === 'email' ? t('validation.email') : t('validation.invalid');
    case 'pattern':
      return field === 'slug' ? t('validation.slugPattern') : t('validation.required');
    case 'minimum':
    case 'maximum':
      return t('validation.outOfRange');
    default:
      return t('validation.invalid');
  }
}

/** The per-field messages of a 422 `validation_failed`, translated. */
export function fieldErrorsOf(t: TFunction, error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return {};
  const result: FieldErrors = {};
  for (const detail of error.details) {
    const field = detail.path?.split('/')[1];
    if (field && result[field] === undefined) result[field] = detailMessage(t, field, detail.code);
  }
  return result;
}

/** Client-side checks before sending; returns null when all pass. */
export function check(rules: Record<string, string | false | null | undefined>): FieldErrors | null {
  const errors: FieldErrors = {};
  for (const [field, message] of Object.entries(rules)) if (message) errors[field] = message;
  return Object.keys(errors).length > 0 ? errors : null;
}
