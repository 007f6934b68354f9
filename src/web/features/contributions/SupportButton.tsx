import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { useToast } from '../../components/Toast';
import { errorCode, errorMessage } from '../../lib/errors';
import { useSupport } from './api';
import { CheckIcon, SupportIcon } from './icons';
import type { SupportState } from './types';

interface Props {
  target: { id: string; initiativeId: string };
  supported: boolean;
  count: number;
  /** Called when the terms stand in the way, to open the accept dialog. */
  onTermsNeeded: () => void;
  onChange?: (state: SupportState) => void;
  size?: 'sm' | 'md';
  /** Hides the count beside the button (when it is shown elsewhere). */
  hideCount?: boolean;
}

const DOUBLE_CLICK_MS = 600;

/** Support, or take it back; one request at a time, and a double click counts once. */
export function SupportButton({ target, supported, count, onTermsNeeded, onChange, size = 'md', hideCount }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const support = useSupport(target);
  const busy = useRef(false);
  const lastClick = useRef(0);
  const click = () => {
    // A double click is one intent: the second click neither repeats nor undoes the first,
    // even when the server answered in between.
    const now = Date.now();
    if (busy.current || now - lastClick.current < DOUBLE_CLICK_MS) return;
    lastClick.current = now;
    busy.current = true;
    support.mutate(!supported, {
      onSuccess: (state) => onChange?.(state),
      onError: (error) => {
        if (errorCode(error) === 'terms_not_accepted') onTermsNeeded();
        else toast.show(errorMessage(t, error), 'error');
      },
      onSettled: () => {
        busy.current = false;
      },
    });
  };
  return (
    <span className="support">
      <Button variant={supported ? 'primary' : 'secondary'} size={size} aria-pressed={supported} loading={support.isPending} onClick={click}>
        {supported ? <CheckIcon /> : <SupportIcon />}
        {supported ? t('contributions.support.supported') : t('contributions.support.support')}
      </Button>
      {!hideCount && (
        <span className="support-count" aria-live="polite">
          {t('contributions.supportCount', { count })}
        </span>
      )}
    </span>
  );
}
