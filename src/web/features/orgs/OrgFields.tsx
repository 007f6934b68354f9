import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextArea, TextField } from '../../components/Field';
import type { FieldErrors } from '../../lib/errors';
import type { OrgInput } from './api';
import { VisibilityChoice } from './VisibilityChoice';

export type OrgFieldValues = Omit<OrgInput, 'slug'>;

interface OrgFieldsProps {
  values: OrgFieldValues;
  errors: FieldErrors;
  onChange: (change: Partial<OrgFieldValues>) => void;
  /** Hints for a new organisation; its settings go without. */
  hints?: { name: string; description: string };
  /** Between the name and the description: the address, while it can still be chosen. */
  children?: ReactNode;
}

/** Name, description and visibility: what an organisation is given when created and changed in its settings. */
export function OrgFields({ values, errors, onChange, hints, children }: OrgFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField label={t('fields.orgName')} hint={hints?.name} value={values.name} onChange={(e) => onChange({ name: e.target.value })} error={errors.name} maxLength={100} />
      {children}
      <TextArea
        label={t('fields.description')}
        hint={hints?.description}
        optional
        value={values.description}
        onChange={(e) => onChange({ description: e.target.value })}
        error={errors.description}
        maxLength={2000}
      />
      <VisibilityChoice value={values.visibility} onChange={(visibility) => onChange({ visibility })} />
    </>
  );
}
