import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { Alert } from './Alert';
import { Button } from './Button';
import './Loading.css';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <span className="loading-spinner" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

/** A failed load: says what went wrong and offers to try again. */
export function LoadError({ message, onRetry }: { message: ReactNode; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      tone="error"
      title={t('common.loadFailed')}
      action={
        onRetry && (
          <Button variant="secondary" size="sm" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    >
      <p>{message}</p>
    </Alert>
  );
}
