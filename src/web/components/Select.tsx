import type { ReactNode, SelectHTMLAttributes } from 'react';
import { Field } from './Field';

export interface Option<V extends string> {
  value: V;
  label: string;
}

interface SelectProps<V extends string> extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'onChange' | 'value'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  value: V;
  options: readonly Option<V>[];
  onChange: (value: V) => void;
  /** Hides the label visually (it is still read out), for selects inside table rows. */
  hideLabel?: boolean;
}

/** A native select with a label; the native control is the most accessible one on phones too. */
export function Select<V extends string>({ label, hint, error, value, options, onChange, hideLabel, className, ...rest }: SelectProps<V>) {
  const change = (raw: string) => {
    const found = options.find((o) => o.value === raw);
    if (found) onChange(found.value);
  };
  return (
    <Field label={label} hint={hint} error={error} className={className} hideLabel={hideLabel}>
      {(control) => (
        <select {...rest} {...control} className="input" value={value} onChange={(e) => change(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

interface ChoiceGroupProps<V extends string> {
  legend: ReactNode;
  name: string;
  value: V;
  options: readonly (Option<V> & { hint?: string })[];
  onChange: (value: V) => void;
}

/** Radio buttons as large cards, for choices that need an explanation each. */
export function ChoiceGroup<V extends string>({ legend, name, value, options, onChange }: ChoiceGroupProps<V>) {
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="choice">
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          <span>
            <span className="choice-title">{o.label}</span>
            {o.hint && <span className="choice-hint">{o.hint}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
