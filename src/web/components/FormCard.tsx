import { useId, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors';
import { Alert } from './Alert';
import { Button } from './Button';

interface FormCardProps {
  title: ReactNode;
  lead?: ReactNode;
  className?: string;
  onSubmit: (event: FormEvent) => void;
  /** Why the server refused the last submit, shown above the fields; null hides it. */
  error: unknown;
  /** The submit button's label, and whether its request is under way. */
  submit: ReactNode;
  pending: boolean;
  children: ReactNode;
}

/** A form of its own in a card: a titled h2, a line of context, the fields and one submit button. */
export function FormCard({ title, lead, className, onSubmit, error, submit, pending, children }: FormCardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <form className={className ? `card ${className}` : 'card'} onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {lead && <p className="muted">{lead}</p>}
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      {children}
      <div className="form-actions">
        <Button type="submit" loading={pending}>
          {submit}
        </Button>
      </div>
    </form>
  );
}
