import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { Field } from './Field';
import './CopyField.css';

/** A read-only value with a Copy button, for links and secrets shown once. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      // Without clipboard access, select the text so Ctrl+C / long-press copies it.
      input.current?.select();
      setState('failed');
    }
  };

  return (
    <Field label={label} hint={hint}>
      {(control) => (
        <>
          <div className="copy-field">
            <input ref={input} className="input mono" readOnly value={value} {...control} onFocus={(e) => e.target.select()} />
            <Button variant="secondary" onClick={() => void copy()}>
              {t('common.copy')}
            </Button>
          </div>
          <p className="copy-field-status" role="status">
            {state === 'copied' && t('common.copied')}
            {state === 'failed' && t('common.copyFailed')}
          </p>
        </>
      )}
    </Field>
  );
}
