import { useTranslation } from 'react-i18next';
import { enWebhooks } from '../../i18n/en-webhooks';
import { useEventTypes } from './api';

type Family = keyof typeof enWebhooks.families;
const isFamily = (name: string): name is Family => Object.hasOwn(enWebhooks.families, name);

interface Props {
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}

/**
 * What a webhook receives: everything (`*`), whole families (`contribution.*`, which includes
 * kinds added later) or single event types, which integrators know by their exact names.
 */
export function EventTypePicker({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const catalogue = useEventTypes();
  const all = value.includes('*');
  const set = (entries: string[]) => onChange([...new Set(entries)]);
  const toggle = (entry: string, on: boolean) => set(on ? [...value, entry] : value.filter((v) => v !== entry));
  return (
    <fieldset className={error ? 'fieldset event-picker field-invalid' : 'fieldset event-picker'} aria-describedby={error ? 'event-picker-error' : undefined}>
      <legend>{t('webhooks.form.events')}</legend>
      <p className="field-hint">{t('webhooks.form.eventsHint')}</p>
      <label className="check event-all">
        <input type="checkbox" checked={all} onChange={(e) => onChange(e.target.checked ? ['*'] : [])} />
        <span>{t('webhooks.form.everything')}</span>
      </label>
      {!all && catalogue.data && (
        <ul className="event-families">
          {catalogue.data.families.map((family) => {
            const types = catalogue.data.types.filter((type) => type.startsWith(`${family}.`));
            const whole = value.includes(`${family}.*`);
            const chosen = types.filter((type) => value.includes(type));
            return (
              <li key={family} className="event-family">
                <label className="check">
                  <input type="checkbox" checked={whole} onChange={(e) => set(e.target.checked ? [...value.filter((v) => !v.startsWith(`${family}.`)), `${family}.*`] : value.filter((v) => v !== `${family}.*`))} />
                  <span>
                    {isFamily(family) ? t(`webhooks.families.${family}`) : family} <code className="muted">{family}.*</code>
                  </span>
                </label>
                {!whole && (
                  <details className="event-types" open={chosen.length > 0}>
                    <summary>{chosen.length > 0 ? t('webhooks.form.someChosen', { count: chosen.length }) : t('webhooks.form.chooseSingle')}</summary>
                    <ul>
                      {types.map((type) => (
                        <li key={type}>
                          <label className="check">
                            <input type="checkbox" checked={value.includes(type)} onChange={(e) => toggle(type, e.target.checked)} />
                            <code>{type}</code>
                          </label>
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p className="field-error" id="event-picker-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </fieldset>
  );
}
